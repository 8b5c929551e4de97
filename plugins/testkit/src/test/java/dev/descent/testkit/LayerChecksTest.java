package dev.descent.testkit;

import static dev.descent.testkit.Results.dump;
import static dev.descent.testkit.Results.failed;
import static dev.descent.testkit.Results.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Layer;
import dev.descent.api.Params;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import dev.descent.testkit.fixture.AffineProvider;
import dev.descent.testkit.fixture.CenterProvider;
import dev.descent.testkit.fixture.LookupProvider;
import dev.descent.testkit.fixture.ScaledProductProvider;
import dev.descent.testkit.fixture.TanhProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerChecksTest {

    @Test
    void correctLayerPassesEveryCheckWithTheDefaultSpec() {
        List<CheckResult> results = ContractChecks.check(new AffineProvider(), ComponentResolver.NONE);

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(results).extracting(CheckResult::check).containsExactly(
                "describe well-formed",
                "parameters validated",
                "layer output shape agrees with forward [affine(out_features=3)]",
                "layer input gradient matches finite differences [affine(out_features=3)]",
                "layer parameter gradients match finite differences [affine(out_features=3)]",
                "layer accumulates parameter gradients [affine(out_features=3)]",
                "layer deterministic [affine(out_features=3)]",
                "layer backward without a training forward refused [affine(out_features=3)]",
                "layer smaller batch gives the same outputs [affine(out_features=3)]");
    }

    @Test
    void wrongWeightGradientFailsTheParameterGradientCheckAlone() {
        List<CheckResult> results = ContractChecks.check(new AffineProvider(true), ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly(
                "layer parameter gradients match finite differences [affine(out_features=3)]");
        assertThat(only(results, ContractChecks.LAYER_PARAMETER_GRADIENTS).detail())
                .startsWith("d f / d weight for f = sum(forward(x) ⊙ R): error ")
                .contains("backward gives");
    }

    @Test
    void layerWithoutParametersPassesTheParameterChecksTrivially() {
        List<CheckResult> results = ContractChecks.checkLayer(new TanhProvider(),
                LayerCheckConfig.defaults().withInputShape(2, 3).withBatchSize(2));

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(only(results, ContractChecks.LAYER_PARAMETER_GRADIENTS).detail()).isEqualTo("the layer has no parameters");
        assertThat(only(results, ContractChecks.LAYER_OUTPUT_SHAPE).detail())
                .isEqualTo("outputShape([2, 3]) = [2, 3] and forward of a batch of 2 gives [2, 2, 3]");
    }

    @Test
    void backwardAfterAnInferenceForwardMustBeRefused() {
        TanhProvider provider = new TanhProvider() {
            @Override
            public Layer create(Params params) {
                Layer tanh = super.create(params);
                return new Layer() {
                    private Tensor lastInput;

                    @Override
                    public int[] outputShape(int[] inputShape) {
                        return tanh.outputShape(inputShape);
                    }

                    // Keeps its input even when not training, so backward goes through where it should not.
                    @Override
                    public Tensor forward(Tensor input, Pass pass) {
                        lastInput = input;
                        return tanh.forward(input, pass);
                    }

                    @Override
                    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
                        tanh.forward(lastInput, Pass.training(new java.util.SplittableRandom(0)));
                        return tanh.backward(outputGradient, true);
                    }
                };
            }
        };

        List<CheckResult> results = ContractChecks.check(provider, ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly("layer backward without a training forward refused [tanh]");
        assertThat(only(results, ContractChecks.LAYER_BACKWARD_NEEDS_TRAINING).detail())
                .startsWith("backward after an inference forward only returned normally");
    }

    @Test
    void outputShapeThatDisagreesWithForwardFails() {
        AffineProvider provider = new AffineProvider() {
            @Override
            public Layer create(Params params) {
                Layer affine = super.create(params);
                return new Layer() {
                    @Override
                    public int[] outputShape(int[] inputShape) {
                        return inputShape.clone();
                    }

                    @Override
                    public void initialize(int[] inputShape, java.util.random.RandomGenerator random) {
                        affine.initialize(inputShape, random);
                    }

                    @Override
                    public Tensor forward(Tensor input, Pass pass) {
                        return affine.forward(input, pass);
                    }

                    @Override
                    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
                        return affine.backward(outputGradient, true);
                    }

                    @Override
                    public List<dev.descent.api.Parameter> parameters() {
                        return affine.parameters();
                    }
                };
            }
        };

        List<CheckResult> results = ContractChecks.check(provider, ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly("layer output shape agrees with forward [affine(out_features=3)]");
        assertThat(only(results, ContractChecks.LAYER_OUTPUT_SHAPE).detail())
                .isEqualTo("outputShape([5]) is [5] but forward(input of shape [3, 5], training=false) gives shape [3, 3];"
                        + " expected [3, 5], the batch followed by outputShape");
    }

    @Test
    void layerWhoseOutputDependsOnTheBatchSizeFailsTheSmallerBatchCheckAlone() {
        TanhProvider provider = new TanhProvider() {
            @Override
            public Layer create(Params params) {
                Layer tanh = super.create(params);
                return new Layer() {
                    @Override
                    public int[] outputShape(int[] inputShape) {
                        return tanh.outputShape(inputShape);
                    }

                    // Adds the batch size to every output: fine for one size, wrong across sizes.
                    @Override
                    public Tensor forward(Tensor input, Pass pass) {
                        Tensor output = tanh.forward(input, pass).copy();
                        float[] y = output.data();
                        for (int i = 0; i < y.length; i++) {
                            y[i] += input.dim(0);
                        }
                        return output;
                    }

                    @Override
                    public Tensor backward(Tensor outputGradient, boolean inputGradient) {
                        return tanh.backward(outputGradient, inputGradient);
                    }
                };
            }
        };

        List<CheckResult> results = ContractChecks.check(provider, ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly("layer smaller batch gives the same outputs [tanh]");
        assertThat(only(results, ContractChecks.LAYER_SMALLER_BATCH).detail())
                .startsWith("the first 2 examples alone gave Tensor[2, 5]")
                .endsWith("an inference forward must not depend on the batch size");
    }
    @Test
    void layerWhoseInputHoldsIndicesPassesWithoutAnInputGradientCheck() {
        List<CheckResult> results = ContractChecks.checkLayer(new LookupProvider(),
                LayerCheckConfig.defaults().withInputShape().withBatchSize(6).withInput(TensorGenerator.integers(0, 4)));

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(only(results, ContractChecks.LAYER_INPUT_GRADIENT).detail())
                .startsWith("the input is not differentiable (differentiableInput() is false)");
        assertThat(only(results, ContractChecks.LAYER_PARAMETER_GRADIENTS).detail()).startsWith("weight: error ");
    }

    @Test
    void layerWhoseInputHoldsIndicesMustNotReturnAnInputGradient() {
        List<CheckResult> results = ContractChecks.checkLayer(new LookupProvider(true),
                LayerCheckConfig.defaults().withInputShape().withInput(TensorGenerator.integers(0, 4)));

        assertThat(failed(results)).containsExactly("layer input gradient matches finite differences [lookup]");
        assertThat(only(results, ContractChecks.LAYER_INPUT_GRADIENT).detail())
                .startsWith("differentiableInput() is false but backward(gradient, true) returned Tensor");
    }

    @Test
    void integerGeneratorDrawsWholeNumbersInItsRange() {
        Tensor drawn = TensorGenerator.integers(2, 5).generate(new int[] {1000}, new java.util.SplittableRandom(3));

        assertThat(drawn.data()).containsOnly(2f, 3f, 4f);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> TensorGenerator.integers(3, 3))
                .withMessage("an integer range needs low < high, got ['3', '3')");
    }

    @Test
    void gradientsAreCheckedAgainstTheTrainingForwardWhereItDiffersFromInference() {
        // center's backward is right for its training forward (batch mean) and wrong for its inference one
        // (a constant shift, gradient 1): only a reference made of training forwards accepts it.
        List<CheckResult> results = ContractChecks.checkLayer(new CenterProvider(),
                LayerCheckConfig.defaults().withInputShape(2).withBatchSize(4));

        assertThat(failed(results)).as(dump(results)).isEmpty();
    }

    @Test
    void mergeLayerPassesEveryCheckOnItsInputShapes() {
        List<CheckResult> results = ContractChecks.checkLayer(new ScaledProductProvider(),
                LayerCheckConfig.defaults().withInputShapes(new int[] {2, 3}, new int[] {2, 3}));

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(only(results, ContractChecks.LAYER_OUTPUT_SHAPE).detail())
                .isEqualTo("outputShape([2, 3], [2, 3]) = [2, 3] and forward of a batch of 3 gives [3, 2, 3]");
        assertThat(only(results, ContractChecks.LAYER_INPUT_GRADIENT).detail()).startsWith("input 0: error ")
                .contains("; input 1: error ");
        assertThat(only(results, ContractChecks.LAYER_PARAMETER_GRADIENTS).detail()).startsWith("weight: error ");
    }

    @Test
    void mergeLayerWithOneConfiguredShapeIsCheckedOnTwoInputsOfIt() {
        List<CheckResult> results = ContractChecks.check(new ScaledProductProvider(), ComponentResolver.NONE);

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(only(results, ContractChecks.LAYER_OUTPUT_SHAPE).detail()).startsWith("outputShape([5], [5]) = [5]");
    }

    @Test
    void wrongGradientOfTheSecondInputFailsNamingIt() {
        List<CheckResult> results = ContractChecks.checkLayer(new ScaledProductProvider(true),
                LayerCheckConfig.defaults().withInputShapes(new int[] {4}, new int[] {4}));

        assertThat(failed(results)).containsExactly("layer input gradient matches finite differences [scaled_product]");
        assertThat(only(results, ContractChecks.LAYER_INPUT_GRADIENT).detail())
                .startsWith("d f / d input 1 for f = sum(forward(x) ⊙ R): error ");
    }

    @Test
    void configKeepsTheMergeInputShapes() {
        LayerCheckConfig config = LayerCheckConfig.defaults().withInputShapes(new int[] {1, 3}, new int[] {2, 3});

        assertThat(config.inputShape()).containsExactly(1, 3);
        assertThat(config.inputShapes()).hasSize(2);
        assertThat(config.inputShapes().get(1)).containsExactly(2, 3);
        assertThat(config.withInputShape(4).mergeInputShapes()).isEmpty();
        assertThat(config.toString()).contains("inputShapes=[[1, 3], [2, 3]]");
    }
}
