package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The update rule of {@link Adam} and AdamW, option by option, against values worked by hand. Adam's
 * bias-corrected first step is {@code lr * g / (|g| + eps)}, about {@code lr * sign(g)}, which makes most
 * expected values easy; the trajectories themselves are checked against PyTorch by
 * {@link OptimizerFixtureTest}.
 */
class AdamTest {

    private static Parameter parameter(float... values) {
        return Parameter.of("w", Tensor.vector(values));
    }

    private static void step(Adam adam, Parameter parameter, float... gradient) {
        System.arraycopy(gradient, 0, parameter.gradient().data(), 0, gradient.length);
        adam.step(List.of(parameter));
    }

    @Test
    void firstStepMovesEachElementByTheLearningRateAgainstTheSignOfItsGradient() {
        Adam adam = Adam.builder().lr(0.1).build();
        Parameter p = parameter(1, 1, 1);

        // m / (1 - b1) = g and sqrt(v / (1 - b2)) = |g|: p - lr * g / (|g| + eps), whatever |g|
        step(adam, p, 2, -0.001f, 1000);

        assertThat(p.value().data()[0]).isCloseTo(0.9f, within(1e-6f));
        assertThat(p.value().data()[1]).isCloseTo(1.1f, within(1e-5f));
        assertThat(p.value().data()[2]).isCloseTo(0.9f, within(1e-6f));
    }

    @Test
    void biasCorrectionKeepsTheStepAtTheLearningRateUnderAConstantGradient() {
        Adam adam = Adam.builder().lr(0.1).build();
        Parameter p = parameter(1);

        for (int k = 0; k < 5; k++) {
            step(adam, p, 3);
        }

        assertThat(p.value().data()[0]).isCloseTo(0.5f, within(1e-5f));
    }

    @Test
    void epsDominatesATinyGradient() {
        Adam adam = Adam.builder().lr(1).eps(1).build();
        Parameter p = parameter(0);

        // p - lr * g / (|g| + eps) = -1e-3 / (1e-3 + 1)
        step(adam, p, 1e-3f);

        assertThat(p.value().data()[0]).isCloseTo(-1e-3f / 1.001f, within(1e-9f));
    }

    @Test
    void stateHoldsTheLearningRateTheStepAndBothMomentsAfterTheFirstStep() {
        Adam adam = Adam.builder().lr(0.1).build();
        step(adam, parameter(1), 2);

        State state = adam.state();

        // m = (1 - 0.9) * 2, v = (1 - 0.999) * 2 * 2, with 1 - beta rounded to float as PyTorch does
        assertThat(state.numbers()).containsExactly(entry("lr", 0.1), entry("step", 1.0));
        assertThat(state.tensors()).containsOnlyKeys("exp_avg/w", "exp_avg_sq/w");
        assertThat(state.tensor("exp_avg/w").data()).containsExactly((float) (1 - 0.9) * 2);
        assertThat(state.tensor("exp_avg_sq/w").data()).containsExactly((float) (1 - 0.999) * 4);
    }

    @Test
    void amsgradKeepsTheLargestSecondMoment() {
        Adam adam = Adam.builder().lr(0.1).amsgrad(true).build();
        Parameter p = parameter(1);

        step(adam, p, 2);
        step(adam, p, 0);

        // v falls to 0.999 * v1 on the zero gradient; the maximum stays v1
        State state = adam.state();
        float v1 = (float) (1 - 0.999) * 4;
        assertThat(state.tensor("exp_avg_sq/w").data()).containsExactly(v1 * (float) 0.999);
        assertThat(state.tensor("max_exp_avg_sq/w").data()).containsExactly(v1);
    }

    @Test
    void weightDecayAddsTheScaledParameterToTheGradient() {
        Adam adam = Adam.builder().lr(0.1).weightDecay(0.5).build();
        Parameter p = parameter(1);

        // g = 0 + 0.5 * 1 > 0, so the first step is about -lr
        step(adam, p, 0);

        assertThat(p.value().data()[0]).isCloseTo(0.9f, within(1e-6f));
        assertThat(adam.state().tensor("exp_avg/w").data()).containsExactly((float) (1 - 0.9) * 0.5f);
    }

    @Test
    void adamwShrinksTheParameterIndependentlyOfTheGradient() {
        Adam adamw = Adam.adamwBuilder().lr(0.5).weightDecay(0.5).build();
        Parameter p = parameter(1, -2);

        // p * (1 - lr * wd) = p * 0.75; a zero gradient leaves the moments and the adaptive step at 0
        step(adamw, p, 0, 0);

        assertThat(p.value().data()).containsExactly(0.75f, -1.5f);
        assertThat(adamw.state().tensor("exp_avg/w").data()).containsExactly(0f, 0f);
    }

    @Test
    void adamwDefaultsToWeightDecayOneHundredth() {
        Adam adamw = Adam.adamwBuilder().lr(1).build();
        Parameter p = parameter(1);

        step(adamw, p, 0);

        assertThat(p.value().data()).containsExactly((float) (1 - 0.01));
    }

    @Test
    void maximizeStepsAlongTheGradient() {
        Adam adam = Adam.builder().lr(0.1).maximize(true).build();
        Parameter p = parameter(1);

        step(adam, p, 2);

        assertThat(p.value().data()[0]).isCloseTo(1.1f, within(1e-6f));
    }

    @Test
    void zeroLearningRateLeavesTheParametersButUpdatesTheMoments() {
        Adam adam = Adam.builder().lr(0).build();
        Parameter p = parameter(1);

        step(adam, p, 2);

        assertThat(p.value().data()).containsExactly(1f);
        assertThat(adam.steps()).isEqualTo(1);
    }

    @Test
    void eachInvalidSettingIsRefusedWithItsName() {
        assertThatThrownBy(() -> Adam.builder().lr(-1).build()).hasMessage("adam: lr must be >= 0, got '-1'");
        assertThatThrownBy(() -> Adam.builder().eps(-1e-8).build())
                .hasMessage("adam: eps must be >= 0, got '-1.0E-8'");
        assertThatThrownBy(() -> Adam.builder().betas(1, 0.999).build())
                .hasMessage("adam: betas[0] must be in [0, 1), got '1'");
        assertThatThrownBy(() -> Adam.builder().betas(0.9, -0.1).build())
                .hasMessage("adam: betas[1] must be in [0, 1), got '-0.1'");
        assertThatThrownBy(() -> Adam.builder().betas(Double.NaN, 0.9).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Adam.adamwBuilder().weightDecay(-0.01).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adamw: weight_decay must be >= 0, got '-0.01'");
    }

    @Test
    void toStringWritesTheSettingsAsASpec() {
        assertThat(Adam.builder().build()).hasToString(
                "adam(lr=0.001, betas=[0.9, 0.999], eps=1.0E-8, weight_decay=0, amsgrad=false, maximize=false)");
        assertThat(Adam.adamwBuilder().amsgrad(true).build()).hasToString(
                "adamw(lr=0.001, betas=[0.9, 0.999], eps=1.0E-8, weight_decay=0.01, amsgrad=true, maximize=false)");
    }
}
