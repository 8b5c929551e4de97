package dev.descent.nn;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ElementwiseLayer;

/**
 * The Gaussian error linear unit of Hendrycks and Gimpel (2016), {@code y = x Φ(x)} with Φ the standard
 * normal distribution function, element by element, as PyTorch's {@code nn.GELU}:
 * <ul>
 *   <li>{@code approximate=none}: {@code Φ(x) = erfc(-x / √2) / 2}, derivative {@code Φ(x) + x φ(x)};</li>
 *   <li>{@code approximate=tanh}: {@code y = x (1 + tanh(√(2/π) (x + 0.044715 x³))) / 2} and its exact
 *       derivative, as PyTorch's {@code gelu_backward(approximate='tanh')}.</li>
 * </ul>
 * Java has no erf, so {@link #erfc} is computed here, to about 1e-15 absolute and 1e-12 relative error.
 */
public final class Gelu extends ElementwiseLayer {
    /** PyTorch's {@code approximate} choices, default first. */
    public static final String NONE = "none";
    public static final String TANH = "tanh";

    private static final double SQRT_HALF = Math.sqrt(0.5);
    /** 1 / √(2π), the normal density at 0. */
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    /** √(2/π). */
    private static final double TANH_SCALE = Math.sqrt(2 / Math.PI);
    private static final double TANH_CUBIC = 0.044715;
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    /** Below this |z| erf's series, above it erfc's continued fraction converges fast. */
    private static final double SERIES_LIMIT = 2.5;

    private final boolean tanh;

    /** @param approximate {@value #NONE} (exact) or {@value #TANH} */
    public Gelu(String approximate) {
        super("gelu");
        requireNonNull(approximate, "approximate is null");
        if (!approximate.equals(NONE) && !approximate.equals(TANH)) {
            throw new IllegalArgumentException("gelu: approximate must be 'none' or 'tanh', got '" + approximate + "'");
        }
        this.tanh = approximate.equals(TANH);
    }

    @Override
    protected double value(double x) {
        if (tanh) {
            return 0.5 * x * (1 + Math.tanh(TANH_SCALE * (x + TANH_CUBIC * x * x * x)));
        }
        return 0.5 * x * erfc(-x * SQRT_HALF);
    }

    @Override
    protected double derivative(double x, double y) {
        if (tanh) {
            double t = Math.tanh(TANH_SCALE * (x + TANH_CUBIC * x * x * x));
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * TANH_SCALE * (1 + 3 * TANH_CUBIC * x * x);
        }
        return 0.5 * erfc(-x * SQRT_HALF) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /**
     * The complementary error function, {@code 1 - erf(z)}, accurate in relative terms also where it is tiny
     * (large z), which keeps {@code Φ(x)} exact for very negative x. For {@code |z| < 2.5} erf's series
     * {@code erf(z) = 2/√π e^(-z²) Σ (2z²)ⁿ z / (1·3·…·(2n+1))}, whose terms are all of z's sign (no
     * cancellation); above, the continued fraction {@code erfc(z) = e^(-z²)/√π · 1/(z + ½/(z + 1/(z + 3⁄2/(z +
     * …)))} by Lentz's method; {@code erfc(-z) = 2 - erfc(z)}.
     */
    static double erfc(double z) {
        if (Double.isNaN(z)) {
            return z;
        }
        double a = Math.abs(z);
        if (a < SERIES_LIMIT) {
            double square = z * z;
            double term = z;
            double sum = z;
            for (int n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
                term *= 2 * square / (2 * n + 1);
                sum += term;
            }
            return 1 - TWO_OVER_SQRT_PI * Math.exp(-square) * sum;
        }
        double tail = a > 27 ? 0 : Math.exp(-a * a) / Math.sqrt(Math.PI) * continuedFraction(a);
        return z > 0 ? tail : 2 - tail;
    }

    /** {@code 1/(a + ½/(a + 1/(a + 3⁄2/(a + …))))}, the n-th partial numerator being n/2; modified Lentz. */
    private static double continuedFraction(double a) {
        double tiny = 1e-300;
        double f = a;
        double c = a;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double numerator = n / 2.0;
            d = a + numerator * d;
            d = d == 0 ? tiny : d;
            c = a + numerator / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1 / f;
    }

    /** {@code gelu(approximate=none)} or {@code gelu(approximate=tanh)}. */
    @Override
    public String toString() {
        return name() + "(approximate=" + (tanh ? TANH : NONE) + ")";
    }
}
