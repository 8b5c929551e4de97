package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code adam}: {@link Adam}, with PyTorch's parameter names, defaults and valid ranges. */
public final class AdamProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = params(0.0,
            "L2 penalty: weight_decay * parameter is added to the gradient (for decoupled decay use adamw)");

    public AdamProvider() {}

    /** The parameters of adam and adamw, which differ only in weight decay's default and meaning. */
    static List<ParamSpec> params(double weightDecayDefault, String weightDecayDoc) {
        return List.of(
                SharedParams.lr(Adam.DEFAULT_LR),
                SharedParams.betas(),
                SharedParams.eps(1e-8),
                SharedParams.weightDecay(weightDecayDefault, weightDecayDoc),
                ParamSpec.bool("amsgrad", false,
                        "divide by the largest second moment seen so far (AMSGrad, Reddi et al. 2018)"),
                SharedParams.maximize());
    }

    /** {@code builder} with the settings of {@code params}, built. */
    static Optimizer create(Adam.Builder builder, Params params) {
        requireNonNull(params, "params is null");
        double[] betas = params.reals("betas");
        return SharedParams.common(builder, params)
                .betas(betas[0], betas[1])
                .amsgrad(params.bool("amsgrad"))
                .maximize(params.bool("maximize"))
                .build();
    }

    @Override
    public String name() {
        return Adam.ADAM;
    }

    @Override
    public String description() {
        return "Adam (Kingma and Ba 2015): steps scaled per element by running averages of the gradient and"
                + " its square, with bias correction (torch.optim.Adam)";
    }

    @Override
    public String whenToUse() {
        return "A robust default for deep networks: it needs little tuning of the learning rate. With weight"
                + " decay prefer adamw, whose decay does not pass through the adaptive scaling.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        return create(Adam.builder(), params);
    }
}
