package dev.descent.optim.schedule;

import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;

/** Provides {@code constant}: {@link ConstantSchedule}, no schedule at all. */
public final class ConstantScheduleProvider implements ScheduleProvider {

    public ConstantScheduleProvider() {}

    @Override
    public String name() {
        return ConstantSchedule.NAME;
    }

    @Override
    public String description() {
        return "the initial learning rate throughout: no schedule (not PyTorch's ConstantLR, which scales it for"
                + " a while)";
    }

    @Override
    public Schedule create(Params params) {
        return new ConstantSchedule();
    }
}
