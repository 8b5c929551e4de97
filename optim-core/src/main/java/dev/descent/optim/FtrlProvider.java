package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/**
 * Provides {@code ftrl}: {@link Ftrl}, with Keras's defaults; Keras's {@code learning_rate_power} and
 * {@code *_regularization_strength} are shortened to {@code lr_power}, {@code l1}, {@code l2} and
 * {@code l2_shrinkage}, as Descent's other optimizers name the learning rate {@code lr}.
 */
public final class FtrlProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("lr", Ftrl.DEFAULT_LR, "learning rate; FTRL divides by it").greaterThan(0),
            ParamSpec.real("lr_power", -0.5,
                    "how each element's rate falls with its squared gradients: lr * n^lr_power; 0 keeps it fixed")
                    .atMost(0),
            ParamSpec.real("initial_accumulator_value", 0.1, "the starting sum of squared gradients n").atLeast(0),
            ParamSpec.real("l1", 0.0, "L1 strength: elements whose linear term stays within it are exactly 0")
                    .atLeast(0),
            ParamSpec.real("l2", 0.0, "online L2 strength (the paper's lambda2)").atLeast(0),
            ParamSpec.real("l2_shrinkage", 0.0,
                    "shrinkage-type L2: 2 * l2_shrinkage * parameter is added to the gradient").atLeast(0),
            ParamSpec.real("beta", 0.0, "the paper's beta: adds beta / (2 lr) to the L2 strength").atLeast(0));

    public FtrlProvider() {}

    @Override
    public String name() {
        return Ftrl.NAME;
    }

    @Override
    public String description() {
        return "FTRL-Proximal (McMahan et al. 2013): per-element adaptive rates with L1 and L2 solved in closed"
                + " form, so L1 gives exact zeros; tf.keras.optimizers.Ftrl's rule";
    }

    @Override
    public String whenToUse() {
        return "Sparse linear and recommender models with many features, such as click-through prediction:"
                + " with l1 > 0 it keeps most weights at exactly 0. For deep networks prefer adam or adamw.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        return Ftrl.builder()
                .lr(params.real("lr"))
                .lrPower(params.real("lr_power"))
                .initialAccumulatorValue(params.real("initial_accumulator_value"))
                .l1(params.real("l1"))
                .l2(params.real("l2"))
                .l2Shrinkage(params.real("l2_shrinkage"))
                .beta(params.real("beta"))
                .build();
    }
}
