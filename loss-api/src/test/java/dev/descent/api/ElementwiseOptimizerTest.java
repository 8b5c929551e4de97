package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link ElementwiseOptimizer} does for its subclasses, shown on a small one: heavy-ball momentum with
 * a step counter slot. Values are binary fractions, so every expected float is exact.
 */
class ElementwiseOptimizerTest {

    /** {@code velocity = 0.5 velocity + g; p -= lr velocity}; {@code seen} counts the element's steps from 1. */
    private static final class HeavyBall extends ElementwiseOptimizer {
        final List<Long> beginSteps = new ArrayList<>();
        private float lr;

        HeavyBall(double lr) {
            super("heavy_ball", lr, List.of("velocity", "seen"));
        }

        @Override
        protected void beginStep(long step) {
            beginSteps.add(step);
            lr = (float) learningRate();
        }

        @Override
        protected float initialValue(int slot) {
            return slot == 1 ? 1f : 0f;
        }

        @Override
        protected void update(int i, float[] p, float[] g, float[][] slots) {
            float[] velocity = slots[0];
            velocity[i] = 0.5f * velocity[i] + g[i];
            p[i] -= lr * velocity[i];
            slots[1][i] += 1;
        }
    }

    private static Parameter parameter(String name, float... values) {
        return Parameter.of(name, Tensor.vector(values));
    }

    private static void step(ElementwiseOptimizer optimizer, Parameter parameter, float... gradient) {
        System.arraycopy(gradient, 0, parameter.gradient().data(), 0, gradient.length);
        optimizer.step(List.of(parameter));
    }

    @Test
    void updateRunsOnEveryElementWithItsSlots() {
        HeavyBall optimizer = new HeavyBall(0.5);
        Parameter p = parameter("w", 1, -2);

        // step 1: v = g = [1, -2]; p = [1 - 0.5, -2 + 1] = [0.5, -1]
        step(optimizer, p, 1, -2);
        // step 2: v = 0.5*[1, -2] + [1, 1] = [1.5, 0]; p = [0.5 - 0.75, -1] = [-0.25, -1]
        step(optimizer, p, 1, 1);

        assertThat(p.value().data()).containsExactly(-0.25f, -1f);
        assertThat(optimizer.state().tensor("velocity/w").data()).containsExactly(1.5f, 0f);
    }

    @Test
    void slotsStartAtTheirInitialValue() {
        HeavyBall optimizer = new HeavyBall(0.5);

        step(optimizer, parameter("w", 1, 2), 0, 0);

        // 'seen' starts at 1 and counts one step
        assertThat(optimizer.state().tensor("seen/w").data()).containsExactly(2f, 2f);
    }

    @Test
    void beginStepSeesTheStepCountFromOne() {
        HeavyBall optimizer = new HeavyBall(0.5);
        Parameter p = parameter("w", 1);

        step(optimizer, p, 1);
        step(optimizer, p, 1);
        step(optimizer, p, 1);

        assertThat(optimizer.beginSteps).containsExactly(1L, 2L, 3L);
        assertThat(optimizer.steps()).isEqualTo(3);
    }

    @Test
    void stepCountsOncePerCallWhateverTheNumberOfParameters() {
        HeavyBall optimizer = new HeavyBall(0.5);

        optimizer.step(List.of(parameter("w", 1), parameter("b", 2)));

        assertThat(optimizer.steps()).isEqualTo(1);
    }

    @Test
    void stateHoldsTheLearningRateTheStepAndEachSlotOfEachParameterInItsShape() {
        HeavyBall optimizer = new HeavyBall(0.5);
        Parameter w = Parameter.of("0.weight", Tensor.zeros(2, 3));
        Parameter b = parameter("0.bias", 1);

        optimizer.step(List.of(w, b));
        State state = optimizer.state();

        assertThat(state.numbers()).containsExactly(entry("lr", 0.5), entry("step", 1.0));
        assertThat(state.tensors()).containsOnlyKeys("velocity/0.weight", "seen/0.weight", "velocity/0.bias",
                "seen/0.bias");
        assertThat(state.tensor("velocity/0.weight").shape()).containsExactly(2, 3);
    }

