package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the PyTorch fixtures cannot show: the inferred shape, errors, a hand-worked row. */
class LayerNormTest {
    private static final Pass TRAINING = Pass.training(new SplittableRandom(0));

    private static LayerNorm initialized(String spec, int... perExample) {
        LayerNorm layer = (LayerNorm) LayerFixtureTest.create(spec);
        layer.initialize(perExample, new SplittableRandom(1));
        return layer;
    }

    @Test
    void normalizedShapeIsTheTrailingDimsAxesOfTheExample() {
        LayerNorm layer = initialized("layer_norm(dims=2)", 5, 3, 4);

        assertThat(layer.normalizedShape()).containsExactly(3, 4);
        assertThat(layer.parameters()).extracting(Parameter::name).containsExactly("weight", "bias");
        assertThat(layer.parameters().get(0).value().shape()).containsExactly(3, 4);
        assertThat(layer.parameters().get(0).value().data()).containsOnly(1f);
        assertThat(layer.parameters().get(1).value().data()).containsOnly(0f);
    }

    @Test
    void withoutAffineThereAreNoParameters() {
        assertThat(initialized("layer_norm(elementwise_affine=false)", 4).parameters()).isEmpty();
    }

    @Test
    void aRowIsNormalisedWithItsBiasedVariance() {
        LayerNorm layer = initialized("layer_norm", 3);

        Tensor y = layer.forward(Tensor.of(new float[] {1, 2, 3, 5, 5, 5}, 2, 3), Pass.INFERENCE);

        float s = (float) (1 / Math.sqrt(2.0 / 3 + 1e-5));
        assertThat(y.data()).containsExactly(new float[] {-s, 0, s, 0, 0, 0}, within(1e-6f));
    }

    @Test
    void examplesOfTooFewAxesOrAnotherShapeAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> initialized("layer_norm(dims=2)", 4))
                .withMessage("layer_norm: normalises the last 2 axes of each example, but the per-example shape [4]"
                        + " has 1");
        LayerNorm layer = initialized("layer_norm(dims=2)", 2, 3);
        assertThatIllegalArgumentException().isThrownBy(() -> layer.forward(Tensor.zeros(2, 3, 2), TRAINING))
                .withMessage("layer_norm: expected a batch ending in [2, 3] (normalized_shape) after its batch axis,"
                        + " got shape [2, 3, 2]");
        assertThatIllegalArgumentException().isThrownBy(() -> layer.forward(Tensor.zeros(2, 3), TRAINING))
                .withMessageContaining("got shape [2, 3]");
        assertThatIllegalArgumentException().isThrownBy(() -> layer.outputShape(new int[] {3, 3}))
                .withMessageContaining("expected examples ending in [2, 3]");
        // Leading axes of the example may vary.
        assertThat(layer.forward(Tensor.zeros(1, 4, 2, 3), TRAINING).shape()).containsExactly(1, 4, 2, 3);
    }

    @Test
    void forwardBeforeInitializeAndBackwardWithoutTrainingAreRefused() {
        LayerNorm fresh = new LayerNorm(1e-5, true, 1);
        assertThatIllegalStateException().isThrownBy(() -> fresh.forward(Tensor.zeros(2, 3), TRAINING))
                .withMessageContaining("normalized_shape is not known yet");
        LayerNorm layer = initialized("layer_norm", 3);
        layer.forward(Tensor.zeros(2, 3), Pass.INFERENCE);
        assertThatIllegalStateException().isThrownBy(() -> layer.backward(Tensor.zeros(2, 3), true))
                .withMessageContaining("without a training forward");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> LayerFixtureTest.create("layer_norm(dims=0)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("dims");
        assertThatThrownBy(() -> LayerFixtureTest.create("layer_norm(eps=-1)"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eps");
        assertThatIllegalArgumentException().isThrownBy(() -> new LayerNorm(1e-5, true, 0))
                .withMessage("layer_norm: dims must be an integer >= 1, got '0'");
    }
}
