package dev.descent.nn.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Finite-difference checks through a whole graph: {@code f = sum over outputs of sum(output ⊙ R)} with a
 * fixed random R per output; backward of the R's must add d f / d parameter into every parameter.
 */
final class GraphGradients {
    /** Scaled error allowed: float rounding of f over a step of 1e-3 gives about 1e-4. */
    static final double TOLERANCE = 2e-3;

    private GraphGradients() {}

    static List<Tensor> weights(GraphModel model, List<Tensor> inputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tensor> weights = new ArrayList<>();
        for (Tensor output : model.forward(inputs, Pass.INFERENCE)) {
            Tensor r = Tensor.zeros(output.shape());
            float[] data = r.data();
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextDouble(-1, 1);
            }
            weights.add(r);
        }
        return weights;
    }

    static double f(GraphModel model, List<Tensor> inputs, List<Tensor> weights) {
        List<Tensor> outputs = model.forward(inputs, Pass.INFERENCE);
        double sum = 0;
        for (int o = 0; o < outputs.size(); o++) {
            float[] y = outputs.get(o).data();
            float[] r = weights.get(o).data();
            for (int i = 0; i < y.length; i++) {
                sum += (double) y[i] * r[i];
            }
        }
        return sum;
    }

    /** Checks every parameter of {@code model}; returns how many were checked. */
    static int checkEveryParameter(GraphModel model, List<Tensor> inputs) {
        List<Tensor> r = weights(model, inputs, 77);
        model.zeroGradients();
        model.forward(inputs, Pass.training(new SplittableRandom(1)));
        model.backward(r);
        for (Parameter parameter : model.parameters()) {
            Tensor analytic = parameter.gradient().copy();
            Tensor numeric = FiniteDifferences.gradient(value -> f(model, inputs, r), parameter.value());
            assertThat(FiniteDifferences.maxScaledError(analytic, numeric))
                    .as("d f / d %s: backward %s, finite differences %s", parameter.name(), analytic, numeric)
                    .isLessThan(TOLERANCE);
        }
        return model.parameters().size();
    }
}