    @Test
    void stateTakenIsNotChangedByLaterSteps() {
        HeavyBall optimizer = new HeavyBall(0.5);
        Parameter p = parameter("w", 1);
        step(optimizer, p, 1);
        State state = optimizer.state();

        step(optimizer, p, 1);

        assertThat(state.tensor("velocity/w").data()).containsExactly(1f);
        assertThat(state.number("step", -1)).isEqualTo(1);
    }

    @Test
    void resumingFromStateFollowsTheUninterruptedTrajectoryBitForBit() {
        float[] gradients = {0.3f, -1.7f, 2.9f, 0.1f, -0.6f, 1.1f, 0.7f};
        Parameter uninterrupted = parameter("w", 0.25f, -3.5f);
        HeavyBall straight = new HeavyBall(0.1);
        for (int k = 0; k < 7; k++) {
            step(straight, uninterrupted, gradients[k], -gradients[6 - k]);
        }

        Parameter first = parameter("w", 0.25f, -3.5f);
        HeavyBall before = new HeavyBall(0.1);
        for (int k = 0; k < 3; k++) {
            step(before, first, gradients[k], -gradients[6 - k]);
        }
        Parameter resumed = parameter("w", first.value().data().clone());
        HeavyBall after = new HeavyBall(0.9);
        after.loadState(before.state());
        for (int k = 3; k < 7; k++) {
            step(after, resumed, gradients[k], -gradients[6 - k]);
        }

        assertThat(after.learningRate()).isEqualTo(0.1);
        assertThat(after.steps()).isEqualTo(7);
        assertThat(after.beginSteps).containsExactly(4L, 5L, 6L, 7L);
        assertThat(resumed.value().data()).isEqualTo(uninterrupted.value().data());
        assertThat(after.state().tensors().get("velocity/w").data())
                .isEqualTo(straight.state().tensors().get("velocity/w").data());
    }

    @Test
    void loadedStateIsCopied() {
        HeavyBall optimizer = new HeavyBall(0.5);
        State state = State.builder().put("velocity/w", Tensor.vector(2f)).put("seen/w", Tensor.vector(1f)).build();
        optimizer.loadState(state);
        state.tensor("velocity/w").data()[0] = 100;
        Parameter p = parameter("w", 1);

        // v = 0.5*2 + 1 = 2; p = 1 - 0.5*2 = 0
        step(optimizer, p, 1);

        assertThat(p.value().data()).containsExactly(0f);
    }

    @Test
    void aStateWithoutStepStartsTheCountAtZeroAndKeepsTheLearningRate() {
        HeavyBall optimizer = new HeavyBall(0.5);
        step(optimizer, parameter("w", 1), 1);

        optimizer.loadState(State.empty());

        assertThat(optimizer.steps()).isZero();
        assertThat(optimizer.learningRate()).isEqualTo(0.5);
        assertThat(optimizer.state().tensors()).isEmpty();
    }

