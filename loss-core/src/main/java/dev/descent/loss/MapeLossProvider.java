package dev.descent.loss;

import java.util.List;

/** Provides {@link MapeLoss} as {@code mape}. */
public final class MapeLossProvider extends ReductionLossProvider {
    public MapeLossProvider() {
        super(MapeLoss.NAME, List.of(), "mean absolute percentage error (Keras), 100 mean(|t - p| / max(|t|, eps)),"
                + " eps = 1e-7; predictions and targets of one shape",
                "To report error as a percentage of the target; as a training loss it favours "
                + "under-prediction and explodes for targets near zero.",
                MapeLoss::new);
    }
}
