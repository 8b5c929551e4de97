package dev.descent.api;

/**
 * A dual number {@code value + derivative·ε} (ε² = 0): forward-mode automatic differentiation for one
 * variable. Write an element-wise loss once, as a formula in {@code Dual}s, and get its value and exact
 * derivative together (see {@link ElementwiseLoss#of}):
 *
 * <pre>{@code
 * // log(cosh(p - t)), written stably: |x| + log1p(exp(-2|x|)) - log 2
 * ElementwiseLoss.of("log_cosh", Reduction.MEAN, (p, t) -> {
 *     Dual x = p.minus(t).abs();
 *     return x.plus(x.times(-2).exp().log1p()).minus(Math.log(2));
 * });
 * }</pre>
 *
 * Each operation applies the chain rule: for {@code f(u)}, the derivative is {@code f'(u)·u'}. Where a
 * function has a kink ({@code abs} at 0, {@code max} at a tie) the derivative follows PyTorch's choice,
 * stated on each method. Instances are immutable.
 *
 * @param value the value
 * @param derivative its derivative with respect to the variable
 */
public record Dual(double value, double derivative) {

    /** The variable itself: derivative 1. */
    public static Dual variable(double value) {
        return new Dual(value, 1);
    }

    /** A constant: derivative 0. */
    public static Dual constant(double value) {
        return new Dual(value, 0);
    }

    public Dual plus(Dual other) {
        return new Dual(value + other.value, derivative + other.derivative);
    }

    public Dual plus(double constant) {
        return new Dual(value + constant, derivative);
    }

    public Dual minus(Dual other) {
        return new Dual(value - other.value, derivative - other.derivative);
    }

    public Dual minus(double constant) {
        return new Dual(value - constant, derivative);
    }

    public Dual negate() {
        return new Dual(-value, -derivative);
    }

    public Dual times(Dual other) {
        return new Dual(value * other.value, derivative * other.value + value * other.derivative);
    }

    public Dual times(double constant) {
        return new Dual(value * constant, derivative * constant);
    }

    public Dual div(Dual other) {
        return new Dual(value / other.value,
                (derivative * other.value - value * other.derivative) / (other.value * other.value));
    }

    public Dual div(double constant) {
        return new Dual(value / constant, derivative / constant);
    }

    public Dual square() {
        return new Dual(value * value, 2 * value * derivative);
    }

    /** {@code this^exponent} for a constant exponent. */
    public Dual pow(double exponent) {
        return new Dual(Math.pow(value, exponent), exponent * Math.pow(value, exponent - 1) * derivative);
    }

    public Dual sqrt() {
        double root = Math.sqrt(value);
        return new Dual(root, derivative / (2 * root));
    }

    public Dual exp() {
        double e = Math.exp(value);
        return new Dual(e, e * derivative);
    }

    /** {@code exp(this) - 1}, accurate near 0. */
    public Dual expm1() {
        return new Dual(Math.expm1(value), Math.exp(value) * derivative);
    }

    public Dual log() {
        return new Dual(Math.log(value), derivative / value);
    }

    /** {@code log(1 + this)}, accurate near 0. */
    public Dual log1p() {
        return new Dual(Math.log1p(value), derivative / (1 + value));
    }

    /** {@code |this|}; the derivative at 0 is 0, as PyTorch's {@code sign(0) = 0}. */
    public Dual abs() {
        return new Dual(Math.abs(value), Math.signum(value) * derivative);
    }

    /** The larger of the two; at a tie the derivative is the mean of both, as PyTorch's {@code maximum}. */
    public Dual max(Dual other) {
        if (value > other.value) {
            return this;
        }
        if (value < other.value) {
            return other;
        }
        return new Dual(value, (derivative + other.derivative) / 2);
    }

    /** {@code max(this, constant)}; at a tie the derivative is halved, as PyTorch's {@code maximum}. */
    public Dual max(double constant) {
        return max(constant(constant));
    }

    /** The smaller of the two; at a tie the derivative is the mean of both, as PyTorch's {@code minimum}. */
    public Dual min(Dual other) {
        return negate().max(other.negate()).negate();
    }

    /** {@code min(this, constant)}; at a tie the derivative is halved, as PyTorch's {@code minimum}. */
    public Dual min(double constant) {
        return min(constant(constant));
    }

    /** {@code 1 / (1 + exp(-this))}, without overflow for large |this|. */
    public Dual sigmoid() {
        double s = value >= 0 ? 1 / (1 + Math.exp(-value)) : Math.exp(value) / (1 + Math.exp(value));
        return new Dual(s, s * (1 - s) * derivative);
    }

    /** {@code log(1 + exp(this))}, without overflow for large |this|. */
    public Dual softplus() {
        double v = Math.max(value, 0) + Math.log1p(Math.exp(-Math.abs(value)));
        double s = value >= 0 ? 1 / (1 + Math.exp(-value)) : Math.exp(value) / (1 + Math.exp(value));
        return new Dual(v, s * derivative);
    }

    public Dual tanh() {
        double t = Math.tanh(value);
        return new Dual(t, (1 - t * t) * derivative);
    }

    public Dual cosh() {
        return new Dual(Math.cosh(value), Math.sinh(value) * derivative);
    }
}
