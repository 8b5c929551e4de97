package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Initializer;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import dev.descent.nn.init.Initializers;
import dev.descent.nn.kernel.Kernels;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer, {@code y = x Wᵀ + b}, as PyTorch's {@code nn.Linear}: the weight W has shape
 * [out_features, in_features], the bias b has shape [out_features]. The input has rank 2 or more, its
 * last axis holds the in_features and every axis before it counts as batch, so [batch, in] maps to
 * [batch, out] and [batch, seq, in] to [batch, seq, out].
 *
 * <p>{@link #initialize} draws W and b uniformly from [-1/√in_features, 1/√in_features], as PyTorch's
 * {@code reset_parameters}. A layer made with {@link #lazy} learns in_features from the first input shape
 * it sees (as PyTorch's {@code LazyLinear}).
 *
 * <p>Before {@link #initialize} is called, the weights are those drawn by a generator seeded with
 * {@link #DEFAULT_SEED}: at construction when in_features is given, at the first {@link #forward}
 * otherwise. So a layer used without {@code initialize} is reproducible, but every such layer of one
 * shape starts from the same weights; a model should initialise its layers from its own seed.
 *
 * <p>An optional {@code activation}, as Keras's {@code Dense(64, activation='relu')}, is applied after the
 * affine map inside this layer: forward returns {@code activation(x Wᵀ + b)} and backward chains through it.
 * It must keep the shape and hold no parameters or buffers (an element-wise layer, softmax, dropout), so the
 * layer's parameters stay {@code weight} and {@code bias}.
 *
 * <p>{@link #backward} uses the input of the last training {@link #forward}, kept by reference: the
 * caller must not modify it in between.
 */
public final class Linear implements Layer {
    /** The seed of the weights a layer holds until {@link #initialize} is called. */
    public static final long DEFAULT_SEED = 0x5EEDL;

    private static final Initializer TORCH_DEFAULT = Initializers.create(Initializers.TORCH_DEFAULT);

    private final int outFeatures;
    private final boolean hasBias;
    private final Initializer init;
    /** Applied after the affine map; null for none. */
    private final Layer activation;
    /** Whether the activation was initialised for this layer's output and checked. */
    private boolean activationReady;
    /** 0 until known, for a lazy layer. */
    private int inFeatures;
    /** Null until in_features is known. */
    private Parameter weight;
    /** Null without a bias, or until in_features is known. */
    private Parameter bias;
    /** The input of the last training forward, which backward needs; null before one. */
    private Tensor lastInput;
    private final BatchBuffer output = new BatchBuffer();
    private final BatchBuffer inputGradient = new BatchBuffer();
    /**
     * The full output shape of the last forward, and of the one of another shape before it, kept so that the
     * two batch sizes of an epoch allocate nothing.
     */
    private int[] outputShape = new int[0];
    private int[] previousOutputShape = new int[0];

    /**
     * A layer of the given size with a bias, its weights drawn from {@link #DEFAULT_SEED} until
     * {@link #initialize} draws them again.
     */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /**
     * A layer of the given size, its weights drawn from {@link #DEFAULT_SEED} until {@link #initialize}
     * draws them again.
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, TORCH_DEFAULT);
    }

    /**
     * A layer of the given size whose weight {@code init} draws (the bias is drawn as PyTorch's, uniform in
     * ±1/√in_features); drawn from {@link #DEFAULT_SEED} until {@link #initialize} draws them again.
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Initializer init) {
        this(inFeatures, outFeatures, bias, init, null);
    }

    /**
     * {@link #Linear(int, int, boolean, Initializer)} followed by {@code activation} (null for none), as Keras's
     * {@code Dense(units, activation=...)}.
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Initializer init, Layer activation) {
        this(outFeatures, bias, init, activation);
        requirePositive("in_features", inFeatures);
        size(inFeatures);
        draw(new SplittableRandom(DEFAULT_SEED));
    }

    private Linear(int outFeatures, boolean bias, Initializer init, Layer activation) {
        this.outFeatures = requirePositive("out_features", outFeatures);
        this.hasBias = bias;
        this.init = requireNonNull(init, "init is null");
        this.activation = activation;
    }

    /**
     * A layer whose in_features is taken from the last axis of the first input shape it is given, by
     * {@link #initialize}, {@link #forward} or {@link #outputShape} followed by one of those.
     */
    public static Linear lazy(int outFeatures, boolean bias) {
        return new Linear(outFeatures, bias, TORCH_DEFAULT, null);
    }

    /** {@link #lazy(int, boolean)} whose weight {@code init} draws. */
    public static Linear lazy(int outFeatures, boolean bias, Initializer init) {
        return new Linear(outFeatures, bias, init, null);
    }

    /** {@link #lazy(int, boolean, Initializer)} followed by {@code activation} (null for none). */
    public static Linear lazy(int outFeatures, boolean bias, Initializer init, Layer activation) {
        return new Linear(outFeatures, bias, init, activation);
    }

    private static int requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("linear: " + name + " must be an integer >= 1, got '" + value + "'");
        }
        return value;
    }

    private void size(int features) {
        inFeatures = features;
        weight = Parameter.of("weight", Tensor.zeros(outFeatures, features));
        bias = hasBias ? Parameter.of("bias", Tensor.zeros(outFeatures)) : null;
    }

    /**
     * The weight from {@code init}, then the bias as PyTorch's {@code reset_parameters}: uniform in
     * ±1/√in_features (which is also the weight's bound under the default, kaiming_uniform with a = √5).
     */
    private void draw(RandomGenerator random) {
        init.initialize(weight.value(), random);
        if (bias != null) {
            fillUniform(bias.value().data(), 1.0 / Math.sqrt(inFeatures), random);
        }
    }

    private static void fillUniform(float[] values, double bound, RandomGenerator random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-bound, bound);
        }
    }

    /** The number of input features, empty while a {@link #lazy} layer has not seen an input. */
    public OptionalInt inFeatures() {
        return inFeatures == 0 ? OptionalInt.empty() : OptionalInt.of(inFeatures);
    }

    public int outFeatures() {
        return outFeatures;
    }

    public boolean hasBias() {
        return hasBias;
    }

    /** The layer applied after the affine map, if any. */
    public Optional<Layer> activation() {
        return Optional.ofNullable(activation);
    }

    /**
     * The weight, shape [out_features, in_features].
     *
     * @throws IllegalStateException while a {@link #lazy} layer has not seen an input
     */
    public Parameter weight() {
        requireSized();
        return weight;
    }

    /**
     * The bias, shape [out_features].
     *
     * @throws IllegalStateException if the layer has no bias, or while a {@link #lazy} layer has not seen
     *     an input
     */
    public Parameter bias() {
        if (!hasBias) {
            throw new IllegalStateException(this + " has no bias; create it with bias=true");
        }
        requireSized();
        return bias;
    }

    private void requireSized() {
        if (weight == null) {
            throw new IllegalStateException(this + ": in_features is not known yet, so the parameters do not"
                    + " exist; call initialize(inputShape, random) or forward first");
        }
    }

    /**
     * Maps [..., in_features] to [..., out_features]; a {@link #lazy} layer that has not seen an input
     * takes any last axis of length 1 or more.
     */
    @Override
    public int[] outputShape(int[] inputShape) {
        requireNonNull(inputShape, "inputShape is null");
        checkFeatures(inputShape);
        int[] output = inputShape.clone();
        output[output.length - 1] = outFeatures;
        if (activation != null) {
            requireSameShape(output, activation.outputShape(output));
        }
        return output;
    }

    private void requireSameShape(int[] affine, int[] activated) {
        if (!Arrays.equals(affine, activated)) {
            throw new IllegalArgumentException("linear: activation '" + activation + "' turns the per-example shape "
                    + Shapes.toString(affine) + " into " + Shapes.toString(activated) + "; an activation must keep"
                    + " the shape (put a layer that changes it after linear instead)");
        }
    }

    /**
     * Initialises the activation for this layer's per-example output and checks that it keeps the shape and
     * holds no parameters or buffers, once.
     */
    private void readyActivation(int[] perExampleOutput, RandomGenerator random) {
        activation.initialize(perExampleOutput, random);
        requireSameShape(perExampleOutput, activation.outputShape(perExampleOutput));
        if (!activation.parameters().isEmpty() || !activation.buffers().isEmpty()) {
            throw new IllegalArgumentException("linear: activation '" + activation + "' has parameters or buffers;"
                    + " linear's parameters are weight and bias only, so put that layer after linear instead");
        }
        activationReady = true;
    }

    private void checkFeatures(int[] perExample) {
        if (inFeatures != 0) {
            if (perExample.length == 0 || perExample[perExample.length - 1] != inFeatures) {
                throw new IllegalArgumentException("linear: expected inputs whose last axis has " + inFeatures
                        + " elements (in_features), got per-example shape " + Shapes.toString(perExample));
            }
        } else if (perExample.length == 0 || perExample[perExample.length - 1] < 1) {
            throw new IllegalArgumentException("linear: cannot infer in_features from per-example shape "
                    + Shapes.toString(perExample) + "; expected at least one axis, the last of length >= 1");
        }
    }

    /**
     * Takes in_features from {@code inputShape} if it was left open, and draws fresh weights from
     * {@code random}: W first, row by row, then b. The {@link Parameter} objects stay the same, so
     * references to them stay valid; their gradients are zeroed.
     *
     * @throws IllegalArgumentException if the input's last axis does not match in_features
     */
    @Override
    public void initialize(int[] inputShape, RandomGenerator random) {
        requireNonNull(inputShape, "inputShape is null");
        requireNonNull(random, "random is null");
        checkFeatures(inputShape);
        if (weight == null) {
            size(inputShape[inputShape.length - 1]);
        }
        draw(random);
        for (Parameter parameter : parameters()) {
            parameter.zeroGradient();
        }
        if (activation != null) {
            readyActivation(outputShape(inputShape), random);
        }
        lastInput = null;
        output.clear();
        inputGradient.clear();
    }

    /**
     * {@code x Wᵀ + b} for a batch of rank 2 or more, then the activation if there is one. A {@link #lazy} layer
     * that was never initialised takes in_features from this input and draws its weights from
     * {@link #DEFAULT_SEED}.
     */
    @Override
    public Tensor forward(Tensor input, Pass pass) {
        requireNonNull(input, "input is null");
        requireNonNull(pass, "pass is null");
        int[] shape = input.shapeView();
        if (shape.length < 2) {
            throw new IllegalArgumentException("linear: expected a batch of rank >= 2 (batch first, features"
                    + " last), got shape " + Shapes.toString(shape));
        }
        if (weight == null) {
            initialize(Arrays.copyOfRange(shape, 1, shape.length), new SplittableRandom(DEFAULT_SEED));
        }
        if (shape[shape.length - 1] != inFeatures) {
            checkFeatures(Arrays.copyOfRange(shape, 1, shape.length));
        }
        if (!sameOutputShape(outputShape, shape)) {
            int[] other = previousOutputShape;
            previousOutputShape = outputShape;
            if (sameOutputShape(other, shape)) {
                outputShape = other;
            } else {
                outputShape = shape.clone();
                outputShape[shape.length - 1] = outFeatures;
            }
        }
        int rows = input.size() / inFeatures;

        Tensor result = output.get(outputShape);
        Kernels.multiplyTransposed(input.data(), weight.value().data(), result.data(), rows, inFeatures,
                outFeatures);
        if (bias != null) {
            Kernels.addToEachRow(bias.value().data(), result.data(), rows, outFeatures);
        }
        lastInput = pass.training() ? input : null;
        if (activation == null) {
            return result;
        }
        if (!activationReady) {
            readyActivation(Arrays.copyOfRange(outputShape, 1, outputShape.length), new SplittableRandom(DEFAULT_SEED));
        }
        return activation.forward(result, pass);
    }

    /** Whether an input of {@code inputShape} gives {@code outputShape}. */
    private static boolean sameOutputShape(int[] outputShape, int[] inputShape) {
        if (outputShape.length != inputShape.length) {
            return false;
        }
        for (int i = 0; i < inputShape.length - 1; i++) {
            if (outputShape[i] != inputShape[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds {@code dYᵀ X} to the weight's gradient and the batch sum of dY to the bias's, and returns
     * {@code dX = dY W} when {@code inputGradient} is true (null otherwise). With an activation, dY is first
     * back-propagated through it.
     *
     * @throws IllegalStateException if there was no training forward
     * @throws IllegalArgumentException if {@code outputGradient} does not have the shape of that
     *     forward's output
     */
    @Override
    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        Shapes.requireBackward("linear", lastInput == null ? null : outputShape, outputGradient);
        int rows = lastInput.size() / inFeatures;
        float[] dY = activation == null ? outputGradient.data() : activation.backward(outputGradient, true).data();

        Kernels.transposedMultiplyAdd(dY, lastInput.data(), weight.gradient().data(), outFeatures, rows,
                inFeatures);
        if (bias != null) {
            Kernels.addColumnSums(dY, bias.gradient().data(), rows, outFeatures);
        }
        if (!inputGradient) {
            return null;
        }
        Tensor dX = this.inputGradient.zeroed(lastInput.shapeView());
        Kernels.multiplyAdd(dY, weight.value().data(), dX.data(), rows, outFeatures, inFeatures);
        return dX;
    }

    /**
     * {@code weight}, then {@code bias} if the layer has one.
     *
     * @throws IllegalStateException while a {@link #lazy} layer has not seen an input
     */
    @Override
    public List<Parameter> parameters() {
        requireSized();
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    /** The layer as a spec: {@code linear(in_features=3, out_features=2, bias=true, activation=relu)}. */
    @Override
    public String toString() {
        return "linear(" + (inFeatures == 0 ? "" : "in_features=" + inFeatures + ", ") + "out_features="
                + outFeatures + ", bias=" + hasBias + (activation == null ? "" : ", activation=" + activation) + ")";
    }
}
