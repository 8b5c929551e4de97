package dev.descent.api;

import static java.util.Objects.requireNonNull;

/**
 * The base of layers that apply one function to every element, on inputs of any shape: activations such as
 * relu, tanh or mish. A subclass gives the function, {@link #value y = f(x)}, and its {@link #derivative
 * f'(x)}, which may read the output y as well (relu, sigmoid and tanh are cheapest written from y); this
 * class does the rest: the output shape (the input's), the output and input-gradient tensors (reused from
 * batch to batch, see {@link BatchBuffer}), what {@link #backward} needs from the last training forward,
 * skipping the input gradient when it is not wanted, and the error messages.
 *
 * <pre>{@code
 * public final class Softsign extends ElementwiseLayer {
 *     public Softsign() {
 *         super("softsign");
 *     }
 *
 *     protected double value(double x) {
 *         return x / (1 + Math.abs(x));
 *     }
 *
 *     protected double derivative(double x, double y) {
 *         double d = 1 + Math.abs(x);
 *         return 1 / (d * d);
 *     }
 * }
 * }</pre>
 *
 * <p>Each element is computed in {@code double} from the float input widened exactly, and rounded to float
 * once: {@code y = (float) f(x)}, {@code dx = (float) (dy * f'(x, y))}. NaN in an input should come out as
 * NaN (IEEE arithmetic does this unless a hook compares; {@code x <= 0} is false for NaN). Both hooks are
 * called once per element, so they must be pure (the same result for the same arguments, no state written),
 * cheap and allocation-free; make the subclass final so the JIT can inline them. {@code forward} and
 * {@code backward} themselves allocate nothing once both batch sizes of an epoch have been seen.
 *
 * <p>{@link #backward} reads the input and the output of the last training {@link #forward}, the input kept
 * by reference: the caller must not change it in between. An inference forward forgets them, so a backward
 * after it is refused.
 */
public abstract class ElementwiseLayer implements Layer {
    private final String name;
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();
    /** The input and output of the last training forward; null before one and after an inference forward. */
    private Tensor lastInput;
    private Tensor lastOutput;

    /** @param name the canonical name, used by {@link #name()}, {@link #toString()} and in error messages */
    protected ElementwiseLayer(String name) {
        this.name = requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a layer name must not be blank");
        }
    }

    /** The function at one element, {@code f(x)}. */
    protected abstract double value(double x);

    /**
     * {@code d f / d x} at {@code x}, where {@code y} is {@code f(x)} as forward stored it (rounded to float):
     * use whichever is cheaper or closer to the reference's formula.
     */
    protected abstract double derivative(double x, double y);

    /** The canonical name given to the constructor. */
    public final String name() {
        return name;
    }

    /** The input shape: the function applies to each element. */
    @Override
    public final int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        return inputShape.clone();
    }

    /** {@code f} of every element, into a tensor of the input's shape that this layer owns. */
    @Override
    public final Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        Tensor result = output.get(input.shapeView());
        float[] x = input.array();
        int from = input.offset();
        float[] y = result.array();
        int n = result.size();
        for (int i = 0; i < n; i++) {
            y[i] = (float) value(x[from + i]);
        }
        if (pass.training()) {
            lastInput = input;
            lastOutput = result;
        } else {
            lastInput = null;
            lastOutput = null;
        }
        return result;
    }

    /**
     * {@code outputGradient} times {@link #derivative} at each element of the last training forward, or null
     * when {@code inputGradient} is false (there are no parameters, so nothing else is left to do).
     *
     * @throws IllegalStateException if there was no training forward since the last inference one
     * @throws IllegalArgumentException if {@code outputGradient} does not have that forward's shape, naming both
     */
    @Override
    public final Tensor backward(Tensor outputGradient, boolean inputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        Shapes.requireBackward(name, lastOutput == null ? null : lastOutput.shapeView(), outputGradient);
        if (!inputGradient) {
            return null;
        }
        Tensor result = this.inputGradient.get(outputGradient.shapeView());
        float[] x = lastInput.array();
        int xFrom = lastInput.offset();
        float[] y = lastOutput.array();
        float[] dY = outputGradient.array();
        int dYFrom = outputGradient.offset();
        float[] dX = result.array();
        int n = result.size();
        for (int i = 0; i < n; i++) {
            dX[i] = (float) (dY[dYFrom + i] * derivative(x[xFrom + i], y[i]));
        }
        return result;
    }

    /** The spec that makes this layer: its name; a layer with parameters overrides it, {@code elu(alpha=0.5)}. */
    @Override
    public String toString() {
        return name;
    }
}
