package org.acme.descent.adabelief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The update rule of {@link AdaBelief} against values worked by hand, with lr = 0.1 and the default
 * betas (0.9, 0.999) and eps 1e-16 (too small to show in these sums). On the first step the bias
 * corrections undo the moving averages exactly: m^ = g and s^ = (g - 0.1 g)^2 = 0.81 g^2, so each element
 * moves by lr g / (0.9 |g|) = 0.1111 against the sign of its gradient, whatever the gradient's size.
 */
class AdaBeliefTest {
    private static final Offset<Float> TOLERANCE = within(1e-6f);
    private static final float FIRST_STEP = (float) (0.1 / 0.9);

    private static Parameter parameter(float... values) {
        return Parameter.of("w", Tensor.vector(values));
    }

    private static void step(AdaBelief optimizer, Parameter parameter, float... gradient) {
        System.arraycopy(gradient, 0, parameter.gradient().data(), 0, gradient.length);
        optimizer.step(List.of(parameter));
    }

    private static AdaBelief.Builder lr01() {
        return AdaBelief.builder().lr(0.1);
    }

    @Test
    void firstStepMovesEachElementByLrOverZeroPointNineAgainstItsGradient() {
        AdaBelief optimizer = lr01().build();
        Parameter p = parameter(1, -2);

        step(optimizer, p, 0.5f, -1);

        // [1 - 0.1111, -2 + 0.1111]
        assertThat(p.value().data()[0]).isCloseTo(0.8888889f, TOLERANCE);
        assertThat(p.value().data()[1]).isCloseTo(-1.8888889f, TOLERANCE);
    }

    @Test
    void secondStepUsesTheBeliefInTheGradient() {
        AdaBelief optimizer = lr01().build();
        Parameter p = parameter(1, -2);
        step(optimizer, p, 0.5f, -1);

        step(optimizer, p, 0.25f, 0.5f);

        // step 1: m = 0.1 g = [0.05, -0.1];  s = 0.001 (g - m)^2 = 0.001 [0.45^2, 0.9^2] = [2.025e-4, 8.1e-4]
        // step 2: m = 0.9 [0.05, -0.1] + 0.1 [0.25, 0.5] = [0.07, -0.04]
        //         g - m = [0.18, 0.54];  s = 0.999 [2.025e-4, 8.1e-4] + 0.001 [0.0324, 0.2916]
        //                                   = [2.346975e-4, 1.10079e-3]
        //         bias corrections 1 - 0.9^2 = 0.19 and 1 - 0.999^2 = 0.001999
        //         p -= 0.1 (m / 0.19) / sqrt(s / 0.001999)
        double m0 = 0.07;
        double m1 = -0.04;
        double s0 = 0.999 * 2.025e-4 + 0.001 * 0.18 * 0.18;
        double s1 = 0.999 * 8.1e-4 + 0.001 * 0.54 * 0.54;
        double expected0 = 1 - 0.1 / 0.9 - 0.1 * (m0 / 0.19) / Math.sqrt(s0 / 0.001999);
        double expected1 = -2 + 0.1 / 0.9 - 0.1 * (m1 / 0.19) / Math.sqrt(s1 / 0.001999);
        assertThat(expected0).isCloseTo(0.7813671, within(1e-7));
        assertThat(expected1).isCloseTo(-1.8605188, within(1e-7));
        assertThat(p.value().data()[0]).isCloseTo((float) expected0, TOLERANCE);
        assertThat(p.value().data()[1]).isCloseTo((float) expected1, TOLERANCE);
    }

    @Test
    void stateHoldsTheMomentsAfterTwoSteps() {
        AdaBelief optimizer = lr01().build();
        Parameter p = parameter(1, -2);
        step(optimizer, p, 0.5f, -1);
        step(optimizer, p, 0.25f, 0.5f);

        State state = optimizer.state();

        // the moments worked out in secondStepUsesTheBeliefInTheGradient
        assertThat(state.number("step", -1)).isEqualTo(2);
        assertThat(state.number("lr", -1)).isEqualTo(0.1);
        assertThat(state.tensor("exp_avg/w").data()[0]).isCloseTo(0.07f, TOLERANCE);
        assertThat(state.tensor("exp_avg/w").data()[1]).isCloseTo(-0.04f, TOLERANCE);
        assertThat(state.tensor("exp_avg_var/w").data()[0]).isCloseTo(2.346975e-4f, within(1e-10f));
        assertThat(state.tensor("exp_avg_var/w").data()[1]).isCloseTo(1.10079e-3f, within(1e-9f));
    }

