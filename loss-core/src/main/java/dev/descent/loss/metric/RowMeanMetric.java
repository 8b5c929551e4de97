package dev.descent.loss.metric;

/**
 * A metric that is the mean over rows (samples, users, queries) of a score per row: accuracy and top-k accuracy
 * (1 or 0 per row), hit rate and NDCG (a fraction per row). Keeps the sum of the row scores, added in row order,
 * and the row count, so batches give the same bits. NaN before any row.
 */
abstract class RowMeanMetric extends AbstractMetric {
    private double sum;
    private long rows;

    RowMeanMetric(String name) {
        super(name);
    }

    /** Adds one row's score. */
    final void addRow(double score) {
        sum += score;
        rows++;
    }

    /** The number of rows added since the last reset. */
    final long rows() {
        return rows;
    }

    @Override
    final double[] results() {
        return new double[] {rows == 0 ? Double.NaN : sum / rows};
    }

    @Override
    public final void reset() {
        sum = 0;
        rows = 0;
        forget();
    }

    /** Forgets what a subclass learned from the batches (task, class count); nothing by default. */
    void forget() {}
}
