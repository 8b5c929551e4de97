package dev.descent.nn.merge;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.MergeLayer;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the merge layers share: the number of inputs, one batch size, the per-example shapes of the last
 * forward (the layer re-plans only when they change, so a steady batch allocates nothing), the inputs of
 * the last training forward, and one gradient buffer per input.
 */
abstract class AbstractMergeLayer implements MergeLayer {
    private final String name;
    private final int minInputs;
    private final int maxInputs;
    /** The per-example shapes the layer is planned for; null before the first plan. */
    private int[][] planned;
    private int[] plannedOutput;
    /** The inputs of the last training forward, by reference; null after an inference forward. */
    Tensor[] lastInputs;
    final BatchBuffer output = new BatchBuffer();
    private BatchBuffer[] gradientBuffers = new BatchBuffer[0];
    private List<Tensor> gradients = List.of();

    AbstractMergeLayer(String name, int minInputs, int maxInputs) {
        this.name = name;
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
    }

    /** The output's per-example shape for these (already counted) per-example input shapes. */
    abstract int[] computeOutputShape(List<int[]> inputShapes);

    /** Called when the per-example input shapes change: precompute index tables and sizes. */
    abstract void plan(int[][] inputShapes, int[] outputShape);

    @Override
    public final int[] outputShape(List<int[]> inputShapes) {
        requireNonNull(inputShapes, "inputShapes is null");
        if (inputShapes.size() < minInputs || inputShapes.size() > maxInputs) {
            throw new IllegalArgumentException(name + ": takes " + arity() + ", got " + inputShapes.size()
                    + (inputShapes.size() == 1 ? " (" + Shapes.toString(inputShapes.get(0)) + ")" : ""));
        }
        for (int i = 0; i < inputShapes.size(); i++) {
            requireNonNull(inputShapes.get(i), "input shape " + i + " is null");
        }
        return computeOutputShape(inputShapes);
    }

    private String arity() {
        if (minInputs == maxInputs) {
            return "exactly " + minInputs + " inputs";
        }
        return maxInputs == Integer.MAX_VALUE ? "at least " + minInputs + " inputs"
                : minInputs + " to " + maxInputs + " inputs";
    }

    @Override
    public void initialize(List<int[]> inputShapes, java.util.random.RandomGenerator random) {
        outputShape(inputShapes);
        lastInputs = null;
    }

    /**
     * Checks the inputs (count, one batch size, whole tensors), re-plans if their per-example shapes
     * changed, and returns the output tensor for the batch.
     */
    final Tensor prepare(List<Tensor> inputs, dev.descent.api.Pass pass) {
        requireNonNull(inputs, "inputs is null");
        requireNonNull(pass, "pass is null");
        int count = inputs.size();
        if (count < minInputs || count > maxInputs) {
            throw new IllegalArgumentException(name + ": takes " + arity() + ", got " + count);
        }
        int batch = -1;
        boolean same = planned != null && planned.length == count;
        for (int i = 0; i < count; i++) {
            Tensor input = inputs.get(i);
            if (input == null) {
                // Not requireNonNull with a concatenated message: that would allocate on every batch.
                throw new NullPointerException(name + ": input " + i + " is null");
            }
            int[] shape = input.shapeView();
            if (shape.length < 1) {
                throw new IllegalArgumentException(name + ": input " + i + " is a scalar; expected a batch,"
                        + " batch first");
            }
            if (batch < 0) {
                batch = shape[0];
            } else if (shape[0] != batch) {
                throw new IllegalArgumentException(name + ": input " + i + " has a batch of " + shape[0]
                        + " but input 0 has " + batch + "; every input must have the same batch size");
            }
            same = same && samePerExample(planned[i], shape);
        }
        if (!same) {
            List<int[]> perExample = new ArrayList<>(count);
            for (Tensor input : inputs) {
                int[] shape = input.shapeView();
                perExample.add(Arrays.copyOfRange(shape, 1, shape.length));
            }
            plannedOutput = outputShape(perExample);
            planned = perExample.toArray(new int[0][]);
            plan(planned, plannedOutput);
        }
        if (pass.training()) {
            if (lastInputs == null || lastInputs.length != count) {
                lastInputs = new Tensor[count];
            }
            for (int i = 0; i < count; i++) {
                lastInputs[i] = inputs.get(i);
            }
        } else {
            lastInputs = null;
        }
        return output.get(batch, plannedOutput);
    }

    private static boolean samePerExample(int[] perExample, int[] full) {
        if (full.length != perExample.length + 1) {
            return false;
        }
        for (int i = 0; i < perExample.length; i++) {
            if (perExample[i] != full[i + 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that a training forward came first and that the output gradient has the output's shape; the
     * batch of that forward.
     */
    final int checkBackward(Tensor outputGradient) {
        requireNonNull(outputGradient, "outputGradient is null");
        if (lastInputs == null) {
            throw new IllegalStateException(name + ": backward called without a training forward; call"
                    + " forward(inputs, Pass.training(random)) first");
        }
        int batch = lastInputs[0].shapeView()[0];
        int[] shape = outputGradient.shapeView();
        if (!samePerExample(plannedOutput, shape) || shape[0] != batch) {
            throw new IllegalArgumentException(name + ": output gradient of shape " + Shapes.toString(shape)
                    + " does not match the output of the last training forward, a batch of " + batch
                    + " of per-example shape " + Shapes.toString(plannedOutput));
        }
        return batch;
    }

    /** The gradient tensor of input {@code i}, shaped as that input, filled with zeros when asked. */
    final Tensor gradientBuffer(int i, boolean zeroed) {
        if (gradientBuffers.length != lastInputs.length) {
            gradientBuffers = new BatchBuffer[lastInputs.length];
            for (int b = 0; b < gradientBuffers.length; b++) {
                gradientBuffers[b] = new BatchBuffer();
            }
            gradients = Arrays.asList(new Tensor[lastInputs.length]);
        }
        int[] shape = lastInputs[i].shapeView();
        Tensor gradient = zeroed ? gradientBuffers[i].zeroed(shape) : gradientBuffers[i].get(shape);
        gradients.set(i, gradient);
        return gradient;
    }

    /** The list {@link #backward} returns, reused: the tensors {@link #gradientBuffer} handed out. */
    final List<Tensor> gradients() {
        return gradients;
    }

    final String name() {
        return name;
    }
}
