package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void aNewParameterHasAZeroGradientOfTheSameShape() {
        Parameter weight = Parameter.of("weight", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));

        assertThat(weight.gradient().shape()).containsExactly(2, 3);
        assertThat(weight.gradient().data()).containsOnly(0f);
    }

    @Test
    void theValueIsNotCopied() {
        Tensor value = Tensor.vector(1, 2);

        assertThat(Parameter.of("bias", value).value()).isSameAs(value);
    }

    @Test
    void theGradientIsItsOwnTensor() {
        Tensor value = Tensor.vector(1, 2);

        assertThat(Parameter.of("bias", value).gradient().data()).isNotSameAs(value.data());
    }

    @Test
    void theNameIsKept() {
        assertThat(Parameter.of("weight", Tensor.zeros(1)).name()).isEqualTo("weight");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> Parameter.of(" ", Tensor.zeros(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a parameter name must not be blank");
    }

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> Parameter.of(null, Tensor.zeros(1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name is null");
    }

    @Test
    void aValueIsRequired() {
        assertThatThrownBy(() -> Parameter.of("weight", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void zeroGradientClearsTheGradient() {
        Parameter weight = Parameter.of("weight", Tensor.zeros(3));
        weight.gradient().fill(2);

        weight.zeroGradient();

        assertThat(weight.gradient().data()).containsOnly(0f);
    }

    @Test
    void withNameRenamesTheParameter() {
        Parameter renamed = Parameter.of("weight", Tensor.zeros(2)).withName("0.weight");

        assertThat(renamed.name()).isEqualTo("0.weight");
    }

    @Test
    void withNameSharesTheValueAndTheGradient() {
        Parameter weight = Parameter.of("weight", Tensor.zeros(2));

        Parameter renamed = weight.withName("0.weight");

        assertThat(renamed.value()).isSameAs(weight.value());
        assertThat(renamed.gradient()).isSameAs(weight.gradient());
    }

    @Test
    void aGradientWrittenThroughTheRenamedParameterIsSeenByTheOriginal() {
        Parameter weight = Parameter.of("weight", Tensor.zeros(2));

        weight.withName("0.weight").gradient().set(5, 1);

        assertThat(weight.gradient().data()).containsExactly(0f, 5f);
    }

    @Test
    void withNameLeavesTheOriginalName() {
        Parameter weight = Parameter.of("weight", Tensor.zeros(2));

        weight.withName("0.weight");

        assertThat(weight.name()).isEqualTo("weight");
    }

    @Test
    void withNameRefusesABlankName() {
        assertThatThrownBy(() -> Parameter.of("weight", Tensor.zeros(1)).withName(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a parameter name must not be blank");
    }

    @Test
    void toStringShowsTheNameAndShape() {
        assertThat(Parameter.of("0.weight", Tensor.zeros(4, 3))).hasToString("Parameter 0.weight[4, 3]");
    }

    @Test
    void aNewParameterIsNotFrozen() {
        assertThat(Parameter.of("w", Tensor.zeros(2)).frozen()).isFalse();
    }

    @Test
    void freezingARenamedViewFreezesTheLayersOwnParameter() {
        Parameter own = Parameter.of("weight", Tensor.zeros(2));
        Parameter named = own.withName("0.weight");

        named.setFrozen(true);

        assertThat(own.frozen()).isTrue();
        named.setFrozen(false);
        assertThat(own.frozen()).isFalse();
    }
}
