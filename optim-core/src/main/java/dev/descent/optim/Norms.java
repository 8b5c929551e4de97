package dev.descent.optim;

/** The Euclidean norm as the optimizers that scale by one (lamb, adafactor) compute it. */
final class Norms {
    private Norms() {}

    /**
     * The norm of {@code count} values from {@code start}, {@code stride} apart: summed in double and rounded
     * to float, which is what PyTorch's float32 norm gives for the sizes of a parameter's row or whole.
     */
    static float euclidean(float[] values, int start, int stride, int count) {
        double sum = 0;
        for (int k = 0; k < count; k++) {
            float value = values[start + k * stride];
            sum += (double) value * value;
        }
        return (float) Math.sqrt(sum);
    }
}
