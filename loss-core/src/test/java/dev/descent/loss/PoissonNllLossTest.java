package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class PoissonNllLossTest {
    private static final double E = Math.E;

    @Test
    void logInputLossIsExpMinusTargetTimesInput() {
        // exp(p) - t p: p 0, t 1: 1; p 1, t 2: e - 2 = 0.7182818; p -1, t 0: 1/e = 0.3678794
        Tensor values = new PoissonNllLoss(true, false, 1e-8, Reduction.NONE)
                .unreduced(Tensor.vector(0f, 1f, -1f), Tensor.vector(1f, 2f, 0f));

        assertThat(values.data()).containsExactly(new float[] {1f, 0.7182818f, 0.3678794f}, within(1e-7f));
    }

    @Test
    void meanWithTheDefaults() {
        // (1 + (e - 2) + 1/e) / 3
        double value = new PoissonNllLoss().compute(Tensor.vector(0f, 1f, -1f), Tensor.vector(1f, 2f, 0f));

        assertThat(value).isCloseTo((1 + (E - 2) + 1 / E) / 3, within(1e-12));
    }

    @Test
    void logInputGradientIsExpMinusTarget() {
        // exp(p) - t: 1 - 1 = 0 (the rate e^0 = 1 fits the count 1), e - 2, 1/e
        Tensor gradient = Tensor.zeros(3);
        new PoissonNllLoss(true, false, 1e-8, Reduction.SUM).compute(Tensor.vector(0f, 1f, -1f),
                Tensor.vector(1f, 2f, 0f), gradient);

        assertThat(gradient.data()).containsExactly(new float[] {0f, 0.7182818f, 0.3678794f}, within(1e-7f));
    }

    @Test
    void rateInputLossIsRateMinusTargetTimesLogRate() {
        // p - t log(p + eps): p 4, t 2: 4 - 2 ln(4 + 1e-8) = 1.2274113; p 0.5, t 0: 0.5
        Tensor values = new PoissonNllLoss(false, false, 1e-8, Reduction.NONE)
                .unreduced(Tensor.vector(4f, 0.5f), Tensor.vector(2f, 0f));

        assertThat(values.data()).containsExactly(new float[] {1.2274113f, 0.5f}, within(1e-7f));
    }

    @Test
    void rateInputGradientIsOneMinusTargetOverRate() {
        // 1 - t / (p + eps): 1 - 2 / 4 = 0.5; 1 - 0 = 1
        Tensor gradient = Tensor.zeros(2);
        new PoissonNllLoss(false, false, 1e-8, Reduction.SUM).compute(Tensor.vector(4f, 0.5f),
                Tensor.vector(2f, 0f), gradient);

        assertThat(gradient.data()).containsExactly(new float[] {0.5f, 1f}, within(1e-7f));
    }

    @Test
    void epsKeepsTheLogFiniteAtARateOfZero() {
        // p 0, t 1, eps 1e-8: 0 - ln(1e-8) = 18.420681; gradient 1 - 1 / 1e-8 = -99999999
        Tensor gradient = Tensor.zeros(1);
        double value = new PoissonNllLoss(false, false, 1e-8, Reduction.SUM).compute(Tensor.vector(0f),
                Tensor.vector(1f), gradient);

        assertThat(value).isCloseTo(18.420680743952367, within(1e-9));
        assertThat(gradient.data()[0]).isCloseTo(-1e8f, within(1f));
    }

    @Test
    void fullAddsStirlingsTermForTargetsAboveOne() {
        // t 3: 3 ln 3 - 3 + 0.5 ln(6π) = 1.7640815 added to exp(0) - 0 = 1; t 1 and t 0 get nothing
        Tensor values = new PoissonNllLoss(true, true, 1e-8, Reduction.NONE)
                .unreduced(Tensor.vector(0f, 0f, 0f), Tensor.vector(3f, 1f, 0f));

        assertThat(values.data()).containsExactly(new float[] {2.7640815f, 1f, 1f}, within(1e-6f));
    }

    @Test
    void fullLeavesTheGradientAsItWas() {
        // the Stirling term does not depend on p: exp(0.5) - 3 either way
        Tensor plain = Tensor.zeros(1);
        Tensor full = Tensor.zeros(1);
        new PoissonNllLoss(true, false, 1e-8, Reduction.SUM).compute(Tensor.vector(0.5f), Tensor.vector(3f), plain);
        new PoissonNllLoss(true, true, 1e-8, Reduction.SUM).compute(Tensor.vector(0.5f), Tensor.vector(3f), full);

        assertThat(full.data()[0]).isEqualTo(plain.data()[0]).isCloseTo((float) (Math.exp(0.5) - 3), within(1e-7f));
    }

    @Test
    void hugeLogInputOverflowsToInfinityAsPyTorch() {
        // exp(1e4) is infinite in float and double; exp(-1e4) - 1 · (-1e4) = 1e4
        Tensor values = new PoissonNllLoss(true, false, 1e-8, Reduction.NONE)
                .unreduced(Tensor.vector(1e4f, -1e4f), Tensor.vector(1f, 1f));

        assertThat(values.data()).containsExactly(Float.POSITIVE_INFINITY, 1e4f);
    }

    @Test
    void negativeTargetIsRefusedNamingItsIndexAndValue() {
        assertThatThrownBy(() -> new PoissonNllLoss().compute(Tensor.zeros(2, 2), Tensor.of(
                new float[] {1f, 0f, 2f, -1f}, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("poisson_nll: target at [1, 1] is '-1.0'; targets are counts and must be non-negative");
    }

    @Test
    void unreducedRefusesANegativeTargetToo() {
        assertThatThrownBy(() -> new PoissonNllLoss().unreduced(Tensor.zeros(3), Tensor.vector(0f, -0.5f, 1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target at [1] is '-0.5'");
    }

    @Test
    void shapeIsCheckedBeforeTheTargets() {
        assertThatThrownBy(() -> new PoissonNllLoss().compute(Tensor.zeros(2), Tensor.vector(-1f, -1f, -1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("poisson_nll: predictions of shape [2]")
                .hasMessageContaining("[3]");
    }

    @Test
    void nanPredictionMakesValueAndItsGradientNaN() {
        Tensor gradient = Tensor.zeros(2);
        double value = new PoissonNllLoss().compute(Tensor.vector(Float.NaN, 0f), Tensor.vector(1f, 1f), gradient);

        assertThat(value).isNaN();
        assertThat(gradient.data()[0]).isNaN();
        assertThat(gradient.data()[1]).isZero();
    }

    @Test
    void negativeEpsIsRefused() {
        assertThatThrownBy(() -> new PoissonNllLoss(false, false, -1e-8, Reduction.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("poisson_nll: eps is '-1.0E-8'; it must be at least 0");
    }

    @Test
    void toStringIsTheSpec() {
        assertThat(new PoissonNllLoss(false, true, 0.01, Reduction.SUM))
                .hasToString("poisson_nll(log_input=false, full=true, eps=0.01, reduction=sum)");
    }
}
