package dev.descent.loss;

/** The softplus and the sigmoid, computed without overflow for any argument. */
final class Logistic {
    private Logistic() {}

    /** {@code log(1 + exp(u))} without overflow: {@code max(u, 0) + log1p(exp(-|u|))}. */
    static double softplus(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    }

    /** {@code 1 / (1 + exp(-u))} without overflow, the derivative of {@link #softplus}. */
    static double sigmoid(double u) {
        if (u >= 0) {
            return 1 / (1 + Math.exp(-u));
        }
        double e = Math.exp(u);
        return e / (1 + e);
    }
}
