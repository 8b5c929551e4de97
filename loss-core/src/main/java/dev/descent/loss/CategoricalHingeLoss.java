package dev.descent.loss;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * The categorical hinge loss as Keras defines it ({@code keras.losses.categorical_hinge}), a multi-class
 * hinge on scores with one-hot targets. For each sample (row of the last axis):
 * <pre>
 *   pos  = sum_j t_j p_j                 (the score of the true class)
 *   neg  = max_j (1 - t_j) p_j           (the best other score, or 0 if all of those are below 0)
 *   loss = max(neg - pos + 1, 0)
 * </pre>
 * This is Keras' code literally: the maximum runs over {@code (1 - t_j) p_j}, which is 0 at the true class,
 * so {@code neg} is never below 0 and a sample is only free of loss once its true score is at least 1 as
 * well as 1 above every other score. (A "max over the other classes" alone would differ when every other
 * score is negative.) PyTorch has no such loss; its {@code multi_margin} is the per-class sum variant.
 *
 * <p>Shapes: predictions {@code [N, C]} (or {@code [N, ..., C]}, classes on the last axis as in Keras),
 * targets one-hot of the same shape: each value 0 or 1 and exactly one 1 per row, otherwise an
 * {@link IllegalArgumentException} names the row and what it holds. {@link #unreduced} has one value per
 * row, shape {@code [N]} (the predictions' shape without its last axis); the mean is over rows.
 *
 * <p>Gradient: where the loss is active ({@code neg - pos + 1 >= 0}, active at the tie as TensorFlow's
 * {@code maximum}), {@code -1} for the true class and {@code +1} for the class holding {@code neg}; when
 * several classes tie for the maximum the {@code +1} is shared evenly among them, as TensorFlow's
 * {@code reduce_max} does (the true class's share is multiplied by its {@code 1 - t = 0}).
 */
public final class CategoricalHingeLoss extends PerSampleLoss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "categorical_hinge";

    /** The categorical hinge loss reduced by {@code reduction}. */
    public CategoricalHingeLoss(Reduction reduction) {
        super(NAME, reduction);
    }

    /** The mean categorical hinge loss over samples. */
    public CategoricalHingeLoss() {
        this(Reduction.MEAN);
    }

    /** One value per row: the predictions' shape without its last axis. */
    @Override
    int[] valueShape(Tensor predictions) {
        int[] shape = predictions.shape();
        return Arrays.copyOf(shape, shape.length - 1);
    }

    @Override
    double sample(float[] p, float[] t, int row, int classes, float[] g, double scale) {
        int start = row * classes;
        double pos = 0;
        double neg = Double.NEGATIVE_INFINITY;
        for (int j = start; j < start + classes; j++) {
            pos += t[j] * (double) p[j];
            // Math.max passes a NaN on, so a NaN score makes the row's loss NaN.
            neg = Math.max(neg, (1 - t[j]) * (double) p[j]);
        }
        double z = neg - pos + 1;
        if (g != null) {
            gradientOfRow(p, t, g, start, classes, neg, z >= 0 ? scale : 0);
        }
        return Math.max(z, 0);
    }

    private static void gradientOfRow(float[] p, float[] t, float[] g, int start, int classes, double neg,
            double active) {
        int ties = 0;
        for (int j = start; j < start + classes; j++) {
            if ((1 - t[j]) * (double) p[j] == neg) {
                ties++;
            }
        }
        for (int j = start; j < start + classes; j++) {
            boolean holdsMax = (1 - t[j]) * (double) p[j] == neg;
            double share = holdsMax ? (1 - t[j]) / (double) ties : 0;
            g[j] = (float) (active * (share - t[j]));
        }
    }

    @Override
    void check(Tensor predictions, Tensor targets) {
        if (predictions.rank() < 2 || !Arrays.equals(predictions.shape(), targets.shape())) {
            throw new IllegalArgumentException(NAME + ": predictions of shape " + Shapes.toString(predictions.shape())
                    + " do not fit targets of shape " + Shapes.toString(targets.shape()) + "; expected scores [N, C]"
                    + " and one-hot targets [N, C] of the same shape (classes on the last axis)");
        }
        float[] t = targets.data();
        int classes = targets.dim(-1);
        int[] shape = targets.shape();
        if (classes == 0) {
            throw new IllegalArgumentException(NAME + ": predictions of shape " + Shapes.toString(shape)
                    + " have no classes; expected at least one on the last axis");
        }
        for (int start = 0; start < t.length; start += classes) {
            int ones = 0;
            for (int j = start; j < start + classes; j++) {
                if (t[j] == 1) {
                    ones++;
                } else if (t[j] != 0) {
                    throw new IllegalArgumentException(NAME + ": target at " + InputChecks.index(j, shape) + " is "
                            + InputChecks.quote(t[j]) + "; one-hot targets hold only 0 and 1");
                }
            }
            if (ones != 1) {
                String row = InputChecks.index(start, shape);
                throw new IllegalArgumentException(NAME + ": target row " + row.substring(0, row.lastIndexOf(','))
                        + ", ...] holds " + ones + " ones; one-hot targets hold exactly one 1 per row");
            }
        }
    }

    /** The spec that makes this loss: {@code categorical_hinge(reduction=sum)}. */
    @Override
    public String toString() {
        return NAME + "(reduction=" + reduction().specName() + ")";
    }
}
