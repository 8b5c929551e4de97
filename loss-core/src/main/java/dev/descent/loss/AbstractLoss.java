package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.Reduction;

/** The name and reduction every built-in base of losses holds, checked once. */
abstract sealed class AbstractLoss implements Loss permits ClassAxisLoss, KernelLoss, KerasHingeLoss, PerSampleLoss {
    private final String name;
    private final Reduction reduction;

    AbstractLoss(String name, Reduction reduction) {
        this.name = requireNonNull(name, "name is null");
        this.reduction = requireNonNull(reduction, "reduction is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Reduction reduction() {
        return reduction;
    }
}
