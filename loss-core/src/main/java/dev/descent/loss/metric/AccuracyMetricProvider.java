package dev.descent.loss.metric;

/** Provides {@link AccuracyMetric} as {@code accuracy}. */
public final class AccuracyMetricProvider extends SimpleMetricProvider {
    public AccuracyMetricProvider() {
        super(AccuracyMetric.NAME, "fraction of samples predicted right, as sklearn.metrics.accuracy_score"
                + " (multilabel: the whole row right); " + PrecisionRecallF1Provider.INPUTS,
                ClassificationInputs.PARAMS, params -> new AccuracyMetric(ClassificationInputs.from(params)));
    }
}
