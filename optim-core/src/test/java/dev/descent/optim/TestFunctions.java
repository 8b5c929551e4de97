package dev.descent.optim;

import dev.descent.api.Parameter;

/**
 * The test functions of the optimizer fixtures, with their gradients computed in float exactly as
 * {@code tools/fixtures/generate_optimizer_fixtures.py} computes them: one rounding per operation, left to
 * right, so the same parameters give the same floats as in PyTorch's run.
 */
final class TestFunctions {
    private TestFunctions() {}

    /**
     * Writes the gradient of {@code function} at the parameter's (x, y) into its gradient: {@code rosenbrock}
     * {@code (1 - x)^2 + 100 (y - x^2)^2}, {@code quadratic} {@code (x^2 + 100 y^2) / 2}, or either negated
     * with a leading {@code -}.
     */
    static void gradient(String function, Parameter parameter) {
        float[] p = parameter.value().data();
        float[] g = parameter.gradient().data();
        float x = p[0];
        float y = p[1];
        boolean negated = function.startsWith("-");
        switch (negated ? function.substring(1) : function) {
            case "rosenbrock" -> {
                float t = y - x * x;
                g[0] = -2f * (1f - x) - 400f * x * t;
                g[1] = 200f * t;
            }
            case "quadratic" -> {
                g[0] = x;
                g[1] = 100f * y;
            }
            default -> throw new IllegalArgumentException("no test function '" + function + "'");
        }
        if (negated) {
            g[0] = -g[0];
            g[1] = -g[1];
        }
    }
}
