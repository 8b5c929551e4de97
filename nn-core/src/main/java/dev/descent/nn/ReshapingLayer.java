package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Layer;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * The base of {@link Flatten} and {@link Reshape}: layers that change only the shape. As PyTorch's
 * {@code view}, forward returns the input's data seen with the new shape and backward the output gradient's
 * seen with the input's, both without a copy. The views are remembered for the last two tensors seen (by their
 * array, offset and shape), so batches out of a model's reused buffers allocate nothing in steady state.
 *
 * <p>The output shares the input's data: the caller must not change the input while it uses the output, as it
 * must not change it before backward anyway.
 */
abstract class ReshapingLayer implements Layer {
    private final String name;
    private final Views outputs = new Views();
    private final Views inputGradients = new Views();
    /** The shapes of the input and output of the last training forward; null before one and after inference. */
    private int[] lastInputShape;
    private int[] lastOutputShape;

    ReshapingLayer(String name) {
        this.name = name;
    }

    /** The per-example output shape, a new array. */
    @Override
    public abstract int[] outputShape(int[] inputShape);

    @Override
    public final Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        Tensor view = outputs.find(input, null);
        if (view == null) {
            int[] shape = input.shapeView();
            if (shape.length == 0) {
                throw new IllegalArgumentException(name + ": expected a batch (batch first), got a scalar");
            }
            int[] perExample = outputShape(Arrays.copyOfRange(shape, 1, shape.length));
            int[] target = new int[perExample.length + 1];
            target[0] = shape[0];
            System.arraycopy(perExample, 0, target, 1, perExample.length);
            view = outputs.remember(input, target);
        }
        if (pass.training()) {
            lastInputShape = input.shapeView();
            lastOutputShape = view.shapeView();
        } else {
            lastInputShape = null;
            lastOutputShape = null;
        }
        return view;
    }

    /**
     * The output gradient seen with the input's shape, or null when {@code inputGradient} is false.
     *
     * @throws IllegalStateException if there was no training forward
     * @throws IllegalArgumentException if {@code outputGradient} does not have that forward's output shape
     */
    @Override
    public final Tensor backward(Tensor outputGradient, boolean inputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        Shapes.requireBackward(name, lastOutputShape, outputGradient);
        if (!inputGradient) {
            return null;
        }
        Tensor view = inputGradients.find(outputGradient, lastInputShape);
        return view != null ? view : inputGradients.remember(outputGradient, lastInputShape);
    }

    /** Views of the last two sources, each keyed by its source's array, offset and shape. */
    private static final class Views {
        private Entry recent;
        private Entry previous;

        private record Entry(float[] array, int offset, int[] sourceShape, Tensor view) {
            boolean matches(Tensor source, int[] target) {
                return array == source.array() && offset == source.offset()
                        && Arrays.equals(sourceShape, source.shapeView())
                        && (target == null || Arrays.equals(view.shapeView(), target));
            }
        }

        /** The remembered view of {@code source}, of shape {@code target} unless that is null; null if none. */
        Tensor find(Tensor source, int[] target) {
            if (recent != null && recent.matches(source, target)) {
                return recent.view;
            }
            if (previous != null && previous.matches(source, target)) {
                Entry hit = previous;
                previous = recent;
                recent = hit;
                return hit.view;
            }
            return null;
        }

        Tensor remember(Tensor source, int[] target) {
            previous = recent;
            recent = new Entry(source.array(), source.offset(), source.shape(), source.reshape(target));
            return recent.view;
        }
    }
}
