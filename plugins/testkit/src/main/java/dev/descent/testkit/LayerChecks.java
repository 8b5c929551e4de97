package dev.descent.testkit;

import static dev.descent.testkit.CheckRun.fail;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.MergeLayer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import dev.descent.testkit.ComponentChecks.SpecCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The checks of one layer spec. Gradients are checked through the scalar {@code f = sum(forward(x) ⊙ R)}
 * with a fixed random R: its gradient with respect to x is {@code backward(R)}, and with respect to a
 * parameter what backward adds into that parameter's gradient. The reference is a central difference of f
 * computed from training forwards, each with a pass of the same seed: backward differentiates the training
 * forward, which may differ from the inference one (dropout draws the same mask each time; batch norm
 * normalises with the batch's statistics, its running ones left aside).
 *
 * <p>A layer whose input holds indices ({@link Layer#differentiableInput()} false) has no input gradient
 * to check: its backward must return null, and its inputs come from the config's generator
 * ({@link TensorGenerator#integers}).
 *
 * <p>A {@link MergeLayer} gets the same checks on a list of inputs ({@link LayerCheckConfig#inputShapes}):
 * the gradient of each input against finite differences, and the smaller batch on every input.
 */
final class LayerChecks {
    private static final long WEIGHT_SEED = 0x1A7E5L;
    private static final long INPUT_SEED = 0x1A7E6L;
    private static final long R_SEED = 0x1A7E7L;
    private static final long PASS_SEED = 0x1A7E8L;
    /** Slack of the accumulation check: twice a float gradient is exact, a re-summed one nearly so. */
    private static final double ACCUMULATION_TOLERANCE = 1e-5;

    private final LayerProvider provider;
    private final LayerCheckConfig config;
    private final SpecCase spec;

    private LayerChecks(LayerProvider provider, LayerCheckConfig config, SpecCase spec) {
        this.provider = provider;
        this.config = config;
        this.spec = spec;
    }

    static void run(CheckRun run, LayerProvider provider, LayerCheckConfig config, SpecCase spec) {
        LayerChecks checks = new LayerChecks(provider, config, spec);
        run.run(spec.name(ContractChecks.LAYER_OUTPUT_SHAPE), checks::outputShape);
        run.run(spec.name(ContractChecks.LAYER_INPUT_GRADIENT), checks::inputGradient);
        run.run(spec.name(ContractChecks.LAYER_PARAMETER_GRADIENTS), checks::parameterGradients);
        run.run(spec.name(ContractChecks.LAYER_ACCUMULATES), checks::accumulates);
        run.run(spec.name(ContractChecks.LAYER_DETERMINISM), checks::determinism);
        run.run(spec.name(ContractChecks.LAYER_BACKWARD_NEEDS_TRAINING), checks::backwardNeedsTraining);
        run.run(spec.name(ContractChecks.LAYER_SMALLER_BATCH), checks::smallerBatch);
    }

    /** The per-example shape of each input: one for a single-input layer, the configured list for a merge. */
    private List<int[]> shapes(Layer layer) {
        return layer instanceof MergeLayer ? config.inputShapes() : List.of(config.inputShape());
    }

    /** A layer from the spec, initialised for the configured input shapes from a fixed seed. */
    private Layer create() {
        Layer layer = Components.create(provider, spec.spec(), config.resolver());
        if (layer instanceof MergeLayer merge) {
            merge.initialize(config.inputShapes(), new SplittableRandom(WEIGHT_SEED));
        } else {
            layer.initialize(config.inputShape(), new SplittableRandom(WEIGHT_SEED));
        }
        return layer;
    }

    /** A batch of each input, input i drawn from its own seed. */
    private List<Tensor> inputs(Layer layer) {
        List<int[]> shapes = shapes(layer);
        List<Tensor> inputs = new ArrayList<>(shapes.size());
        for (int i = 0; i < shapes.size(); i++) {
            inputs.add(config.input().generate(config.batchShape(shapes.get(i)), new SplittableRandom(INPUT_SEED + i)));
        }
        return inputs;
    }

    private static Tensor forward(Layer layer, List<Tensor> inputs, Pass pass) {
        return layer instanceof MergeLayer merge ? merge.forward(inputs, pass) : layer.forward(inputs.get(0), pass);
    }

    /** The input gradients backward gives, one per input (an element may be null). */
    private static List<Tensor> backward(Layer layer, Tensor r, boolean inputGradient) {
        if (layer instanceof MergeLayer merge) {
            List<Tensor> gradients = merge.backward(r);
            if (gradients == null) {
                throw fail("backward(gradient) returned null; a merge layer returns one gradient per input");
            }
            return gradients;
        }
        return java.util.Collections.singletonList(layer.backward(r, inputGradient));
    }

    private static int[] outputShape(Layer layer, List<int[]> shapes) {
        return layer instanceof MergeLayer merge ? merge.outputShape(shapes) : layer.outputShape(shapes.get(0));
    }

    /** {@code [2, 3]}, or {@code [2, 3], [2, 1]} for several inputs. */
    private static String describe(List<int[]> shapes) {
        return String.join(", ", shapes.stream().map(Shapes::toString).toList());
    }

    private static List<Tensor> copies(List<Tensor> tensors) {
        return tensors.stream().map(Tensor::copy).toList();
    }

    /** R: uniform in [-1, 1), the shape of the layer's output for the input. */
    private static Tensor weights(int[] shape) {
        return TensorGenerator.uniform(-1, 1).generate(shape, new SplittableRandom(R_SEED));
    }

    private static double f(Layer layer, List<Tensor> inputs, Tensor r) {
        return GradientCheck.weightedSum(forward(layer, inputs, training()), r);
    }

    /** A training pass with a fixed seed, so a layer that draws random numbers is checked reproducibly. */
    private static Pass training() {
        return Pass.training(new SplittableRandom(PASS_SEED));
    }

    private String outputShape() {
        Layer layer = create();
        List<int[]> shapes = shapes(layer);
        int[] perExample = outputShape(layer, shapes);
        if (perExample == null) {
            throw fail("outputShape(" + describe(shapes) + ") returned null");
        }
        int[] expected = new int[perExample.length + 1];
        expected[0] = config.batchSize();
        System.arraycopy(perExample, 0, expected, 1, perExample.length);
        List<Tensor> inputs = inputs(layer);
        String given = describe(inputs.stream().map(Tensor::shape).toList());
        for (boolean training : new boolean[] {false, true}) {
            int[] actual = forward(layer, inputs, training ? training() : Pass.INFERENCE).shape();
            if (!Arrays.equals(actual, expected)) {
                throw fail("outputShape(" + describe(shapes) + ") is " + Shapes.toString(perExample)
                        + " but forward(input of shape " + given + ", training=" + training
                        + ") gives shape " + Shapes.toString(actual) + "; expected " + Shapes.toString(expected)
                        + ", the batch followed by outputShape");
            }
        }
        return "outputShape(" + describe(shapes) + ") = " + Shapes.toString(perExample)
                + " and forward of a batch of " + config.batchSize() + " gives " + Shapes.toString(expected);
    }

    private String inputGradient() {
        Layer layer = create();
        List<Tensor> inputs = inputs(layer);
        Tensor r = weights(forward(layer, inputs, Pass.INFERENCE).shape());
        forward(layer, inputs, training());
        List<Tensor> returned = backward(layer, r, true);
        if (!layer.differentiableInput()) {
            for (Tensor gradient : returned) {
                if (gradient != null) {
                    throw fail("differentiableInput() is false but backward(gradient, true) returned " + gradient
                            + "; a layer whose input is not differentiable must return null");
                }
            }
            return "the input is not differentiable (differentiableInput() is false): backward returns null and no"
                    + " input gradient is checked";
        }
        if (returned.size() != inputs.size()) {
            throw fail("backward returned " + returned.size() + " input gradients for " + inputs.size() + " inputs");
        }
        // The layer may reuse its gradient tensors: keep what this backward gave.
        List<Tensor> analytic = new ArrayList<>();
        for (int i = 0; i < returned.size(); i++) {
            if (returned.get(i) == null) {
                throw fail("backward(gradient, true) returned null" + (inputs.size() > 1 ? " for input " + i : "")
                        + "; it must return d(loss)/d(input)");
            }
            analytic.add(returned.get(i).copy());
        }
        List<String> measured = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor input = inputs.get(i);
            GradientCheck.Comparison comparison = GradientCheck.compare(x -> f(layer, inputs, r), input,
                    analytic.get(i));
            String detail = comparison.describe("backward gives", input.shape());
            String which = inputs.size() > 1 ? "input " + i : "input";
            if (!comparison.passed()) {
                throw fail("d f / d " + which + " for f = sum(forward(x) ⊙ R): " + detail + "; " + which + " " + input);
            }
            measured.add(inputs.size() > 1 ? which + ": " + detail : detail);
        }
        return String.join("; ", measured);
    }

    private String parameterGradients() {
        Layer layer = create();
        List<Parameter> parameters = layer.parameters();
        if (parameters.isEmpty()) {
            return "the layer has no parameters";
        }
        List<Tensor> inputs = inputs(layer);
        Tensor r = weights(forward(layer, inputs, Pass.INFERENCE).shape());
        parameters.forEach(Parameter::zeroGradient);
        forward(layer, inputs, training());
        backward(layer, r, false);
        List<String> measured = new ArrayList<>();
        for (Parameter parameter : parameters) {
            Tensor analytic = parameter.gradient().copy();
            GradientCheck.Comparison comparison = GradientCheck.compare(value -> f(layer, inputs, r), parameter.value(),
                    analytic);
            String detail = comparison.describe("backward gives", parameter.value().shape());
            if (!comparison.passed()) {
                throw fail("d f / d " + parameter.name() + " for f = sum(forward(x) ⊙ R): " + detail);
            }
            measured.add(parameter.name() + ": " + detail);
        }
        return String.join("; ", measured);
    }

    private String accumulates() {
        Layer layer = create();
        List<Parameter> parameters = layer.parameters();
        if (parameters.isEmpty()) {
            return "the layer has no parameters";
        }
        List<Tensor> inputs = inputs(layer);
        Tensor r = weights(forward(layer, inputs, Pass.INFERENCE).shape());
        parameters.forEach(Parameter::zeroGradient);
        forward(layer, inputs, training());
        backward(layer, r, true);
        List<Tensor> once = parameters.stream().map(p -> p.gradient().copy()).toList();
        forward(layer, inputs, training());
        backward(layer, r, true);
        for (int p = 0; p < parameters.size(); p++) {
            Tensor twice = parameters.get(p).gradient();
            Tensor expected = once.get(p).copy();
            float[] e = expected.data();
            for (int i = 0; i < e.length; i++) {
                e[i] *= 2;
            }
            double error = FiniteDifferences.maxScaledError(twice, expected);
            if (!(error <= ACCUMULATION_TOLERANCE)) {
                throw fail("after two backward passes the gradient of " + parameters.get(p).name() + " is " + twice
                        + ", after one it was " + once.get(p) + "; backward must add into the gradient, giving twice"
                        + " the first");
            }
        }
        return "a second backward doubles every parameter gradient";
    }

    private String determinism() {
        Layer first = create();
        Layer second = create();
        List<Parameter> a = first.parameters();
        List<Parameter> b = second.parameters();
        List<String> namesA = a.stream().map(Parameter::name).toList();
        List<String> namesB = b.stream().map(Parameter::name).toList();
        if (!namesA.equals(namesB)) {
            throw fail("two layers from one spec have parameters " + namesA + " and " + namesB + "; expected the same");
        }
        for (int p = 0; p < a.size(); p++) {
            if (!Arrays.equals(a.get(p).value().shape(), b.get(p).value().shape())
                    || !Arrays.equals(a.get(p).value().data(), b.get(p).value().data())) {
                throw fail("two layers from one spec initialised with one seed hold " + a.get(p).name() + " = "
                        + a.get(p).value() + " and " + b.get(p).value() + "; initialize must draw every weight from"
                        + " the random generator it is given");
            }
        }
        List<Tensor> inputs = inputs(first);
        // Copies: a layer may hand back the same output tensor on every forward.
        Tensor outputA = forward(first, inputs, Pass.INFERENCE).copy();
        Tensor outputB = forward(second, inputs, Pass.INFERENCE).copy();
        Tensor outputAgain = forward(first, inputs, Pass.INFERENCE).copy();
        if (!Arrays.equals(outputA.data(), outputB.data()) || !Arrays.equals(outputA.data(), outputAgain.data())) {
            throw fail("inference forwards of one input gave " + outputA + ", " + outputAgain + " (same layer) and "
                    + outputB + " (a twin); expected identical bits");
        }
        return "two layers from one spec and seed hold the same " + a.size() + " parameter" + (a.size() == 1 ? "" : "s")
                + " and give the same output";
    }

    private String backwardNeedsTraining() {
        Layer layer = create();
        List<Tensor> inputs = inputs(layer);
        Tensor output = forward(layer, inputs, Pass.INFERENCE);
        Tensor r = weights(output.shape());
        try {
            backward(layer, r, true);
        } catch (IllegalStateException e) {
            return "after an inference forward only, backward threw IllegalStateException: " + e.getMessage();
        } catch (RuntimeException e) {
            throw fail("backward after an inference forward only threw " + CheckRun.describe(e)
                    + "; expected an IllegalStateException saying a training forward must come first");
        }
        throw fail("backward after an inference forward only returned normally; expected an IllegalStateException,"
                + " since there is no training forward to back-propagate through");
    }

    /**
     * A smaller batch after a full one (as the last batch of an epoch), then the full one again: the
     * outputs must be those of the same examples in the full batch, so a layer's reused tensors cannot
     * leak between batch sizes.
     */
    private String smallerBatch() {
        int batch = config.batchSize();
        if (batch < 2) {
            return "the batch has one example; nothing smaller to check";
        }
        Layer layer = create();
        List<Tensor> inputs = inputs(layer);
        Tensor full = forward(layer, inputs, Pass.INFERENCE).copy();
        List<Tensor> heads = copies(inputs.stream().map(input -> input.rows(0, batch - 1)).toList());
        Tensor small = forward(layer, heads, Pass.INFERENCE).copy();
        Tensor expected = full.rows(0, batch - 1).copy();
        if (!Arrays.equals(small.shape(), expected.shape()) || !Arrays.equals(small.data(), expected.data())) {
            throw fail("the first " + (batch - 1) + " examples alone gave " + small + " but in a batch of " + batch
                    + " they gave " + expected + "; an inference forward must not depend on the batch size");
        }
        Tensor again = forward(layer, inputs, Pass.INFERENCE);
        if (!Arrays.equals(again.data(), full.data())) {
            throw fail("a full batch after a smaller one gave " + again + ", before it " + full
                    + "; the layer's tensors must not carry anything from one batch size to another");
        }
        return "a batch of " + (batch - 1) + " gives the same outputs as those examples in a batch of " + batch
                + ", and the full batch after it the same as before";
    }
}
