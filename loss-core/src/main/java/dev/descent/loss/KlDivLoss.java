package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.List;
import java.util.Locale;

/**
 * Kullback-Leibler divergence, PyTorch's {@code KLDivLoss}: for log-probabilities {@code x} (the model)
 * and target probabilities {@code t},
 * <pre>
 *   loss = t log t - t x                 (log_target = false; 0 where t = 0, PyTorch's xlogy)
 *   loss = exp(t) (t - x)                (log_target = true: the targets are log-probabilities too)
 * </pre>
 * per element; summed over the classes of a sample it is {@code KL(target || model)}. The gradient is
 * {@code -t} ({@code -exp(t)} with {@code log_target}), scaled by the reduction.
 *
 * <p>Reductions, as PyTorch's: {@code mean} (its default) divides by the number of elements, which is
 * not the divergence per sample; {@code batchmean} divides the sum by the batch size N (the first axis;
 * a scalar is not divided), which is the mathematical KL divergence averaged over samples and PyTorch's
 * recommendation; {@code sum}; {@code none}. {@link #reduction()} reports {@code batchmean} as
 * {@link Reduction#MEAN}, the nearest of the three; {@link #reductionName()} and {@link #toString()} give it
 * exactly.
 *
 * <p>Shapes: predictions (log-probabilities, e.g. a log-softmax) and targets of one shape, e.g.
 * {@code [N, C]}. Neither is checked to be a distribution, as in PyTorch; a negative target gives NaN
 * ({@code t log t}).
 *
 * <p>Use it for distillation or to fit a distribution; with one-hot targets it equals {@code nll}. NaN in a
 * prediction propagates.
 */
public final class KlDivLoss implements Loss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "kl_div";
    /** The words of this loss's {@code reduction} parameter, PyTorch's. */
    public static final List<String> REDUCTIONS = List.of("mean", "sum", "none", "batchmean");

    /** PyTorch's four reductions of {@code kl_div}. */
    public enum KlReduction {
        MEAN, SUM, NONE, BATCHMEAN;

        /** The spec spelling: {@code batchmean}. */
        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The reduction a spec spelling names. */
        public static KlReduction of(String specName) {
            for (KlReduction reduction : values()) {
                if (reduction.specName().equals(specName)) {
                    return reduction;
                }
            }
            throw new IllegalArgumentException(NAME + ": unknown reduction '" + specName + "'; expected one of "
                    + String.join(", ", REDUCTIONS));
        }
    }

    private final boolean logTarget;
    private final KlReduction reduction;

    /**
     * @param logTarget whether the targets are log-probabilities
     * @param reduction mean, sum, none or batchmean
     */
    public KlDivLoss(boolean logTarget, KlReduction reduction) {
        this.logTarget = logTarget;
        this.reduction = requireNonNull(reduction, "reduction is null");
    }

    /** PyTorch's defaults: probability targets, the mean over elements. */
    public KlDivLoss() {
        this(false, KlReduction.MEAN);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** MEAN for both {@code mean} and {@code batchmean}; see {@link #reductionName()}. */
    @Override
    public Reduction reduction() {
        return switch (reduction) {
            case MEAN, BATCHMEAN -> Reduction.MEAN;
            case SUM -> Reduction.SUM;
            case NONE -> Reduction.NONE;
        };
    }

    /** The reduction as written in specs: {@code mean}, {@code sum}, {@code none} or {@code batchmean}. */
    public String reductionName() {
        return reduction.specName();
    }

    @Override
    public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        check(predictions, targets);
        Shapes.requireGradientShape(NAME, predictions, gradient);
        return run(predictions, targets, gradient == null ? null : gradient.data(), null);
    }

    @Override
    public Tensor unreduced(Tensor predictions, Tensor targets) {
        check(predictions, targets);
        Tensor values = Tensor.zerosLike(predictions);
        run(predictions, targets, null, values.data());
        return values;
    }

    private static void check(Tensor predictions, Tensor targets) {
        requireNonNull(predictions, "predictions is null");
        requireNonNull(targets, "targets is null");
        Shapes.requireSameShape(NAME, predictions, targets);
    }

    /** What the sum is divided by: all elements for mean, the batch for batchmean, nothing otherwise. */
    private static double denominator(KlReduction reduction, Tensor predictions) {
        return switch (reduction) {
            case MEAN -> predictions.size();
            case BATCHMEAN -> predictions.rank() == 0 ? 1 : predictions.dim(0);
            case SUM, NONE -> 1;
        };
    }

    private double run(Tensor predictions, Tensor targets, float[] g, float[] values) {
        float[] x = predictions.data();
        float[] t = targets.data();
        double denominator = denominator(reduction, predictions);
        double scale = 1 / denominator;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double input = x[i];
            double target = t[i];
            double loss;
            double slope;
            if (logTarget) {
                double probability = Math.exp(target);
                loss = probability * (target - input);
                slope = -probability;
            } else {
                // xlogy(t, t): 0 at t = 0 (NaN stays NaN), as PyTorch.
                double entropyTerm = target == 0 ? 0 : target * Math.log(target);
                loss = entropyTerm - target * input;
                slope = -target;
            }
            sum += loss;
            if (values != null) {
                values[i] = (float) loss;
            }
            if (g != null) {
                g[i] = (float) (scale * slope);
            }
        }
        return sum / denominator;
    }

    /** The spec that makes this loss: {@code kl_div(log_target=false, reduction=batchmean)}. */
    @Override
    public String toString() {
        return NAME + "(log_target=" + logTarget + ", reduction=" + reduction.specName() + ")";
    }
}