    @Test
    void aZeroGradientLeavesTheParameterWhereItIs() {
        // m = 0 and s = eps: eps keeps 0 / 0 from giving NaN
        AdaBelief optimizer = lr01().build();
        Parameter p = parameter(1, -2);

        step(optimizer, p, 0, 0);

        assertThat(p.value().data()).containsExactly(1f, -2f);
    }

    @Test
    void decoupledWeightDecayShrinksTheWeightsByLrTimesDecay() {
        AdaBelief optimizer = lr01().weightDecay(0.5).build();
        Parameter p = parameter(1, -2);

        step(optimizer, p, 0.5f, 0.5f);

        // p (1 - 0.1 * 0.5) = [0.95, -1.9], then the first step: [0.95 - 0.1111, -1.9 - 0.1111]
        assertThat(p.value().data()[0]).isCloseTo(0.95f - FIRST_STEP, TOLERANCE);
        assertThat(p.value().data()[1]).isCloseTo(-1.9f - FIRST_STEP, TOLERANCE);
    }

    @Test
    void fixedDecayShrinksTheWeightsByTheDecayAlone() {
        AdaBelief optimizer = lr01().weightDecay(0.5).fixedDecay(true).build();
        Parameter p = parameter(1, -2);

        step(optimizer, p, 0.5f, 0.5f);

        // p (1 - 0.5) = [0.5, -1], then [0.5 - 0.1111, -1 - 0.1111]
        assertThat(p.value().data()[0]).isCloseTo(0.5f - FIRST_STEP, TOLERANCE);
        assertThat(p.value().data()[1]).isCloseTo(-1f - FIRST_STEP, TOLERANCE);
    }

    @Test
    void coupledWeightDecayAddsAnL2TermToTheGradient() {
        AdaBelief optimizer = lr01().weightDecay(0.5).weightDecouple(false).build();
        Parameter p = parameter(1, -2);

        step(optimizer, p, 0.5f, 0.5f);

        // g + 0.5 p = [1, -0.5]: the second element's gradient changes sign, so it moves up, not down
        assertThat(p.value().data()[0]).isCloseTo(1 - FIRST_STEP, TOLERANCE);
        assertThat(p.value().data()[1]).isCloseTo(-2 + FIRST_STEP, TOLERANCE);
    }

    @Test
    void callersGradientIsNotChangedByCoupledWeightDecay() {
        AdaBelief optimizer = lr01().weightDecay(0.5).weightDecouple(false).build();
        Parameter p = parameter(1, -2);

        step(optimizer, p, 0.5f, 0.5f);

        assertThat(p.gradient().data()).containsExactly(0.5f, 0.5f);
    }

    @Test
    void amsgradDividesByTheLargestBeliefSoFar() {
        AdaBelief plain = lr01().build();
        AdaBelief amsgrad = lr01().amsgrad(true).build();
        Parameter p = parameter(1, -2);
        Parameter q = parameter(1, -2);
        step(plain, p, 1, -1);
        step(amsgrad, q, 1, -1);

        step(plain, p, 0.1f, -0.1f);
        step(amsgrad, q, 0.1f, -0.1f);

        // step 1: m = [0.1, -0.1], s = 0.001 * 0.9^2 = 8.1e-4.
        // step 2: m = 0.9 m + 0.1 g = [0.1, -0.1] = g, so g - m = 0 and s = 0.999 * 8.1e-4 shrinks;
        //         AMSGrad keeps 8.1e-4. p = 0.8889 - 0.1 (0.1 / 0.19) / sqrt(s / 0.001999)
        double shrunk = 0.999 * 8.1e-4;
        double kept = 8.1e-4;
        double mHat = 0.1 / 0.19;
        assertThat(p.value().data()[0])
                .isCloseTo((float) (1 - 0.1 / 0.9 - 0.1 * mHat / Math.sqrt(shrunk / 0.001999)), TOLERANCE);
        assertThat(q.value().data()[0])
                .isCloseTo((float) (1 - 0.1 / 0.9 - 0.1 * mHat / Math.sqrt(kept / 0.001999)), TOLERANCE);
        assertThat(amsgrad.state().tensor("max_exp_avg_var/w").data()[0]).isCloseTo(8.1e-4f, within(1e-10f));
    }

