package org.acme.descent.wing;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Reduction;
import java.util.List;

/** Provides {@code wing}: {@link WingLoss}, with the paper's w = 10 and epsilon = 2 as defaults. */
public final class WingLossProvider implements LossProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("w", 10.0, "width: errors below it get the logarithmic loss, larger ones L1")
                    .greaterThan(0),
            ParamSpec.real("epsilon", 2.0, "curvature of the logarithmic part; smaller is steeper near zero")
                    .greaterThan(0),
            Reduction.PARAM);

    public WingLossProvider() {}

    @Override
    public String name() {
        return WingLoss.NAME;
    }

    @Override
    public String description() {
        return "wing loss (Feng et al. 2018): w ln(1 + |p - t|/epsilon) below w, |p - t| - C above;"
                + " robust landmark regression";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new WingLoss(params.real("w"), params.real("epsilon"),
                Reduction.of(params.string(Reduction.PARAM.name())));
    }
}
