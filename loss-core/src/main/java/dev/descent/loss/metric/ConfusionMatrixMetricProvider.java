package dev.descent.loss.metric;

import dev.descent.api.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/** Provides {@link ConfusionMatrixMetric} as {@code confusion_matrix}. */
public final class ConfusionMatrixMetricProvider extends SimpleMetricProvider {
    static final ParamSpec NORMALIZE = ParamSpec.choice("normalize", "none", ConfusionMatrixMetric.Normalize.names(),
            "none: counts; true: each row (true class) sums to 1; pred: each column; all: the whole matrix");

    public ConfusionMatrixMetricProvider() {
        super(ConfusionMatrixMetric.NAME, "[C, C] counts, rows the true class and columns the predicted one, as"
                + " sklearn.metrics.confusion_matrix with labels=range(C); predictions [N] of scores, positive above"
                + " threshold (binary) or [N, C] of scores, argmax (multiclass); targets [N] of class labels",
                withInputs(), params -> new ConfusionMatrixMetric(ClassificationInputs.from(params),
                        ConfusionMatrixMetric.Normalize.of(params.string(NORMALIZE.name()))));
    }

    private static List<ParamSpec> withInputs() {
        List<ParamSpec> params = new ArrayList<>(ClassificationInputs.PARAMS);
        params.add(NORMALIZE);
        return params;
    }
}
