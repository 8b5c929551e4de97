package dev.descent.optim;

import dev.descent.api.Parameter;

/**
 * The test functions of the optimizer fixtures, with their gradients computed in float exactly as
 * {@code tools/fixtures/generate_optimizer_fixtures.py} computes them: one rounding per operation, left to
 * right, so the same parameters give the same floats as in PyTorch's run.
 */
final class TestFunctions {
    private TestFunctions() {}

    /** The curvatures of {@code matrix_quadratic}, row-major: 1 to 12. */
    private static final float[] MATRIX_CURVATURE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    /**
     * Writes the gradient of {@code function} at the parameter into its gradient: {@code rosenbrock}
     * {@code (1 - x)^2 + 100 (y - x^2)^2} and {@code quadratic} {@code (x^2 + 100 y^2) / 2} of (x, y),
     * {@code matrix_quadratic} {@code sum(A * W * W) / 2} of a [3, 4] matrix W with A = 1 to 12 row-major, or
     * any of them negated with a leading {@code -}.
     */
    static void gradient(String function, Parameter parameter) {
        float[] p = parameter.value().data();
        float[] g = parameter.gradient().data();
        boolean negated = function.startsWith("-");
        switch (negated ? function.substring(1) : function) {
            case "rosenbrock" -> {
                float x = p[0];
                float y = p[1];
                float t = y - x * x;
                g[0] = -2f * (1f - x) - 400f * x * t;
                g[1] = 200f * t;
            }
            case "quadratic" -> {
                g[0] = p[0];
                g[1] = 100f * p[1];
            }
            case "matrix_quadratic" -> {
                for (int i = 0; i < MATRIX_CURVATURE.length; i++) {
                    g[i] = MATRIX_CURVATURE[i] * p[i];
                }
            }
            default -> throw new IllegalArgumentException("no test function '" + function + "'");
        }
        if (negated) {
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
        }
    }
}
