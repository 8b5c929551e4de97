package dev.descent.optim;

/**
 * A decay rate of a running average (Adam's betas, RMSprop's alpha, Adadelta's rho) as PyTorch's kernels use
 * it on float32 tensors: the rate and its complement {@code 1 - rate}, each computed in double from the Python
 * float and rounded to float.
 *
 * @param rate the rate, rounded to float
 * @param complement {@code 1 - rate}, computed in double, then rounded to float
 */
record Decay(float rate, float complement) {

    static Decay of(double rate) {
        return new Decay((float) rate, (float) (1 - rate));
    }

    /**
     * {@code avg.mul_(rate).add_(x, alpha=1 - rate)}: the product rounded, then the addition fused with its
     * multiply, as PyTorch's CPU kernel for {@code add(alpha=)}.
     */
    float average(float avg, float x) {
        return Math.fma(complement, x, avg * rate);
    }

    /**
     * {@code avg.mul_(rate).addcmul_(x, x, value=1 - rate)}: the product rounded, then
     * {@code ((1 - rate) * x) * x} fused with the addition, as PyTorch's CPU kernel for {@code addcmul}.
     */
    float averageOfSquares(float avg, float x) {
        return Math.fma(complement * x, x, avg * rate);
    }
}
