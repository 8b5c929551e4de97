package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import java.util.Arrays;

/**
 * Root mean squared error. PyTorch has no such loss; here {@code rmse(reduction=r)} is
 * {@code sqrt(mse(reduction=r))}:
 * <ul>
 *   <li>mean (the default): {@code sqrt(mean((p - t)^2))}, what every library calls RMSE;</li>
 *   <li>sum: {@code sqrt(sum((p - t)^2))}, the Euclidean norm of the error;</li>
 *   <li>none: the element-wise {@code sqrt((p - t)^2) = |p - t|}, which {@link #unreduced} also gives;
 *       {@link #compute(Tensor, Tensor, Tensor) compute} returns their sum, as for every loss.</li>
 * </ul>
 * The reduced forms are not a reduction of {@link #unreduced}: they take the root after reducing.
 *
 * <p>The gradient is the chain rule {@code mse' / (2 sqrt(mse))}. Where the squared error is 0 it is 0,
 * for the reduced forms as for each element of {@code none}; PyTorch's {@code sqrt} would give NaN there,
 * which would poison training that reaches a perfect fit. A NaN prediction makes the value NaN, and the
 * gradient NaN for mean and sum; for none it is l1's, 0 at the NaN as PyTorch's {@code abs}.
 */
public final class RmseLoss implements Loss {
    /** The canonical name, as written in specs. */
    public static final String NAME = "rmse";

    private final Reduction reduction;
    // mse with this reduction: the value under the root and its gradient (unused for none).
    private final MseLoss squaredError;
    // sqrt((p - t)^2) = |p - t| element-wise; its derivative sign(p - t) is 0 at 0, as chosen.
    private final L1Loss absoluteError;

    /** The root of the squared error reduced by {@code reduction}. */
    public RmseLoss(Reduction reduction) {
        this.reduction = requireNonNull(reduction, "reduction is null");
        // Named rmse, so that their shape errors name this loss.
        this.squaredError = new MseLoss(NAME, reduction);
        this.absoluteError = new L1Loss(NAME, Reduction.NONE);
    }

    /** The root of the mean squared error. */
    public RmseLoss() {
        this(Reduction.MEAN);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reduction reduction() {
        return reduction;
    }

    @Override
    public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
        if (reduction == Reduction.NONE) {
            return absoluteError.compute(predictions, targets, gradient);
        }
        double squared = squaredError.compute(predictions, targets, gradient);
        double root = Math.sqrt(squared);
        if (gradient != null) {
            float[] g = gradient.data();
            if (squared == 0) {
                // The chosen gradient at zero error (mse' is 0 there too, but -0 where p = -0 and t = +0).
                Arrays.fill(g, 0f);
            } else {
                double factor = 0.5 / root;
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) (g[i] * factor);
                }
            }
        }
        return root;
    }

    @Override
    public Tensor unreduced(Tensor predictions, Tensor targets) {
        return absoluteError.unreduced(predictions, targets);
    }

    /** The spec that makes this loss: {@code rmse(reduction=sum)}. */
    @Override
    public String toString() {
        return NAME + "(reduction=" + reduction.specName() + ")";
    }
}
