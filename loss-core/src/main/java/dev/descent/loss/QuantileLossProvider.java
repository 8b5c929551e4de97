package dev.descent.loss;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@link QuantileLoss} as {@code quantile}, also known as {@code pinball}. */
public final class QuantileLossProvider implements LossProvider {
    static final ParamSpec Q = ParamSpec.real("q", 0.5,
            "the quantile to estimate: an under-prediction costs q per unit, an over-prediction 1 - q")
            .greaterThan(0).lessThan(1);

    @Override
    public String name() {
        return QuantileLoss.NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("pinball");
    }

    @Override
    public String description() {
        return "quantile (pinball) loss, max(q (t - p), (q - 1)(t - p)); its minimiser is the q-quantile of the"
                + " targets; predictions and targets of one shape";
    }

    @Override
    public String whenToUse() {
        return "Prediction intervals and asymmetric costs: q = 0.5 fits the median, q = 0.9 the 90th "
                + "percentile.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(Q, Reduction.PARAM);
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new QuantileLoss(params.real(Q.name()), Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
