package dev.descent.testkit;

import dev.descent.api.ScheduleProvider;
import dev.descent.testkit.fixture.ExponentialDecayProvider;
import java.util.List;

class CorrectScheduleContractTest extends ScheduleContract {

    @Override
    protected ScheduleProvider provider() {
        return new ExponentialDecayProvider();
    }

    @Override
    protected List<String> specs() {
        return List.of("exponential_decay", "exponential_decay(gamma=1)");
    }
}
