package dev.descent.optim;

import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** The parameters the providers of the PyTorch-style optimizers share, with one wording and one range each. */
final class SharedParams {
    private SharedParams() {}

    static ParamSpec lr(double defaultValue) {
        return ParamSpec.real("lr", defaultValue, "learning rate").atLeast(0);
    }

    static ParamSpec betas() {
        return ParamSpec.realList("betas", List.of(0.9, 0.999),
                "decay rates of the running averages of the gradient and of its square")
                .length(2).atLeast(0).lessThan(1);
    }

    static ParamSpec eps(double defaultValue) {
        return ParamSpec.real("eps", defaultValue, "added to the denominator for numerical stability").atLeast(0);
    }

    /** Weight decay as an L2 penalty, default 0. */
    static ParamSpec weightDecay() {
        return weightDecay(0.0, "L2 penalty: weight_decay * parameter is added to the gradient");
    }

    static ParamSpec weightDecay(double defaultValue, String doc) {
        return ParamSpec.real("weight_decay", defaultValue, doc).atLeast(0);
    }

    static ParamSpec maximize() {
        return ParamSpec.bool("maximize", false, "maximize the objective instead of minimizing it");
    }

    /** {@code builder} given the {@code lr}, {@code eps} and {@code weight_decay} of {@code params}. */
    static <B extends OptimizerBuilder<B, ?>> B common(B builder, Params params) {
        return builder.lr(params.real("lr")).eps(params.real("eps")).weightDecay(params.real("weight_decay"));
    }
}
