package org.acme.descent.wing;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * The wing loss of Feng et al., "Wing Loss for Robust Facial Landmark Localisation with Convolutional
 * Neural Networks" (CVPR 2018). Per element, with {@code x = p - t}:
 *
 * <pre>
 * wing(x) = w ln(1 + |x| / epsilon)   if |x| &lt; w
 *         = |x| - C                   otherwise,   C = w - w ln(1 + w / epsilon)
 * </pre>
 *
 * <p>C joins the two pieces continuously at {@code |x| = w}. Small and medium errors get a logarithmic
 * loss whose gradient {@code w / (epsilon + |x|)} grows as the error shrinks, so they keep pulling; large
 * ones an L1 loss with gradient ±1, robust to outliers. The derivative is {@code sign(x) w / (epsilon + |x|)}
 * below w and {@code sign(x)} from w on (the function has a kink at {@code |x| = w}, where the formula's
 * second branch, and so ±1, applies); it is 0 at {@code x = 0}, as PyTorch's {@code sign}.
 *
 * <p>Reduced as the built-ins do: {@link Reduction#MEAN} is {@code sum / n} (NaN for an empty tensor),
 * {@link Reduction#SUM} the sum, and {@link Reduction#NONE} also the sum with its gradient, the values
 * themselves coming from {@link #unreduced}. The paper sums over the landmark coordinates; use
 * {@code reduction=sum} for that. A plugin sees the API alone, so this class carries its own loop.
 */
public final class WingLoss implements Loss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "wing";

    private final double width;
    private final double epsilon;
    private final double offset;
    private final Reduction reduction;

    /**
     * @param width w, where the logarithmic part ends; {@code > 0}
     * @param epsilon the curvature of the logarithmic part; {@code > 0}
     * @throws IllegalArgumentException for a width or epsilon that is not a positive finite number
     */
    public WingLoss(double width, double epsilon, Reduction reduction) {
        this.width = positive("w", width);
        this.epsilon = positive("epsilon", epsilon);
        this.reduction = requireNonNull(reduction, "reduction is null");
        this.offset = width - width * Math.log1p(width / epsilon);
    }

    private static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(NAME + ": " + name + " must be a finite number > 0, got '" + value + "'");
        }
        return value;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reduction reduction() {
        return reduction;
    }

    /** w, the error up to which the loss is logarithmic. */
    public double width() {
        return width;
    }

    public double epsilon() {
        return epsilon;
    }

    /** The loss of one error {@code x = p - t}. */
    double value(double x) {
        double abs = Math.abs(x);
        return abs < width ? width * Math.log1p(abs / epsilon) : abs - offset;
    }

    /** d wing(x) / dx. */
    double derivative(double x) {
        double abs = Math.abs(x);
        // Math.signum(0) is 0, so zero error gives zero gradient; NaN stays NaN.
        return abs < width ? Math.signum(x) * width / (epsilon + abs) : Math.signum(x);
    }

    @Override
    public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        check(predictions, targets);
        Shapes.requireGradientShape(NAME, predictions, gradient);
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] g = gradient == null ? null : gradient.data();
        int n = p.length;
        // Only the mean scales; none is the sum, as PyTorch's backward with a gradient of ones.
        double scale = reduction == Reduction.MEAN ? 1.0 / n : 1.0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = (double) p[i] - t[i];
            sum += value(x);
            if (g != null) {
                g[i] = (float) (scale * derivative(x));
            }
        }
        return reduction == Reduction.MEAN ? sum / n : sum;
    }

    @Override
    public Tensor unreduced(Tensor predictions, Tensor targets) {
        check(predictions, targets);
        Tensor values = Tensor.zerosLike(predictions);
        float[] p = predictions.data();
        float[] t = targets.data();
        float[] v = values.data();
        for (int i = 0; i < p.length; i++) {
            v[i] = (float) value((double) p[i] - t[i]);
        }
        return values;
    }

    private static void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        Shapes.requireSameShape(NAME, predictions, targets);
    }

    /** The spec that makes this loss: {@code wing(w=10, epsilon=2, reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(w=" + width + ", epsilon=" + epsilon + ", reduction=" + reduction.specName() + ")";
    }
}
