package org.acme.descent.guavanew;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/**
 * Provides {@code percentile_abs}: {@link PercentileAbsLoss}. Its description ends with the Guava version
 * this plugin runs against, so {@code descent describe guava_new:percentile_abs} shows which Guava it loaded.
 */
public final class PercentileAbsLossProvider implements LossProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("percentile", 90, "which percentile of the absolute errors: 50 is the median,"
                    + " 100 the largest").atLeast(0).atMost(100));

    public PercentileAbsLossProvider() {}

    @Override
    public String name() {
        return PercentileAbsLoss.NAME;
    }

    @Override
    public String description() {
        return "a percentile of the absolute error, e.g. the 90th of |p - t|, interpolated; computed with"
                + " Guava's Quantiles (Guava " + GuavaVersion.seen() + ")";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Loss create(Params params) {
        requireNonNull(params, "params is null");
        return new PercentileAbsLoss(params.integer("percentile"));
    }
}
