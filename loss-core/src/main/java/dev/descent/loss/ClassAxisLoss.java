package dev.descent.loss;

import static dev.descent.loss.ClassAxis.IGNORED;
import static java.util.Objects.requireNonNull;

import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * What {@link CrossEntropyLoss} and {@link NllLoss} share: predictions with classes on axis 1
 * ({@link ClassAxis}), class-index targets of which those equal to {@code ignore_index} are left out, an
 * optional weight per class, and the checks, compute and unreduced around a subclass's loop over positions.
 */
abstract sealed class ClassAxisLoss extends AbstractLoss permits CrossEntropyLoss, NllLoss {
    private final boolean probabilitiesAllowed;
    /** A weight per class, or null for none. */
    final double[] weight;
    /** The target value whose positions are left out. */
    final int ignoreIndex;

    /**
     * @param probabilitiesAllowed whether targets may also be class probabilities of the predictions' shape
     */
    ClassAxisLoss(String name, boolean probabilitiesAllowed, double[] weight, int ignoreIndex,
            Reduction reduction) {
        super(name, reduction);
        this.probabilitiesAllowed = probabilitiesAllowed;
        this.weight = weight == null ? null : weight.clone();
        this.ignoreIndex = ignoreIndex;
    }

    /**
     * The reduced loss over the positions of {@code axis}; each position's value into {@code values} and the
     * scaled gradient into {@code g}, each if not null.
     */
    abstract double run(Tensor predictions, Tensor targets, ClassAxis axis, float[] g, float[] values);

    @Override
    public final double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        ClassAxis axis = check(predictions, targets);
        Shapes.requireGradientShape(name(), predictions, gradient);
        return run(predictions, targets, axis, gradient == null ? null : gradient.data(), null);
    }

    @Override
    public final Tensor unreduced(Tensor predictions, Tensor targets) {
        ClassAxis axis = check(predictions, targets);
        Tensor values = Tensor.zeros(axis.positionShape());
        run(predictions, targets, axis, null, values.data());
        return values;
    }

    private ClassAxis check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        ClassAxis axis = ClassAxis.of(name(), predictions, targets, probabilitiesAllowed);
        InputChecks.requireClassWeights(name(), weight, predictions, axis.classes());
        return axis;
    }

    /**
     * Checks every index target, so that a loop may trust them, and gives the mean's denominator: the weight
     * (or count) of the targets that are not ignored.
     */
    final double indexDenominator(Tensor targets, ClassAxis axis) {
        double denominator = 0;
        for (int position = 0; position < axis.positions(); position++) {
            int y = axis.classIndex(name(), targets, position, ignoreIndex);
            if (y != IGNORED) {
                denominator += weight == null ? 1 : weight[y];
            }
        }
        return denominator;
    }

    /** The spec that makes this loss: {@code nll(ignore_index=-100, reduction=mean)}. */
    @Override
    public final String toString() {
        return name() + "(" + (weight == null ? "" : "weight=" + Arrays.toString(weight) + ", ") + "ignore_index="
                + ignoreIndex + ", " + parameters() + "reduction=" + reduction().specName() + ")";
    }

    /** The parameters after {@code ignore_index}, each followed by {@code ", "}, for {@link #toString()}. */
    String parameters() {
        return "";
    }
}
