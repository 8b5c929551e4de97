package dev.descent.loss;

import dev.descent.api.Tensor;
import dev.descent.testkit.TensorGenerator;
import java.util.function.DoubleSupplier;

/** Inputs drawn from each loss's domain, for the testkit's contract checks. */
final class Generators {
    private Generators() {}

    /** -1 or 1, in the shape asked. */
    static final TensorGenerator SIGNS = (shape, random) -> fill(Tensor.zeros(shape),
            () -> random.nextBoolean() ? 1 : -1);

    /** 0 or 1, in the shape asked. */
    static final TensorGenerator BITS = (shape, random) -> fill(Tensor.zeros(shape), () -> random.nextBoolean() ? 1 : 0);

    /** -1 or 1, one per sample (the first axis of the shape asked). */
    static final TensorGenerator SAMPLE_SIGNS = (shape, random) -> SIGNS.generate(new int[] {shape[0]}, random);

    /** One-hot rows over the last axis. */
    static final TensorGenerator ONE_HOT = (shape, random) -> {
        Tensor targets = Tensor.zeros(shape);
        int classes = shape[shape.length - 1];
        for (int start = 0; start < targets.size(); start += classes) {
            targets.data()[start + random.nextInt(classes)] = 1;
        }
        return targets;
    };

    /**
     * For predictions {@code [N, C, d...]}: a class index in [0, C) per position, of shape {@code [N, d...]}
     * (axis 1 dropped).
     */
    static final TensorGenerator CLASS_INDICES = (shape, random) -> fill(Tensor.zeros(withoutAxis1(shape)),
            () -> random.nextInt(shape[1]));

    /** Probabilities in [0.05, 0.95), in the shape asked: away from bce's clamp at 0 and 1. */
    static final TensorGenerator PROBABILITIES = TensorGenerator.uniform(0.05, 0.95);

    /** For shapes {@code [N, C, d...]}: at each position, positive values over axis 1 that sum to 1. */
    static final TensorGenerator DISTRIBUTIONS = (shape, random) -> {
        Tensor result = fill(Tensor.zeros(shape), () -> random.nextDouble(0.1, 1));
        int classes = shape[1];
        int inner = result.size() / Math.max(1, shape[0] * classes);
        float[] data = result.data();
        for (int n = 0; n < shape[0]; n++) {
            for (int s = 0; s < inner; s++) {
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += data[(n * classes + c) * inner + s];
                }
                for (int c = 0; c < classes; c++) {
                    data[(n * classes + c) * inner + s] /= (float) sum;
                }
            }
        }
        return result;
    };

    /** {@link #DISTRIBUTIONS} as log-probabilities. */
    static final TensorGenerator LOG_DISTRIBUTIONS = (shape, random) -> {
        Tensor result = DISTRIBUTIONS.generate(shape, random);
        float[] data = result.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.log(data[i]);
        }
        return result;
    };

    /** Counts 0 to 5, as a Poisson target. */
    static final TensorGenerator COUNTS = (shape, random) -> fill(Tensor.zeros(shape), () -> random.nextInt(6));

    /** Values 0.5 to 3 away from zero, of either sign: mape divides by |t|. */
    static final TensorGenerator AWAY_FROM_ZERO = (shape, random) -> fill(Tensor.zeros(shape),
            () -> (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.5, 3));

    /** {@code shape} without axis 1: the shape of class-index targets for predictions {@code shape}. */
    static int[] withoutAxis1(int[] shape) {
        int[] result = new int[shape.length - 1];
        result[0] = shape[0];
        System.arraycopy(shape, 2, result, 1, shape.length - 2);
        return result;
    }

    static Tensor fill(Tensor tensor, DoubleSupplier draw) {
        float[] data = tensor.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) draw.getAsDouble();
        }
        return tensor;
    }
}
