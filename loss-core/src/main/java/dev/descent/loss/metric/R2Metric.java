package dev.descent.loss.metric;

import dev.descent.api.Tensor;

/**
 * The coefficient of determination, scikit-learn's {@code r2_score} (version 1.2, {@code force_finite=True}):
 * per output {@code 1 - SS_res / SS_tot} with {@code SS_res = sum (t - p)^2} and
 * {@code SS_tot = sum (t - mean(t))^2}; an output with {@code SS_res = 0} scores 1, one with {@code SS_tot = 0}
 * but {@code SS_res > 0} scores 0; outputs averaged uniformly. Shapes as {@link RegressionErrorMetric}.
 * NaN with fewer than two samples, as scikit-learn.
 *
 * <p>{@code SS_tot} needs the mean of all targets, which a stream knows only at the end; the metric keeps it
 * with Welford's update, element by element in input order: numerically stable (no cancellation of
 * {@code sum t^2 - (sum t)^2 / n}) and the same bits whatever the batches. Constant targets give
 * {@code SS_tot} exactly 0 here; scikit-learn's two-pass mean may leave a rounding residue (targets all 0.1:
 * mean 0.10000000000000002), which turns its 0 into a huge negative score.
 */
public final class R2Metric extends AbstractMetric {
    /** The canonical name, as written in specs. */
    public static final String NAME = "r2";

    private double[] residuals;
    private double[] means;
    private double[] squares;
    private long rows;

    public R2Metric() {
        super(NAME);
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        int outputs = MetricInputs.regressionBatch(NAME, predictions, targets,
                residuals == null ? 0 : residuals.length);
        if (residuals == null) {
            residuals = new double[outputs];
            means = new double[outputs];
            squares = new double[outputs];
        }
        float[] p = predictions.data();
        float[] t = targets.data();
        int batchRows = p.length / outputs;
        for (int row = 0; row < batchRows; row++) {
            long count = rows + row + 1;
            for (int k = 0; k < outputs; k++) {
                int i = row * outputs + k;
                double target = t[i];
                double error = target - p[i];
                residuals[k] += error * error;
                double delta = target - means[k];
                means[k] += delta / count;
                squares[k] += delta * (target - means[k]);
            }
        }
        rows += batchRows;
    }

    @Override
    double[] results() {
        if (rows < 2) {
            return new double[] {Double.NaN};
        }
        double total = 0;
        for (int k = 0; k < residuals.length; k++) {
            double score;
            if (residuals[k] == 0) {
                score = 1;
            } else if (squares[k] == 0) {
                score = 0;
            } else {
                score = 1 - residuals[k] / squares[k];
            }
            total += score;
        }
        return new double[] {total / residuals.length};
    }

    @Override
    public void reset() {
        residuals = null;
        means = null;
        squares = null;
        rows = 0;
    }
}
