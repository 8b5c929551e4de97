package dev.descent.testkit;

import static dev.descent.testkit.CheckRun.fail;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
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

    /** A layer from the spec, initialised for the configured input shape from a fixed seed. */
    private Layer create() {
        Layer layer = Components.create(provider, spec.spec(), config.resolver());
        layer.initialize(config.inputShape(), new SplittableRandom(WEIGHT_SEED));
        return layer;
    }

    private Tensor input() {
        return config.input().generate(config.batchShape(), new SplittableRandom(INPUT_SEED));
    }

    /** R: uniform in [-1, 1), the shape of the layer's output for the input. */
    private static Tensor weights(int[] shape) {
        return TensorGenerator.uniform(-1, 1).generate(shape, new SplittableRandom(R_SEED));
    }

    private static double f(Layer layer, Tensor input, Tensor r) {
        return GradientCheck.weightedSum(layer.forward(input, training()), r);
    }

    /** A training pass with a fixed seed, so a layer that draws random numbers is checked reproducibly. */
    private static Pass training() {
        return Pass.training(new SplittableRandom(PASS_SEED));
    }

    private String outputShape() {
        Layer layer = create();
        int[] inputShape = config.inputShape();
        int[] perExample = layer.outputShape(inputShape);
        if (perExample == null) {
            throw fail("outputShape(" + Shapes.toString(inputShape) + ") returned null");
        }
        int[] expected = new int[perExample.length + 1];
        expected[0] = config.batchSize();
        System.arraycopy(perExample, 0, expected, 1, perExample.length);
        Tensor input = input();
        for (boolean training : new boolean[] {false, true}) {
            int[] actual = layer.forward(input, training ? training() : Pass.INFERENCE).shape();
            if (!Arrays.equals(actual, expected)) {
                throw fail("outputShape(" + Shapes.toString(inputShape) + ") is " + Shapes.toString(perExample)
                        + " but forward(input of shape " + Shapes.toString(input.shape()) + ", training=" + training
                        + ") gives shape " + Shapes.toString(actual) + "; expected " + Shapes.toString(expected)
                        + ", the batch followed by outputShape");
            }
        }
        return "outputShape(" + Shapes.toString(inputShape) + ") = " + Shapes.toString(perExample)
                + " and forward of a batch of " + config.batchSize() + " gives " + Shapes.toString(expected);
    }

    private String inputGradient() {
        Layer layer = create();
        Tensor input = input();
        Tensor r = weights(layer.forward(input, Pass.INFERENCE).shape());
        layer.forward(input, training());
        Tensor returned = layer.backward(r, true);
        if (!layer.differentiableInput()) {
            if (returned != null) {
                throw fail("differentiableInput() is false but backward(gradient, true) returned " + returned
                        + "; a layer whose input is not differentiable must return null");
            }
            return "the input is not differentiable (differentiableInput() is false): backward returns null and no"
                    + " input gradient is checked";
        }
        if (returned == null) {
            throw fail("backward(gradient, true) returned null; it must return d(loss)/d(input)");
        }
        // The layer may reuse its gradient tensor: keep what this backward gave.
        Tensor analytic = returned.copy();
        GradientCheck.Comparison comparison = GradientCheck.compare(x -> f(layer, x, r), input, analytic);
        String detail = comparison.describe("backward gives", input.shape());
        if (!comparison.passed()) {
            throw fail("d f / d input for f = sum(forward(x) ⊙ R): " + detail + "; input " + input);
        }
        return detail;
    }

    private String parameterGradients() {
        Layer layer = create();
        List<Parameter> parameters = layer.parameters();
        if (parameters.isEmpty()) {
            return "the layer has no parameters";
        }
        Tensor input = input();
        Tensor r = weights(layer.forward(input, Pass.INFERENCE).shape());
        parameters.forEach(Parameter::zeroGradient);
        layer.forward(input, training());
        layer.backward(r, false);
        List<String> measured = new ArrayList<>();
        for (Parameter parameter : parameters) {
            Tensor analytic = parameter.gradient().copy();
            GradientCheck.Comparison comparison = GradientCheck.compare(value -> f(layer, input, r), parameter.value(),
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
        Tensor input = input();
        Tensor r = weights(layer.forward(input, Pass.INFERENCE).shape());
        parameters.forEach(Parameter::zeroGradient);
        layer.forward(input, training());
        layer.backward(r, true);
        List<Tensor> once = parameters.stream().map(p -> p.gradient().copy()).toList();
        layer.forward(input, training());
        layer.backward(r, true);
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
        Tensor input = input();
        // Copies: a layer may hand back the same output tensor on every forward.
        Tensor outputA = first.forward(input, Pass.INFERENCE).copy();
        Tensor outputB = second.forward(input, Pass.INFERENCE).copy();
        Tensor outputAgain = first.forward(input, Pass.INFERENCE).copy();
        if (!Arrays.equals(outputA.data(), outputB.data()) || !Arrays.equals(outputA.data(), outputAgain.data())) {
            throw fail("inference forwards of one input gave " + outputA + ", " + outputAgain + " (same layer) and "
                    + outputB + " (a twin); expected identical bits");
        }
        return "two layers from one spec and seed hold the same " + a.size() + " parameter" + (a.size() == 1 ? "" : "s")
                + " and give the same output";
    }

    private String backwardNeedsTraining() {
        Layer layer = create();
        Tensor input = input();
        Tensor output = layer.forward(input, Pass.INFERENCE);
        Tensor r = weights(output.shape());
        try {
            layer.backward(r, true);
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
        Tensor input = input();
        Tensor full = layer.forward(input, Pass.INFERENCE).copy();
        Tensor head = input.rows(0, batch - 1).copy();
        Tensor small = layer.forward(head, Pass.INFERENCE).copy();
        Tensor expected = full.rows(0, batch - 1).copy();
        if (!Arrays.equals(small.shape(), expected.shape()) || !Arrays.equals(small.data(), expected.data())) {
            throw fail("the first " + (batch - 1) + " examples alone gave " + small + " but in a batch of " + batch
                    + " they gave " + expected + "; an inference forward must not depend on the batch size");
        }
        Tensor again = layer.forward(input, Pass.INFERENCE);
        if (!Arrays.equals(again.data(), full.data())) {
            throw fail("a full batch after a smaller one gave " + again + ", before it " + full
                    + "; the layer's tensors must not carry anything from one batch size to another");
        }
        return "a batch of " + (batch - 1) + " gives the same outputs as those examples in a batch of " + batch
                + ", and the full batch after it the same as before";
    }
}
