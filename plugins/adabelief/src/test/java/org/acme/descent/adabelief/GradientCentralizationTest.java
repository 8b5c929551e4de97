package org.acme.descent.adabelief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link GradientCentralization}: the centring, worked by hand, and the delegation to the inner optimizer. */
class GradientCentralizationTest {

    /** An inner optimizer that records the gradients it was given. */
    private static final class Recorder implements Optimizer {
        final Map<String, float[]> seen = new LinkedHashMap<>();
        final List<Parameter> parameters = new ArrayList<>();
        double lr = 0.5;

        @Override
        public void step(List<Parameter> given) {
            given.forEach(p -> seen.put(p.name(), p.gradient().data().clone()));
            parameters.addAll(given);
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public void setLearningRate(double learningRate) {
            lr = learningRate;
        }

        @Override
        public State state() {
            return State.builder().put("recorded", seen.size()).build();
        }

        @Override
        public void loadState(State state) {
            lr = state.number("lr", lr);
        }
    }

    private static Parameter parameter(String name, float[] gradient, int... shape) {
        Parameter parameter = Parameter.of(name, Tensor.zeros(shape));
        System.arraycopy(gradient, 0, parameter.gradient().data(), 0, gradient.length);
        return parameter;
    }

    @Test
    void eachRowOfAMatrixGradientLosesItsMean() {
        Recorder inner = new Recorder();
        Parameter weight = parameter("weight", new float[] {1, 2, 3, 4, 4, 10}, 2, 3);

        new GradientCentralization(inner).step(List.of(weight));

        // row means 2 and 6: [1, 2, 3] - 2 = [-1, 0, 1]; [4, 4, 10] - 6 = [-2, -2, 4]
        assertThat(inner.seen.get("weight")).containsExactly(-1, 0, 1, -2, -2, 4);
    }

    @Test
    void higherRankGradientsLoseTheMeanOverAllAxesButTheFirst() {
        Recorder inner = new Recorder();
        // shape [2, 2, 2]: slice 0 = [1, 2, 3, 6] (mean 3), slice 1 = [0, 0, 0, 4] (mean 1)
        Parameter filters = parameter("conv", new float[] {1, 2, 3, 6, 0, 0, 0, 4}, 2, 2, 2);

        new GradientCentralization(inner).step(List.of(filters));

        assertThat(inner.seen.get("conv")).containsExactly(-2, -1, 0, 3, -1, -1, -1, 3);
    }

    @Test
    void vectorsReachTheInnerOptimizerUnchanged() {
        Recorder inner = new Recorder();
        Parameter bias = parameter("bias", new float[] {1, 5}, 2);

        new GradientCentralization(inner).step(List.of(bias));

        assertThat(inner.seen.get("bias")).containsExactly(1, 5);
        assertThat(inner.parameters).containsExactly(bias);
    }

    @Test
    void theCallersGradientIsLeftAsItWas() {
        Parameter weight = parameter("weight", new float[] {1, 2, 3, 4, 4, 10}, 2, 3);

        new GradientCentralization(new Recorder()).step(List.of(weight));

        assertThat(weight.gradient().data()).containsExactly(1, 2, 3, 4, 4, 10);
    }

    @Test
    void theInnerOptimizerUpdatesTheCallersValueUnderTheSameName() {
        // AdaBelief's first step moves each element by lr / 0.9 against the sign of its centred gradient;
        // the first row's gradient is constant, so centred it is zero and the row stays where it is.
        GradientCentralization optimizer = new GradientCentralization(AdaBelief.builder().lr(0.9).build());
        Parameter weight = parameter("weight", new float[] {3, 3, 1, 2}, 2, 2);

        optimizer.step(List.of(weight));

        // second row: [1, 2] - 1.5 = [-0.5, 0.5], so it moves by [+1, -1]
        assertThat(weight.value().data()[0]).isZero();
        assertThat(weight.value().data()[1]).isZero();
        assertThat(weight.value().data()[2]).isCloseTo(1f, within(1e-6f));
        assertThat(weight.value().data()[3]).isCloseTo(-1f, within(1e-6f));
        assertThat(optimizer.state().tensors()).containsKey("exp_avg/weight");
    }

    @Test
    void aLaterStepCentresTheNewGradient() {
        Recorder inner = new Recorder();
        GradientCentralization optimizer = new GradientCentralization(inner);
        Parameter weight = parameter("weight", new float[] {1, 3}, 1, 2);
        optimizer.step(List.of(weight));

        weight.gradient().data()[0] = 10;
        weight.gradient().data()[1] = 0;
        optimizer.step(List.of(weight));

        // [10, 0] - 5
        assertThat(inner.seen.get("weight")).containsExactly(5, -5);
    }

    @Test
    void learningRateIsTheInnerOptimizers() {
        Recorder inner = new Recorder();
        GradientCentralization optimizer = new GradientCentralization(inner);

        optimizer.setLearningRate(0.25);

        assertThat(inner.lr).isEqualTo(0.25);
        assertThat(optimizer.learningRate()).isEqualTo(0.25);
    }

    @Test
    void stateIsTheInnerOptimizers() {
        Recorder inner = new Recorder();
        GradientCentralization optimizer = new GradientCentralization(inner);
        optimizer.step(List.of(parameter("weight", new float[] {1, 3}, 1, 2)));

        assertThat(optimizer.state().numbers()).containsOnlyKeys("recorded");

        optimizer.loadState(State.builder().put("lr", 0.125).build());
        assertThat(inner.lr).isEqualTo(0.125);
    }
}