    @Test
    void loadStateRefusesAnotherOptimizersEntriesAndChangesNothing() {
        HeavyBall optimizer = new HeavyBall(0.5);
        step(optimizer, parameter("w", 1), 1);
        State sgd = State.builder().put("lr", 0.25).put("momentum_buffer/w", Tensor.vector(1f)).build();

        assertThatThrownBy(() -> optimizer.loadState(sgd))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heavy_ball state has an unknown entry 'momentum_buffer/w'; heavy_ball keeps 'lr',"
                        + " 'step' and 'velocity/<parameter name>', 'seen/<parameter name>'");
        assertThat(optimizer.learningRate()).isEqualTo(0.5);
        assertThat(optimizer.steps()).isEqualTo(1);
        assertThat(optimizer.state().tensors()).containsOnlyKeys("velocity/w", "seen/w");
    }

    @Test
    void loadStateRefusesAnUnknownNumber() {
        HeavyBall optimizer = new HeavyBall(0.5);

        assertThatThrownBy(() -> optimizer.loadState(State.builder().put("momentum", 0.9).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("heavy_ball state has an unknown entry 'momentum'");
    }

    @Test
    void loadStateRefusesAParameterWithOnlySomeOfItsSlots() {
        HeavyBall optimizer = new HeavyBall(0.5);

        assertThatThrownBy(() -> optimizer.loadState(State.builder().put("velocity/w", Tensor.vector(1f)).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("heavy_ball state has no 'seen/w' but has other slots of parameter 'w'");
    }

    @Test
    void loadStateRefusesSlotsOfDifferentShapes() {
        HeavyBall optimizer = new HeavyBall(0.5);
        State state = State.builder().put("velocity/w", Tensor.vector(1f)).put("seen/w", Tensor.vector(1f, 2f))
                .build();

        assertThatThrownBy(() -> optimizer.loadState(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heavy_ball state has 'velocity/w' of shape [1] but 'seen/w' of shape [2]");
    }

    @Test
    void loadStateRefusesAStepThatIsNotAWholeNumber() {
        HeavyBall optimizer = new HeavyBall(0.5);

        assertThatThrownBy(() -> optimizer.loadState(State.builder().put("step", 2.5).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heavy_ball: step in the state must be a whole number >= 0, got '2.5'");
        assertThatThrownBy(() -> optimizer.loadState(State.builder().put("step", -1).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadStateRefusesANegativeLearningRate() {
        HeavyBall optimizer = new HeavyBall(0.5);

        assertThatThrownBy(() -> optimizer.loadState(State.builder().put("lr", -1).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heavy_ball: lr in the state must be >= 0, got '-1'");
    }

    @Test
    void stepRefusesASlotOfAnotherShapeAndChangesNothing() {
        HeavyBall optimizer = new HeavyBall(0.5);
        optimizer.loadState(State.builder().put("velocity/w", Tensor.vector(1, 2, 3))
                .put("seen/w", Tensor.vector(1, 1, 1)).build());
        Parameter b = parameter("b", 1);
        Parameter w = parameter("w", 1, 2);

        assertThatThrownBy(() -> optimizer.step(List.of(b, w)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heavy_ball: state 'velocity/w' has shape [3] but parameter 'w' has shape [2];"
                        + " was the state taken from another model?");
        assertThat(optimizer.steps()).isZero();
        assertThat(b.value().data()).containsExactly(1f);
        assertThat(optimizer.state().tensors()).doesNotContainKey("velocity/b");
    }

    @Test
    void stepRefusesTwoParametersWithOneName() {
        HeavyBall optimizer = new HeavyBall(0.5);

        assertThatThrownBy(() -> optimizer.step(List.of(parameter("w", 1), parameter("w", 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("heavy_ball: two parameters are named 'w'");
        assertThat(optimizer.steps()).isZero();
    }

    @Test
    void learningRateIsValidatedInTheConstructorAndTheSetter() {
        assertThatThrownBy(() -> new HeavyBall(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heavy_ball: lr must be >= 0, got '-0.1'");
        assertThatThrownBy(() -> new HeavyBall(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heavy_ball: lr must be >= 0, got 'nan'");
        HeavyBall optimizer = new HeavyBall(0.5);
        assertThatThrownBy(() -> optimizer.setLearningRate(-1)).isInstanceOf(IllegalArgumentException.class);
        optimizer.setLearningRate(0.25);
        assertThat(optimizer.learningRate()).isEqualTo(0.25);
    }

    @Test
    void decayRateAcceptsZeroAndRefusesOne() {
        HeavyBall optimizer = new HeavyBall(0.5);

        assertThat(optimizer.decayRate("betas[0]", 0)).isZero();
        assertThatThrownBy(() -> optimizer.decayRate("betas[1]", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heavy_ball: betas[1] must be in [0, 1), got '1'");
        assertThatThrownBy(() -> optimizer.decayRate("alpha", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slotNamesMustBeDistinctAndWithoutSlash() {
        assertThatThrownBy(() -> new ElementwiseOptimizer("bad", 0.1, List.of("m", "m")) {
            @Override
            protected void update(int i, float[] p, float[] g, float[][] slots) {}
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot names must be distinct");
        assertThatThrownBy(() -> new ElementwiseOptimizer("bad", 0.1, List.of("m/v")) {
            @Override
            protected void update(int i, float[] p, float[] g, float[][] slots) {}
        }).isInstanceOf(IllegalArgumentException.class);
    }

    /** Heavy ball that also records the threads its element updates ran on (a test-only, thread-safe write). */
    private static final class ThreadRecordingHeavyBall extends ElementwiseOptimizer {
        final java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private float lr;

        ThreadRecordingHeavyBall() {
            super("heavy_ball", 0.25, List.of("velocity"));
        }

        @Override
        protected void beginStep(long step) {
            lr = (float) learningRate();
        }

        @Override
        protected void update(int i, float[] p, float[] g, float[][] slots) {
            if (i % 4096 == 0) {
                threads.add(Thread.currentThread());
            }
            float[] velocity = slots[0];
            velocity[i] = 0.9f * velocity[i] + g[i];
            p[i] -= lr * velocity[i];
        }
    }

    @Test
    void largeParametersAreUpdatedOnSeveralThreadsWithTheResultOfOne() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1,
                "one processor: the step stays on the calling thread");
        int size = ElementwiseOptimizer.PARALLEL_ELEMENTS + 12_345;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        float[] start = new float[size];
        float[][] gradients = new float[3][size];
        for (int i = 0; i < size; i++) {
            start[i] = (float) random.nextDouble(-1, 1);
            for (float[] gradient : gradients) {
                gradient[i] = (float) random.nextDouble(-1, 1);
            }
        }
        Parameter whole = parameter("w", start.clone());
        ThreadRecordingHeavyBall parallel = new ThreadRecordingHeavyBall();
        // The same elements in pieces below the threshold, each stepped alone, run on the calling thread.
        int pieces = 8;
        int each = size / pieces + 1;
        List<Parameter> parts = new ArrayList<>();
        List<ThreadRecordingHeavyBall> sequential = new ArrayList<>();
        for (int from = 0; from < size; from += each) {
            parts.add(parameter("w" + from, java.util.Arrays.copyOfRange(start, from, Math.min(size, from + each))));
            sequential.add(new ThreadRecordingHeavyBall());
        }

        for (float[] gradient : gradients) {
            System.arraycopy(gradient, 0, whole.gradient().data(), 0, size);
            parallel.step(List.of(whole));
            for (int k = 0; k < parts.size(); k++) {
                float[] part = parts.get(k).gradient().data();
                System.arraycopy(gradient, k * each, part, 0, part.length);
                sequential.get(k).step(List.of(parts.get(k)));
            }
        }

        assertThat(parallel.threads).as("threads of the large step").hasSizeGreaterThan(1);
        assertThat(sequential).allSatisfy(optimizer -> assertThat(optimizer.threads)
                .containsExactly(Thread.currentThread()));
        float[] expected = new float[size];
        for (int k = 0; k < parts.size(); k++) {
            float[] part = parts.get(k).value().data();
            System.arraycopy(part, 0, expected, k * each, part.length);
        }
        assertThat(whole.value().data()).isEqualTo(expected);
    }

    /** Overrides the whole-parameter update, as lamb does: never split across threads. */
    private static final class WholeParameter extends ElementwiseOptimizer {
        final java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        WholeParameter() {
            super("whole", 0.5, List.of());
        }

        @Override
        protected void update(float[] p, float[] g, float[][] slots) {
            super.update(p, g, slots);
        }

        @Override
        protected void update(int i, float[] p, float[] g, float[][] slots) {
            if (i % 4096 == 0) {
                threads.add(Thread.currentThread());
            }
            p[i] -= 0.5f * g[i];
        }
    }

    @Test
    void anOptimizerThatWorksOnWholeParametersStaysOnTheCallingThread() {
        WholeParameter optimizer = new WholeParameter();
        Parameter large = Parameter.of("w", Tensor.zeros(ElementwiseOptimizer.PARALLEL_ELEMENTS * 2));

        optimizer.step(List.of(large));

        assertThat(optimizer.threads).containsExactly(Thread.currentThread());
    }
}
