package org.acme.descent.adabelief;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient centralization, from Yong et al., "Gradient Centralization: A New Optimization Technique for
 * Deep Neural Networks" (ECCV 2020), as a wrapping optimizer: for every parameter of rank 2 or more, each
 * slice along the first axis (one output unit's weights: a row of a linear layer's {@code [out, in]}
 * weight, one filter of a convolution) has its gradient's mean over all the other axes subtracted, then
 * the inner optimizer steps. Parameters of rank 0 and 1, such as biases, reach it unchanged.
 *
 * <p>The caller's gradients are left as they were: the inner optimizer sees each centred parameter through
 * a stand-in that shares its name and value and carries the centred gradient. Everything else is the
 * inner optimizer's: the learning rate, and the state, which this wrapper neither adds to nor renames.
 */
public final class GradientCentralization implements Optimizer {
    /** The canonical name, as written in specs. */
    public static final String NAME = "gradient_centralization";

    private final Optimizer inner;
    /** Stand-ins by parameter name, reused while the parameter's value tensor stays the same. */
    private final Map<String, Parameter> standIns = new HashMap<>();

    public GradientCentralization(Optimizer inner) {
        this.inner = requireNonNull(inner, "inner is null");
    }

    /** The optimizer that takes the centred gradients. */
    public Optimizer inner() {
        return inner;
    }

    @Override
    public void step(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        List<Parameter> centred = new ArrayList<>(parameters.size());
        for (Parameter parameter : parameters) {
            requireNonNull(parameter, "a parameter is null");
            centred.add(parameter.value().rank() >= 2 ? centred(parameter) : parameter);
        }
        inner.step(centred);
    }

    private Parameter centred(Parameter parameter) {
        Parameter standIn = standIns.get(parameter.name());
        if (standIn == null || standIn.value() != parameter.value()) {
            standIn = Parameter.of(parameter.name(), parameter.value());
            standIns.put(parameter.name(), standIn);
        }
        float[] gradient = parameter.gradient().data();
        float[] target = standIn.gradient().data();
        System.arraycopy(gradient, 0, target, 0, gradient.length);
        centre(target, parameter.value().dim(0));
        return standIn;
    }

    /** Subtracts from each of {@code slices} equal consecutive runs of {@code values} its own mean. */
    static void centre(float[] values, int slices) {
        if (slices == 0 || values.length == 0) {
            return;
        }
        int length = values.length / slices;
        for (int start = 0; start < values.length; start += length) {
            double sum = 0;
            for (int i = start; i < start + length; i++) {
                sum += values[i];
            }
            float mean = (float) (sum / length);
            for (int i = start; i < start + length; i++) {
                values[i] -= mean;
            }
        }
    }

    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        inner.setLearningRate(learningRate);
    }

    @Override
    public State state() {
        return inner.state();
    }

    @Override
    public void loadState(State state) {
        inner.loadState(requireNonNull(state, "state is null"));
    }

    @Override
    public String toString() {
        return NAME + "(inner=" + inner + ")";
    }
}
