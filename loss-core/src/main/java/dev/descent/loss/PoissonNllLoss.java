package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.ElementwiseLoss;
import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;

/**
 * The negative log-likelihood of a Poisson distribution, PyTorch's {@code PoissonNLLLoss}: per element, for
 * a predicted rate and an observed count {@code t >= 0},
 * <pre>
 *   log_input = true  (default):  loss = exp(p) - t p              (p is the log of the rate)
 *   log_input = false:            loss = p - t log(p + eps)        (p is the rate itself)
 *   full = true adds Stirling's approximation of log(t!) where t &gt; 1:  t log t - t + 0.5 log(2π t)
 * </pre>
 * reduced by {@code reduction}. Parameters {@code log_input} (default true), {@code full} (default false;
 * the term does not depend on the prediction, so it changes the value and not the gradient) and
 * {@code eps} (default 1e-8, keeps {@code log(p)} finite at a rate of 0). Predictions and targets have the
 * same shape. Use it for count data: events per interval, clicks, photon counts; prefer the default log
 * input, which keeps the rate positive without a constraint.
 *
 * <p>Gradient {@code exp(p) - t} with log input, {@code 1 - t / (p + eps)} without. A negative target is
 * refused, naming its index and value (a count cannot be negative; PyTorch does not check). As PyTorch,
 * a large log input overflows ({@code exp(1e4)} is infinite) and a negative rate with
 * {@code log_input = false} gives NaN; a NaN prediction gives a NaN value and gradient.
 */
public final class PoissonNllLoss implements Loss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "poisson_nll";

    private final boolean logInput;
    private final boolean full;
    private final double eps;
    private final ElementwiseLoss elements;

    /**
     * @param logInput whether predictions are log-rates (true) or rates
     * @param full whether to add Stirling's approximation of {@code log(t!)}
     * @param eps added to a rate before its logarithm when {@code logInput} is false, at least 0
     * @throws IllegalArgumentException if {@code eps} is negative or NaN
     */
    public PoissonNllLoss(boolean logInput, boolean full, double eps, Reduction reduction) {
        requireNonNull(reduction, "reduction is null");
        if (!(eps >= 0)) {
            throw new IllegalArgumentException(NAME + ": eps is '" + eps + "'; it must be at least 0");
        }
        this.logInput = logInput;
        this.full = full;
        this.eps = eps;
        this.elements = new Elements(logInput, full, eps, reduction);
    }

    /** PyTorch's defaults: log input, no Stirling term, eps 1e-8, the mean. */
    public PoissonNllLoss() {
        this(true, false, 1e-8, Reduction.MEAN);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reduction reduction() {
        return elements.reduction();
    }

    @Override
    public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        check(predictions, targets);
        return elements.compute(predictions, targets, gradient);
    }

    @Override
    public Tensor unreduced(Tensor predictions, Tensor targets) {
        check(predictions, targets);
        return elements.unreduced(predictions, targets);
    }

    private static void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        // The shape first: a target error would otherwise hide a layout mistake.
        Shapes.requireSameShape(NAME, predictions, targets);
        float[] t = targets.data();
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0) {
                throw InputChecks.negative(NAME, "target", i, targets.shape(), t[i],
                        "targets are counts and must be non-negative");
            }
        }
    }

    private static final class Elements extends ElementwiseLoss {
        private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

        private final boolean logInput;
        private final boolean full;
        private final double eps;

        Elements(boolean logInput, boolean full, double eps, Reduction reduction) {
            super(NAME, reduction);
            this.logInput = logInput;
            this.full = full;
            this.eps = eps;
        }

        @Override
        protected double value(double prediction, double target) {
            double loss = logInput
                    ? Math.exp(prediction) - target * prediction
                    : prediction - target * Math.log(prediction + eps);
            // PyTorch masks the term where t <= 1, where it would be 0 · log 0 = NaN at t = 0.
            if (full && target > 1) {
                loss += target * Math.log(target) - target + 0.5 * Math.log(target) + HALF_LOG_TWO_PI;
            }
            return loss;
        }

        @Override
        protected double derivative(double prediction, double target) {
            return logInput ? Math.exp(prediction) - target : 1 - target / (prediction + eps);
        }
    }

    /** The spec that makes this loss: {@code poisson_nll(log_input=true, full=false, eps=1.0E-8, reduction=mean)}. */
    @Override
    public String toString() {
        return NAME + "(log_input=" + logInput + ", full=" + full + ", eps=" + eps + ", reduction="
                + elements.reduction().specName() + ")";
    }
}
