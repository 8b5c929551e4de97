package dev.descent.testkit;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Shapes;
import java.util.List;

/**
 * What {@link ContractChecks#checkLoss} checks a loss with. Start from {@link #defaults()} and change what
 * the loss needs:
 *
 * <pre>{@code
 * LossCheckConfig.defaults()
 *         .withSpecs("focal", "focal(gamma=0.5, reduction=sum)")
 *         .withTargets((shape, random) -> ...)   // e.g. zeros and ones for a binary loss
 * }</pre>
 *
 * @param specs the specs to create the loss from; empty means {@link ContractChecks#defaultSpec}
 * @param resolver builds nested specs
 * @param shape the shape of the predictions
 * @param mismatchedShape the shape targets are drawn for in the shape-error check; it must not fit
 *     {@code shape}
 * @param predictions draws predictions for {@code shape}
 * @param targets draws targets for {@code shape}
 * @param linearReduction whether {@code sum = mean × n} and the unreduced values sum to {@code sum}; false
 *     for a loss such as rmse that takes a root after reducing (then only {@code none} is checked)
 */
public record LossCheckConfig(List<String> specs, ComponentResolver resolver, int[] shape, int[] mismatchedShape,
        TensorGenerator predictions, TensorGenerator targets, boolean linearReduction) {

    /** The default shape of the predictions, [4, 3]. */
    public static final int[] DEFAULT_SHAPE = {4, 3};

    public LossCheckConfig {
        specs = List.copyOf(requireNonNull(specs, "specs is null"));
        requireNonNull(resolver, "resolver is null");
        shape = requireNonNull(shape, "shape is null").clone();
        mismatchedShape = requireNonNull(mismatchedShape, "mismatchedShape is null").clone();
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        if (java.util.Arrays.equals(shape, mismatchedShape)) {
            throw new IllegalArgumentException("mismatchedShape " + Shapes.toString(mismatchedShape)
                    + " equals shape; it must be a targets shape that does not fit the predictions");
        }
    }

    /**
     * The default spec, no nested specs, predictions of shape [4, 3], predictions and targets uniform in
     * [-2, 2), targets of shape [4, 2] for the shape error, and a linear reduction.
     */
    public static LossCheckConfig defaults() {
        return new LossCheckConfig(List.of(), ComponentResolver.NONE, DEFAULT_SHAPE, mismatch(DEFAULT_SHAPE),
                TensorGenerator.uniform(-2, 2), TensorGenerator.uniform(-2, 2), true);
    }

    /** {@code shape} with its last axis one shorter (one longer when it is 1 or less): [4, 3] gives [4, 2]. */
    static int[] mismatch(int[] shape) {
        if (shape.length == 0) {
            return new int[] {2};
        }
        int[] other = shape.clone();
        int last = other.length - 1;
        other[last] = other[last] > 1 ? other[last] - 1 : other[last] + 1;
        return other;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int[] mismatchedShape() {
        return mismatchedShape.clone();
    }

    public LossCheckConfig withSpecs(String... newSpecs) {
        return withSpecs(List.of(newSpecs));
    }

    public LossCheckConfig withSpecs(List<String> newSpecs) {
        return new LossCheckConfig(newSpecs, resolver, shape, mismatchedShape, predictions, targets, linearReduction);
    }

    public LossCheckConfig withResolver(ComponentResolver newResolver) {
        return new LossCheckConfig(specs, newResolver, shape, mismatchedShape, predictions, targets, linearReduction);
    }

    /** Another predictions shape; the mismatched shape follows it (last axis one shorter) unless set after. */
    public LossCheckConfig withShape(int... newShape) {
        return new LossCheckConfig(specs, resolver, newShape, mismatch(newShape), predictions, targets,
                linearReduction);
    }

    public LossCheckConfig withMismatchedShape(int... newShape) {
        return new LossCheckConfig(specs, resolver, shape, newShape, predictions, targets, linearReduction);
    }

    public LossCheckConfig withPredictions(TensorGenerator newPredictions) {
        return new LossCheckConfig(specs, resolver, shape, mismatchedShape, newPredictions, targets, linearReduction);
    }

    public LossCheckConfig withTargets(TensorGenerator newTargets) {
        return new LossCheckConfig(specs, resolver, shape, mismatchedShape, predictions, newTargets, linearReduction);
    }

    public LossCheckConfig withLinearReduction(boolean newLinearReduction) {
        return new LossCheckConfig(specs, resolver, shape, mismatchedShape, predictions, targets, newLinearReduction);
    }

    @Override
    public String toString() {
        return "LossCheckConfig[specs=" + specs + ", shape=" + Shapes.toString(shape) + ", mismatchedShape="
                + Shapes.toString(mismatchedShape) + ", linearReduction=" + linearReduction + "]";
    }
}
