package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/**
 * Provides {@code adafactor}: {@link Adafactor}, with the parameters and defaults of PyTorch 2.5's
 * {@code torch.optim.Adafactor}; its {@code eps=(None, 1e-3)} is written {@code eps=[1.1920928955078125E-7,
 * 0.001]}, None being float's machine epsilon.
 */
public final class AdafactorProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("lr", Adafactor.DEFAULT_LR,
                    "the cap on the relative step size min(lr, 1 / sqrt(t)), and the weight decay's scale").atLeast(0),
            ParamSpec.real("beta2_decay", -0.8,
                    "the second moment's decay rate is 1 - t^beta2_decay, approaching 1 as the step t grows")
                    .atMost(0),
            ParamSpec.realList("eps", List.of(Adafactor.FLOAT_EPSILON, 1e-3),
                    "eps1, the floor of the second moment's estimate (squared) and of its row mean; eps2, the floor"
                            + " of the parameter's RMS in the step size").length(2).atLeast(0),
            ParamSpec.real("d", 1.0, "clipping threshold: the update is scaled down where its RMS exceeds d")
                    .atLeast(1),
            ParamSpec.real("weight_decay", 0.0,
                    "decoupled weight decay: each step multiplies the parameter by 1 - lr * weight_decay").atLeast(0),
            ParamSpec.bool("maximize", false, "maximize the objective instead of minimizing it"));

    public AdafactorProvider() {}

    @Override
    public String name() {
        return Adafactor.NAME;
    }

    @Override
    public String description() {
        return "Adafactor (Shazeer and Stern 2018): relative steps scaled by a second moment kept as row and"
                + " column means for matrices, with update clipping; torch.optim.Adafactor's rule (PyTorch 2.5)";
    }

    @Override
    public String whenToUse() {
        return "Large models where Adam's two state tensors per weight do not fit in memory, such as"
                + " transformers: for an m x n matrix it keeps m + n numbers. Its steps are relative to each"
                + " parameter's size, so it needs no tuned learning rate; parameters starting at 0 move slowly.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        double[] eps = params.reals("eps");
        return Adafactor.builder()
                .lr(params.real("lr"))
                .beta2Decay(params.real("beta2_decay"))
                .eps(eps[0], eps[1])
                .d(params.real("d"))
                .weightDecay(params.real("weight_decay"))
                .maximize(params.bool("maximize"))
                .build();
    }
}
