package dev.descent.optim;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code adamw}: {@link Adam} with decoupled weight decay, as PyTorch's {@code torch.optim.AdamW}. */
public final class AdamWProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = AdamProvider.params(Adam.ADAMW_DEFAULT_WEIGHT_DECAY,
            "decoupled weight decay: each step multiplies the parameter by 1 - lr * weight_decay");

    public AdamWProvider() {}

    @Override
    public String name() {
        return Adam.ADAMW;
    }

    @Override
    public String description() {
        return "AdamW (Loshchilov and Hutter 2019): Adam with weight decay applied to the parameters directly,"
                + " not through the gradient (torch.optim.AdamW)";
    }

    @Override
    public String whenToUse() {
        return "Adam with regularisation, the usual choice for transformers and large networks: the decay"
                + " shrinks every weight at the same rate, whatever its gradient history.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        return AdamProvider.create(Adam.adamwBuilder(), params);
    }
}
