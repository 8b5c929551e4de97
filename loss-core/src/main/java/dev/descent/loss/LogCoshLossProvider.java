package dev.descent.loss;

import java.util.List;

/** Provides {@link LogCoshLoss} as {@code log_cosh}. */
public final class LogCoshLossProvider extends ReductionLossProvider {
    public LogCoshLossProvider() {
        super(LogCoshLoss.NAME, List.of(), "log-cosh loss, log(cosh(p - t)), computed stably: about (p - t)^2 / 2"
                + " near 0 and |p - t| - log 2 far out; gradient tanh(p - t); predictions and targets of one shape",
                "A smooth alternative to huber: mse-like near zero, l1-like far out, and twice differentiable "
                + "everywhere, with no threshold to tune.",
                LogCoshLoss::new);
    }
}
