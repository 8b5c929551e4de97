package org.acme.descent.guavaold;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.Params;

/**
 * Provides {@code median_abs}: {@link MedianAbsLoss}. Its description ends with the Guava version this
 * plugin runs against, so {@code descent describe guava_old:median_abs} shows which Guava it loaded.
 */
public final class MedianAbsLossProvider implements LossProvider {

    public MedianAbsLossProvider() {}

    @Override
    public String name() {
        return MedianAbsLoss.NAME;
    }

    @Override
    public String description() {
        return "median absolute error, median(|p - t|), robust to outliers; computed with Guava's Quantiles"
                + " (Guava " + GuavaVersion.seen() + ")";
    }

    @Override
    public Loss create(Params params) {
        return new MedianAbsLoss();
    }
}
