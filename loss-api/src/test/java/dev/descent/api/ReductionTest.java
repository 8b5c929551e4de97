package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReductionTest {

    @Test
    void anUnknownSpellingSaysWhatIsValid() {
        assertThatThrownBy(() -> Reduction.of("avg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown reduction 'avg'; expected one of mean, sum, none");
    }

    @Test
    void theParameterIsNamedReduction() {
        assertThat(Reduction.PARAM.name()).isEqualTo("reduction");
    }

    @Test
    void theParameterOffersEveryReductionInOrder() {
        assertThat(Reduction.PARAM.choices()).containsExactly("mean", "sum", "none");
    }

    @Test
    void theParameterDefaultsToTheMean() {
        assertThat(Reduction.PARAM.defaultValue()).isEqualTo("mean");
    }

    @Test
    void theParameterIsAString() {
        assertThat(Reduction.PARAM.type()).isEqualTo(ParamSpec.Type.STRING);
    }

    @ParameterizedTest
    @EnumSource(Reduction.class)
    void ofReadsTheSpecName(Reduction reduction) {
        assertThat(Reduction.of(reduction.specName())).isEqualTo(reduction);
    }

    @Test
    void theSpecNameIsTheLowerCaseName() {
        assertThat(Reduction.SUM.specName()).isEqualTo("sum");
    }

    @Test
    void aValueResolvedThroughTheParameterNamesAReduction() {
        Params params = Params.resolve("loss 'mse'", java.util.List.of(Reduction.PARAM),
                Map.of("reduction", Spec.of("none")), ComponentResolver.NONE);

        assertThat(Reduction.of(params.string("reduction"))).isEqualTo(Reduction.NONE);
    }

    @Test
    void aLossReducesByTheMeanUnlessConfigured() {
        Loss loss = new Loss() {
            @Override
            public String name() {
                return "zero";
            }

            @Override
            public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
                return 0;
            }

            @Override
            public Tensor unreduced(Tensor predictions, Tensor targets) {
                return Tensor.zerosLike(predictions);
            }
        };

        assertThat(loss.reduction()).isEqualTo(Reduction.MEAN);
    }
}
