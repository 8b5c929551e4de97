package dev.descent.nn;

import dev.descent.api.Pass;
import dev.descent.api.Layer;
import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.SplittableRandom;

/**
 * Gradient checks for a layer through the scalar {@code f = sum(forward(x) ⊙ R)} with a fixed random R:
 * its gradient with respect to x is {@code backward(R)}, and with respect to a parameter the gradient
 * that backward accumulates. The reference is a central finite difference of f, computed from
 * inference forwards only.
 */
final class GradientCheck {
    /**
     * The largest scaled error allowed. f is a float sum of order 1 to 10 and the step is ±1e-3, so float
     * rounding alone makes the difference quotient wrong by up to about 1e-4 (correct gradients show
     * below 7e-5 here); a wrong gradient is off by far more.
     */
    static final double TOLERANCE = 1e-3;

    private GradientCheck() {}

    /** Values uniform in [-1, 1), fixed by {@code seed}. */
    static Tensor randomTensor(long seed, int... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor tensor = Tensor.zeros(shape);
        float[] data = tensor.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(-1, 1);
        }
        return tensor;
    }

    /** {@code sum(output ⊙ weights)}, accumulated in double. */
    static double weightedSum(Tensor output, Tensor weights) {
        float[] y = output.data();
        float[] r = weights.data();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (double) y[i] * r[i];
        }
        return sum;
    }

    /** d f / d input by back-propagation: one training forward, then {@code backward(r)}. */
    static Tensor analyticInputGradient(Layer layer, Tensor input, Tensor r) {
        layer.forward(input, Pass.training(new java.util.SplittableRandom(0)));
        return layer.backward(r, true);
    }

    /** d f / d input by central differences. */
    static Tensor numericInputGradient(Layer layer, Tensor input, Tensor r) {
        return FiniteDifferences.gradient(x -> weightedSum(layer.forward(x, Pass.INFERENCE), r), input);
    }

    /** d f / d parameter by back-propagation, starting from a zero gradient. */
    static Tensor analyticParameterGradient(Layer layer, Parameter parameter, Tensor input, Tensor r) {
        parameter.zeroGradient();
        layer.forward(input, Pass.training(new java.util.SplittableRandom(0)));
        layer.backward(r, true);
        return parameter.gradient().copy();
    }

    /** d f / d parameter by central differences, moving the parameter's values in place. */
    static Tensor numericParameterGradient(Layer layer, Parameter parameter, Tensor input, Tensor r) {
        return FiniteDifferences.gradient(value -> weightedSum(layer.forward(input, Pass.INFERENCE), r), parameter.value());
    }
}
