package dev.descent.loss;

import java.util.List;

/** Provides {@link L1Loss} as {@code l1}, also known as {@code mae}. */
public final class L1LossProvider extends ReductionLossProvider {
    public L1LossProvider() {
        super(L1Loss.NAME, List.of("mae"), "mean absolute error, mean(|p - t|); sum: sum(|p - t|), none: |p - t|;"
                + " gradient sign(p - t), 0 where p = t",
                "Regression robust to outliers: it estimates the median, and its gradient does not grow with "
                + "the error; its kink at zero makes the last steps of training noisy.",
                L1Loss::new);
    }
}
