package dev.descent.loss.metric;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Tensor;

/**
 * Mean squared, mean absolute or root mean squared error, scikit-learn's {@code mean_squared_error},
 * {@code mean_absolute_error} and {@code mean_squared_error(squared=False)} (version 1.2). Predictions and
 * targets of one shape, [N] or [N, K] (K outputs; trailing dimensions beyond the second count as outputs), or
 * [N] against [N, 1]. Several outputs are averaged uniformly, as scikit-learn's
 * {@code multioutput='uniform_average'}: rmse is therefore the mean over outputs of each output's root mean
 * square, not the root of the overall mean.
 *
 * <p>Keeps one running {@code double} sum per output, added element by element in input order, so batches
 * give the same bits. Infinities follow IEEE arithmetic; NaN is refused as in scikit-learn. NaN before any
 * sample.
 */
public final class RegressionErrorMetric extends AbstractMetric {

    /** Which error. */
    public enum Kind {
        MSE, MAE, RMSE;

        /** The metric's name: {@code mse}, {@code mae}, {@code rmse}. */
        public String metricName() {
            return SpecWords.of(this);
        }
    }

    /** The shapes the regression metrics take, in words for their descriptions. */
    static final String SHAPES = "predictions and targets [N] or [N, K], the K outputs averaged uniformly";

    private final Kind kind;
    private double[] sums;
    private long rows;

    public RegressionErrorMetric(Kind kind) {
        super(requireNonNull(kind, "kind is null").metricName());
        this.kind = kind;
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        int outputs = MetricInputs.regressionBatch(name(), predictions, targets, sums == null ? 0 : sums.length);
        if (sums == null) {
            sums = new double[outputs];
        }
        float[] p = predictions.data();
        float[] t = targets.data();
        boolean squared = kind != Kind.MAE;
        for (int i = 0; i < p.length; i++) {
            double error = (double) t[i] - p[i];
            sums[i % outputs] += squared ? error * error : Math.abs(error);
        }
        rows += p.length / outputs;
    }

    @Override
    double[] results() {
        if (rows == 0) {
            return new double[] {Double.NaN};
        }
        double total = 0;
        for (double sum : sums) {
            double mean = sum / rows;
            total += kind == Kind.RMSE ? Math.sqrt(mean) : mean;
        }
        return new double[] {total / sums.length};
    }

    @Override
    public void reset() {
        sums = null;
        rows = 0;
    }
}
