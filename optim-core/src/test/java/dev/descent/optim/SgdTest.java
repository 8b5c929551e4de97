package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The update rule of {@link Sgd}, option by option, against values worked by hand. Values are chosen as
 * binary fractions so every intermediate is exact in float and the expected results are exact too.
 */
class SgdTest {

    private static Parameter parameter(String name, float... values) {
        return Parameter.of(name, Tensor.vector(values));
    }

    private static void step(Sgd sgd, Parameter parameter, float... gradient) {
        System.arraycopy(gradient, 0, parameter.gradient().data(), 0, gradient.length);
        sgd.step(List.of(parameter));
    }

    @Test
    void plainStepMovesAgainstTheGradientScaledByTheLearningRate() {
        Sgd sgd = Sgd.builder().lr(0.5).build();
        Parameter p = parameter("w", 1, -2, 0.5f);

        // p - lr * g = [1 - 0.5*0.5, -2 - 0.5*(-1), 0.5 - 0.5*2] = [0.75, -1.5, -0.5]
        step(sgd, p, 0.5f, -1, 2);

        assertThat(p.value().data()).containsExactly(0.75f, -1.5f, -0.5f);
    }

    @Test
    void momentumAccumulatesGradientsOverThreeSteps() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).build();
        Parameter p = parameter("w", 1, -2);

        // step 1: buf = g = [1, -1];                        p = [1 - 0.5, -2 + 0.5] = [0.5, -1.5]
        step(sgd, p, 1, -1);
        assertThat(p.value().data()).containsExactly(0.5f, -1.5f);
        // step 2: buf = 0.5*[1, -1] + [0.5, 0.5] = [1, 0];  p = [0.5 - 0.5, -1.5 - 0] = [0, -1.5]
        step(sgd, p, 0.5f, 0.5f);
        assertThat(p.value().data()).containsExactly(0f, -1.5f);
        // step 3: buf = 0.5*[1, 0] + [0, 2] = [0.5, 2];     p = [0 - 0.25, -1.5 - 1] = [-0.25, -2.5]
        step(sgd, p, 0, 2);
        assertThat(p.value().data()).containsExactly(-0.25f, -2.5f);
    }

    @Test
    void dampeningScalesLaterGradientsButNotTheFirst() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).dampening(0.5).build();
        Parameter p = parameter("w", 1, -2);

        // step 1: buf = g = [1, -1] (undamped; damped it would be [0.5, -0.5]); p = [0.5, -1.5]
        step(sgd, p, 1, -1);
        assertThat(p.value().data()).containsExactly(0.5f, -1.5f);
        // step 2: buf = 0.5*[1, -1] + (1 - 0.5)*[1, 1] = [1, 0];  p = [0.5 - 0.5, -1.5 - 0] = [0, -1.5]
        step(sgd, p, 1, 1);
        assertThat(p.value().data()).containsExactly(0f, -1.5f);
    }

    @Test
    void nesterovStepsAlongTheGradientPlusTheMomentumLookAhead() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).nesterov(true).build();
        Parameter p = parameter("w", 1, -2);

        // step 1: buf = [1, -1]; g = [1, -1] + 0.5*[1, -1] = [1.5, -1.5]; p = [1 - 0.75, -2 + 0.75] = [0.25, -1.25]
        step(sgd, p, 1, -1);
        assertThat(p.value().data()).containsExactly(0.25f, -1.25f);
        // step 2: buf = 0.5*[1, -1] + [0.5, 0.5] = [1, 0]; g = [0.5, 0.5] + 0.5*[1, 0] = [1, 0.5]
        //         p = [0.25 - 0.5, -1.25 - 0.25] = [-0.25, -1.5]
        step(sgd, p, 0.5f, 0.5f);
        assertThat(p.value().data()).containsExactly(-0.25f, -1.5f);
    }

    @Test
    void weightDecayAddsTheScaledParameterToTheGradient() {
        Sgd sgd = Sgd.builder().lr(0.5).weightDecay(0.5).build();
        Parameter p = parameter("w", 1, -2, 0.5f);

        // g = [0.5, -1, 0] + 0.5*[1, -2, 0.5] = [1, -2, 0.25]; p = [1 - 0.5, -2 + 1, 0.5 - 0.125] = [0.5, -1, 0.375]
        step(sgd, p, 0.5f, -1, 0);

        assertThat(p.value().data()).containsExactly(0.5f, -1f, 0.375f);
    }

    @Test
    void maximizeStepsAlongTheGradient() {
        Sgd sgd = Sgd.builder().lr(0.5).maximize(true).build();
        Parameter p = parameter("w", 1, -2, 0.5f);

        // p + lr * g = [1 + 0.25, -2 - 0.5, 0.5 + 1] = [1.25, -2.5, 1.5]
        step(sgd, p, 0.5f, -1, 2);

        assertThat(p.value().data()).containsExactly(1.25f, -2.5f, 1.5f);
    }

    @Test
    void maximizeWithWeightDecayAndNesterovMomentumCombineInPyTorchsOrder() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).nesterov(true).weightDecay(0.5).maximize(true).build();
        Parameter p = parameter("w", 1, -2);

        // step 1: g = -[1, 1] = [-1, -1]; g += 0.5*[1, -2] -> [-0.5, -2]; buf = [-0.5, -2]
        //         g += 0.5*buf -> [-0.75, -3]; p = [1 + 0.375, -2 + 1.5] = [1.375, -0.5]
        step(sgd, p, 1, 1);
        assertThat(p.value().data()).containsExactly(1.375f, -0.5f);
        // step 2: g = -[0, -1] = [0, 1]; g += 0.5*[1.375, -0.5] -> [0.6875, 0.75]
        //         buf = 0.5*[-0.5, -2] + [0.6875, 0.75] = [0.4375, -0.25]
        //         g += 0.5*buf -> [0.90625, 0.625]; p = [1.375 - 0.453125, -0.5 - 0.3125] = [0.921875, -0.8125]
        step(sgd, p, 0, -1);
        assertThat(p.value().data()).containsExactly(0.921875f, -0.8125f);
    }

    @Test
    void defaultLearningRateIsPyTorchsOneThousandth() {
        Sgd sgd = Sgd.builder().build();
        Parameter p = parameter("w", 1);

        // 1 - 0.001 * 1 = 0.999, to float precision
        step(sgd, p, 1);

        assertThat(sgd.learningRate()).isEqualTo(0.001);
        assertThat(p.value().data()[0]).isCloseTo(0.999f, within(1e-7f));
    }

    @Test
    void everyParameterInTheListIsUpdated() {
        Sgd sgd = Sgd.builder().lr(0.5).build();
        Parameter w = parameter("w", 1, 1);
        Parameter b = parameter("b", 2);
        w.gradient().data()[0] = 1;
        b.gradient().data()[0] = -2;

        sgd.step(List.of(w, b));

        // w = [1 - 0.5*1, 1 - 0.5*0] = [0.5, 1]; b = 2 - 0.5*(-2) = 3
        assertThat(w.value().data()).containsExactly(0.5f, 1f);
        assertThat(b.value().data()).containsExactly(3f);
    }

    @Test
    void setLearningRateTakesEffectOnTheNextStep() {
        Sgd sgd = Sgd.builder().lr(0.5).build();
        Parameter p = parameter("w", 1);

        sgd.setLearningRate(0.25);
        // 1 - 0.25 * 1 = 0.75 (with the old rate it would be 0.5)
        step(sgd, p, 1);

        assertThat(sgd.learningRate()).isEqualTo(0.25);
        assertThat(p.value().data()).containsExactly(0.75f);
    }

    @Test
    void plainSgdDecreasesAConvexQuadraticAtEveryStep() {
        // f(p) = 1/2 * sum(a_i * p_i^2), gradient a_i * p_i; lr * a_i < 2 for every i, so f falls each step
        float[] a = {1, 4, 0.25f};
        Parameter p = parameter("w", 1, -1, 2);
        Sgd sgd = Sgd.builder().lr(0.1).build();
        double initial = quadratic(a, p);

        double previous = initial;
        for (int k = 0; k < 200; k++) {
            quadraticGradient(a, p);
            sgd.step(List.of(p));
            double current = quadratic(a, p);
            assertThat(current).as("f after step %d", k + 1).isLessThan(previous);
            previous = current;
        }
        assertThat(previous).isLessThan(1e-3 * initial);
    }

    @Test
    void momentumReachesTheMinimumOfAConvexQuadratic() {
        float[] a = {1, 4, 0.25f};
        Parameter p = parameter("w", 1, -1, 2);
        Sgd sgd = Sgd.builder().lr(0.1).momentum(0.9).build();
        double initial = quadratic(a, p);

        for (int k = 0; k < 300; k++) {
            quadraticGradient(a, p);
            sgd.step(List.of(p));
        }

        assertThat(quadratic(a, p)).isLessThan(1e-6 * initial);
    }

    private static double quadratic(float[] a, Parameter p) {
        double sum = 0;
        float[] v = p.value().data();
        for (int i = 0; i < a.length; i++) {
            sum += 0.5 * a[i] * v[i] * v[i];
        }
        return sum;
    }

    private static void quadraticGradient(float[] a, Parameter p) {
        float[] v = p.value().data();
        float[] g = p.gradient().data();
        for (int i = 0; i < a.length; i++) {
            g[i] = a[i] * v[i];
        }
    }

    @Test
    void resumingFromStateFollowsTheUninterruptedTrajectoryBitForBit() {
        Supplier<Sgd> fresh = () -> Sgd.builder().lr(0.1).momentum(0.9).nesterov(true).weightDecay(0.01).build();
        float[] a = {1, 4, 0.25f};
        float[] start = {0.3f, -1.7f, 2.9f};

        Parameter uninterrupted = parameter("w", start.clone());
        Sgd sgd = fresh.get();
        for (int k = 0; k < 12; k++) {
            trainingStep(sgd, uninterrupted, a, k);
        }

        Parameter first = parameter("w", start.clone());
        Sgd before = fresh.get();
        for (int k = 0; k < 5; k++) {
            trainingStep(before, first, a, k);
        }
        State checkpoint = before.state();
        // a new process: new optimizer at the configured rate, weights restored into new tensors
        Parameter resumed = parameter("w", first.value().data().clone());
        Sgd after = fresh.get();
        after.loadState(checkpoint);
        for (int k = 5; k < 12; k++) {
            trainingStep(after, resumed, a, k);
        }

        assertThat(after.learningRate()).isEqualTo(0.05);
        assertThat(resumed.value().data()).isEqualTo(uninterrupted.value().data());
    }

    /** A gradient that varies with the step, and a learning rate lowered at step 3 as a schedule would. */
    private static void trainingStep(Sgd sgd, Parameter p, float[] a, int k) {
        if (k == 3) {
            sgd.setLearningRate(0.05);
        }
        quadraticGradient(a, p);
        p.gradient().data()[k % a.length] += 0.125f * k;
        sgd.step(List.of(p));
    }

    @Test
    void stateHoldsTheLearningRateAndOneMomentumBufferPerParameter() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).build();
        Parameter w = parameter("w", 1, -2);
        Parameter b = parameter("b", 3);
        w.gradient().data()[0] = 1;
        w.gradient().data()[1] = -1;
        b.gradient().data()[0] = 0.5f;

        sgd.step(List.of(w, b));
        State state = sgd.state();

        // after the first step each buffer is the gradient itself
        assertThat(state.numbers()).containsExactly(entry("lr", 0.5));
        assertThat(state.tensors()).containsOnlyKeys("momentum_buffer/w", "momentum_buffer/b");
        assertThat(state.tensor("momentum_buffer/w").data()).containsExactly(1f, -1f);
        assertThat(state.tensor("momentum_buffer/b").data()).containsExactly(0.5f);
    }

    @Test
    void stateWithoutMomentumHoldsOnlyTheLearningRate() {
        Sgd sgd = Sgd.builder().lr(0.5).build();
        step(sgd, parameter("w", 1), 1);

        State state = sgd.state();

        assertThat(state.numbers()).containsOnlyKeys("lr");
        assertThat(state.tensors()).isEmpty();
    }

    @Test
    void stateTakenIsNotChangedByLaterSteps() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).build();
        Parameter p = parameter("w", 1);
        step(sgd, p, 1);
        State state = sgd.state();

        // buf becomes 0.5*1 + 3 = 3.5 in the optimizer, the snapshot keeps 1
        step(sgd, p, 3);

        assertThat(state.tensor("momentum_buffer/w").data()).containsExactly(1f);
    }

    @Test
    void loadedStateIsCopiedSoLaterChangesToItDoNotReachTheOptimizer() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).build();
        State state = State.builder().put("lr", 0.5).put("momentum_buffer/w", Tensor.vector(2f)).build();
        sgd.loadState(state);
        state.tensor("momentum_buffer/w").data()[0] = 100;
        Parameter p = parameter("w", 1);

        // buf = 0.5*2 + 1 = 2; p = 1 - 0.5*2 = 0 (from the changed buffer: buf = 51, p = 1 - 0.5*51 = -24.5)
        step(sgd, p, 1);

        assertThat(p.value().data()).containsExactly(0f);
    }

    @Test
    void loadStateRestoresTheLearningRate() {
        Sgd sgd = Sgd.builder().lr(0.5).build();

        sgd.loadState(State.builder().put("lr", 0.125).build());

        assertThat(sgd.learningRate()).isEqualTo(0.125);
    }

    @Test
    void loadStateRefusesAnotherOptimizersEntries() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).build();
        State adamState = State.builder().put("lr", 0.25).put("exp_avg/w", Tensor.vector(1f)).build();

        assertThatThrownBy(() -> sgd.loadState(adamState))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sgd state has an unknown entry 'exp_avg/w'; sgd keeps 'lr' and"
                        + " 'momentum_buffer/<parameter name>'");
        assertThat(sgd.learningRate()).as("unchanged by the refused state").isEqualTo(0.5);
    }

    @Test
    void stepRefusesAMomentumBufferOfAnotherShape() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).build();
        sgd.loadState(State.builder().put("momentum_buffer/w", Tensor.vector(1, 2, 3)).build());
        Parameter p = parameter("w", 1, 2);

        assertThatThrownBy(() -> sgd.step(List.of(p)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'momentum_buffer/w' has shape [3]")
                .hasMessageContaining("parameter 'w' has shape [2]");
    }

    @Test
    void stepRefusesTwoParametersWithOneName() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).build();

        assertThatThrownBy(() -> sgd.step(List.of(parameter("w", 1), parameter("w", 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sgd: two parameters are named 'w'");
    }

    @Test
    void negativeLearningRateIsRefused() {
        assertThatThrownBy(() -> Sgd.builder().lr(-0.1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sgd: lr must be >= 0, got '-0.1'");
    }

    @Test
    void negativeMomentumIsRefused() {
        assertThatThrownBy(() -> Sgd.builder().momentum(-0.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sgd: momentum must be >= 0, got '-0.5'");
    }

    @Test
    void negativeWeightDecayIsRefused() {
        assertThatThrownBy(() -> Sgd.builder().weightDecay(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sgd: weight_decay must be >= 0, got '-1'");
    }

    @Test
    void nesterovWithoutMomentumIsRefused() {
        assertThatThrownBy(() -> Sgd.builder().nesterov(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sgd: Nesterov momentum requires a momentum and zero dampening: nesterov=true needs"
                        + " momentum > 0 and dampening = 0, got momentum '0' and dampening '0'");
    }

    @Test
    void nesterovWithDampeningIsRefused() {
        assertThatThrownBy(() -> Sgd.builder().momentum(0.9).dampening(0.1).nesterov(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sgd: Nesterov momentum requires a momentum and zero dampening: nesterov=true needs"
                        + " momentum > 0 and dampening = 0, got momentum '0.9' and dampening '0.1'");
    }

    @Test
    void negativeDampeningIsAllowedAsInPyTorch() {
        Sgd sgd = Sgd.builder().lr(0.5).momentum(0.5).dampening(-1).build();
        Parameter p = parameter("w", 0);

        // step 1: buf = 1; p = -0.5.  step 2: buf = 0.5*1 + (1 - (-1))*1 = 2.5; p = -0.5 - 1.25 = -1.75
        step(sgd, p, 1);
        step(sgd, p, 1);

        assertThat(p.value().data()).containsExactly(-1.75f);
    }

    @Test
    void setLearningRateRefusesANegativeRate() {
        Sgd sgd = Sgd.builder().build();

        assertThatThrownBy(() -> sgd.setLearningRate(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sgd: lr must be >= 0, got '-1'");
    }

    @Test
    void toStringWritesTheSettingsAsASpec() {
        Sgd sgd = Sgd.builder().lr(0.1).momentum(0.9).nesterov(true).build();

        assertThat(sgd).hasToString(
                "sgd(lr=0.1, momentum=0.9, dampening=0, nesterov=true, weight_decay=0, maximize=false)");
    }

    /**
     * A step over {@code ElementwiseOptimizer.PARALLEL_ELEMENTS} elements or more runs in chunks on several
     * threads; each element's arithmetic is unchanged, so the parameters and buffers must equal those of the same
     * elements stepped in pieces below the threshold, which run on the calling thread.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"momentum", "nesterov, decay and maximize"})
    void aLargeStepOnSeveralThreadsEqualsTheSameElementsSteppedInPieces(String settings) {
        Supplier<Sgd> sgd = settings.equals("momentum")
                ? () -> Sgd.builder().lr(0.01).momentum(0.9).dampening(0.1).build()
                : () -> Sgd.builder().lr(0.01).momentum(0.9).nesterov(true).weightDecay(0.1).maximize(true).build();
        int size = dev.descent.api.ElementwiseOptimizer.PARALLEL_ELEMENTS + 4321;
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        float[] start = new float[size];
        for (int i = 0; i < size; i++) {
            start[i] = (float) random.nextDouble(-1, 1);
        }
        Parameter whole = Parameter.of("w", Tensor.vector(start.clone()));
        Sgd parallel = sgd.get();
        int each = size / 4 + 1;
        List<Parameter> pieces = new java.util.ArrayList<>();
        List<Sgd> sequential = new java.util.ArrayList<>();
        for (int from = 0; from < size; from += each) {
            float[] piece = java.util.Arrays.copyOfRange(start, from, Math.min(size, from + each));
            pieces.add(Parameter.of("w", Tensor.vector(piece)));
            sequential.add(sgd.get());
        }

        for (int step = 0; step < 3; step++) {
            for (int i = 0; i < size; i++) {
                whole.gradient().data()[i] = (float) random.nextDouble(-1, 1);
            }
            parallel.step(List.of(whole));
            for (int k = 0; k < pieces.size(); k++) {
                float[] gradient = pieces.get(k).gradient().data();
                System.arraycopy(whole.gradient().data(), k * each, gradient, 0, gradient.length);
                sequential.get(k).step(List.of(pieces.get(k)));
            }
        }

        float[] expected = new float[size];
        float[] expectedBuffer = new float[size];
        for (int k = 0; k < pieces.size(); k++) {
            float[] piece = pieces.get(k).value().data();
            System.arraycopy(piece, 0, expected, k * each, piece.length);
            System.arraycopy(sequential.get(k).state().tensor("momentum_buffer/w").data(), 0, expectedBuffer,
                    k * each, piece.length);
        }
        assertThat(whole.value().data()).isEqualTo(expected);
        assertThat(parallel.state().tensor("momentum_buffer/w").data()).isEqualTo(expectedBuffer);
    }
}