    @Test
    void stateRoundTripResumesTheSameTrajectoryExactly() {
        AdaBelief original = lr01().amsgrad(true).build();
        Parameter p = parameter(1, -2);
        step(original, p, 0.5f, -1);
        State saved = original.state();
        Parameter q = Parameter.of("w", p.value().copy());

        AdaBelief resumed = AdaBelief.builder().amsgrad(true).build();
        resumed.loadState(saved);
        step(original, p, 0.25f, 0.5f);
        step(resumed, q, 0.25f, 0.5f);

        assertThat(resumed.learningRate()).isEqualTo(0.1);
        assertThat(q.value().data()).containsExactly(p.value().data());
    }

    @Test
    void stateTakenIsNotChangedByLaterSteps() {
        AdaBelief optimizer = lr01().build();
        Parameter p = parameter(1, -2);
        step(optimizer, p, 0.5f, -1);
        State saved = optimizer.state();

        step(optimizer, p, 0.25f, 0.5f);

        assertThat(saved.tensor("exp_avg/w").data()[0]).isCloseTo(0.05f, TOLERANCE);
        assertThat(saved.number("step", -1)).isEqualTo(1);
    }

    @Test
    void foreignStateIsRefusedNamingTheEntryAndWhatAdaBeliefKeeps() {
        AdaBelief optimizer = lr01().build();
        State sgdState = State.builder().put("momentum_buffer/w", Tensor.zeros(2)).build();

        assertThatThrownBy(() -> optimizer.loadState(sgdState))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'momentum_buffer/w'")
                .hasMessageContaining("exp_avg/<parameter name>");
    }

    @Test
    void aParameterWithOnlySomeOfItsStateIsRefused() {
        State state = State.builder().put("exp_avg/w", Tensor.zeros(2)).build();

        assertThatThrownBy(() -> lr01().build().loadState(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'exp_avg_var/w'");
    }

    @Test
    void fractionalStepCountIsRefused() {
        State state = State.builder().put("step", 1.5).build();

        assertThatThrownBy(() -> lr01().build().loadState(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1.5'");
    }

    @Test
    void stateOfAnotherShapeIsRefusedAtTheNextStep() {
        AdaBelief optimizer = lr01().build();
        optimizer.loadState(State.builder().put("exp_avg/w", Tensor.zeros(3)).put("exp_avg_var/w", Tensor.zeros(3))
                .build());
        Parameter p = parameter(1, -2);

        assertThatThrownBy(() -> step(optimizer, p, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'exp_avg/w'")
                .hasMessageContaining("[3]")
                .hasMessageContaining("[2]");
    }

    @Test
    void setLearningRateChangesTheStepSize() {
        AdaBelief optimizer = lr01().build();
        optimizer.setLearningRate(0.9);
        Parameter p = parameter(1, -2);

        step(optimizer, p, 0.5f, -1);

        // 0.9 / 0.9 = 1 per element
        assertThat(p.value().data()[0]).isCloseTo(0f, TOLERANCE);
        assertThat(p.value().data()[1]).isCloseTo(-1f, TOLERANCE);
    }

    @Test
    void betaOfOneIsRefused() {
        assertThatThrownBy(() -> AdaBelief.builder().betas(0.9, 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adabelief: betas[1] must be in [0, 1), got '1'");
    }

    @Test
    void negativeLearningRateIsRefused() {
        assertThatThrownBy(() -> AdaBelief.builder().lr(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr")
                .hasMessageContaining("'-1'");
    }

    @Test
    void twoParametersWithOneNameAreRefused() {
        Parameter a = parameter(1);
        Parameter b = parameter(2);

        assertThatThrownBy(() -> lr01().build().step(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'w'");
    }
}
