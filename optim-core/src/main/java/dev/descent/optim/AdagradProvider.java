package dev.descent.optim;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code adagrad}: {@link Adagrad}, with PyTorch's parameter names, defaults and valid ranges. */
public final class AdagradProvider implements OptimizerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            SharedParams.lr(Adagrad.DEFAULT_LR),
            ParamSpec.real("lr_decay", 0.0, "step k uses the learning rate lr / (1 + (k - 1) * lr_decay)")
                    .atLeast(0),
            SharedParams.weightDecay(),
            ParamSpec.real("initial_accumulator_value", 0.0,
                    "the value each element's sum of squared gradients starts at").atLeast(0),
            SharedParams.eps(1e-10),
            SharedParams.maximize());

    public AdagradProvider() {}

    @Override
    public String name() {
        return Adagrad.NAME;
    }

    @Override
    public String description() {
        return "Adagrad (Duchi et al. 2011): steps divided per element by the root of the sum of all its squared"
                + " gradients so far (torch.optim.Adagrad)";
    }

    @Override
    public String whenToUse() {
        return "Sparse features, such as embeddings or linear models on bag-of-words: rare features keep large"
                + " steps while frequent ones slow down. The effective learning rate only shrinks, so long"
                + " training stalls; prefer rmsprop or adam there.";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Optimizer create(Params params) {
        requireNonNull(params, "params is null");
        return SharedParams.common(Adagrad.builder(), params)
                .lrDecay(params.real("lr_decay"))
                .initialAccumulatorValue(params.real("initial_accumulator_value"))
                .maximize(params.bool("maximize"))
                .build();
    }
}
