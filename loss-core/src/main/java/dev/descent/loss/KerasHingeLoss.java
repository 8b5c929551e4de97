package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * What {@link HingeLoss} and {@link SquaredHingeLoss} share: Keras' reading of the targets and a loop over
 * the margin {@code m = 1 - t·p} of each element, of which a subclass gives the loss and its slope.
 *
 * <p>Targets are -1 or 1; a tensor of targets that are all 0 or 1 is mapped to -1 and 1 first, as Keras'
 * {@code _maybe_convert_labels} does. A 0 next to a -1 is refused: Keras would keep the 0, which gives every
 * prediction the loss 1 and no gradient, never what was meant.
 */
abstract sealed class KerasHingeLoss extends AbstractLoss permits HingeLoss, SquaredHingeLoss {
    KerasHingeLoss(String name, Reduction reduction) {
        super(name, reduction);
    }

    /** The loss of one element as a function of its margin {@code m = 1 - t·p}. */
    abstract double value(double margin);

    /** {@code d value / d m}; the gradient is {@code -t} times it. */
    abstract double slope(double margin);

    @Override
    public final double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        boolean zeroOne = check(predictions, targets);
        Shapes.requireGradientShape(name(), predictions, gradient);
        float[] p = predictions.data();
        float[] t = targets.data();
        int n = p.length;
        double scale = Reductions.gradientScale(reduction(), n);
        float[] g = gradient == null ? null : gradient.data();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double sign = zeroOne ? 2.0 * t[i] - 1 : t[i];
            double margin = 1 - sign * p[i];
            sum += value(margin);
            if (g != null) {
                g[i] = (float) (-sign * slope(margin) * scale);
            }
        }
        return Reductions.reduce(reduction(), sum, n);
    }

    @Override
    public final Tensor unreduced(Tensor predictions, Tensor targets) {
        boolean zeroOne = check(predictions, targets);
        Tensor values = Tensor.zerosLike(predictions);
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] v = values.data();
        for (int i = 0; i < p.length; i++) {
            double sign = zeroOne ? 2.0 * t[i] - 1 : t[i];
            v[i] = (float) value(1 - sign * p[i]);
        }
        return values;
    }

    /** Checks shapes and targets; true when the targets are all 0 or 1 and must be mapped to -1 and 1. */
    private boolean check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        Shapes.requireSameShape(name(), predictions, targets);
        float[] t = targets.data();
        int firstZero = -1;
        int firstMinusOne = -1;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 0) {
                firstZero = firstZero < 0 ? i : firstZero;
            } else if (t[i] == -1) {
                firstMinusOne = firstMinusOne < 0 ? i : firstMinusOne;
            } else if (t[i] != 1) {
                throw new IllegalArgumentException(name() + ": target at " + InputChecks.index(i, targets.shape())
                        + " is " + InputChecks.quote(t[i]) + "; targets must be -1 or 1 (or all 0 or 1, read as"
                        + " -1 and 1 as Keras does)");
            }
        }
        if (firstZero >= 0 && firstMinusOne >= 0) {
            throw new IllegalArgumentException(name() + ": target at "
                    + InputChecks.index(firstZero, targets.shape()) + " is '0' but the target at "
                    + InputChecks.index(firstMinusOne, targets.shape()) + " is '-1'; targets must be all -1 or 1,"
                    + " or all 0 or 1 (read as -1 and 1 as Keras does)");
        }
        return firstMinusOne < 0;
    }

    /** The spec that makes this loss: {@code hinge(reduction=sum)}. */
    @Override
    public final String toString() {
        return name() + "(reduction=" + reduction().specName() + ")";
    }
}
