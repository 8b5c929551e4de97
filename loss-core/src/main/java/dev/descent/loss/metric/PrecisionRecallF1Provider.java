package dev.descent.loss.metric;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.ArrayList;
import java.util.List;

/** What the precision, recall and F1 providers share: their parameters and how they create the metric. */
abstract class PrecisionRecallF1Provider extends SimpleMetricProvider {
    static final String INPUTS = "predictions [N] of scores, positive above threshold (binary), [N, C] of scores,"
            + " argmax (multiclass) or [N, L] of scores (multilabel); targets [N] of class labels or [N, L] of 0/1";

    static final ParamSpec AVERAGE = ParamSpec.choice("average", "binary", Average.names(),
            "binary: the class pos_label alone (two classes only); micro: from counts summed over classes; macro:"
                    + " unweighted mean over classes; weighted: mean weighted by support; none: [C] per class");
    static final ParamSpec POS_LABEL = ParamSpec.integer("pos_label", 1, "the positive class of average=binary")
            .atLeast(0).atMost(1);
    static final ParamSpec ZERO_DIVISION = ParamSpec.real("zero_division", 0.0,
            "the value of a ratio whose denominator is 0: 0 or 1 (scikit-learn's 'warn' gives 0)")
            .atLeast(0).atMost(1);

    static final List<ParamSpec> PARAMS = withInputs();

    PrecisionRecallF1Provider(PrecisionRecallF1Metric.Score score, String description) {
        super(score.metricName(), description, PARAMS, params -> create(score, params));
    }

    private static List<ParamSpec> withInputs() {
        List<ParamSpec> params = new ArrayList<>(ClassificationInputs.PARAMS);
        params.addAll(List.of(AVERAGE, POS_LABEL, ZERO_DIVISION));
        return List.copyOf(params);
    }

    private static PrecisionRecallF1Metric create(PrecisionRecallF1Metric.Score score, Params params) {
        double zeroDivision = params.real(ZERO_DIVISION.name());
        if (zeroDivision != 0 && zeroDivision != 1) {
            throw new InvalidParameterException(ZERO_DIVISION.name(), "parameter 'zero_division' of "
                    + params.owner() + " must be 0 or 1, got " + zeroDivision);
        }
        return new PrecisionRecallF1Metric(score, ClassificationInputs.from(params),
                Average.of(params.string(AVERAGE.name())), params.integer(POS_LABEL.name()), zeroDivision);
    }
}
