package dev.descent.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.ScheduleProvider;
import dev.descent.optim.BuiltIns;
import dev.descent.testkit.CheckResult;
import dev.descent.testkit.ContractChecks;
import dev.descent.testkit.ScheduleCheckConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The testkit's schedule contract (well-described, parameters validated, rates finite and non-negative and
 * deterministic over t = 0..50) for every built-in schedule, with specs covering their options.
 */
class BuiltInScheduleContractTest {
    private static final Map<String, List<String>> SPECS = Map.ofEntries(
            Map.entry("constant", List.of("constant", "constant(interval=step)")),
            Map.entry("step_lr", List.of("step_lr(step_size=3)")),
            Map.entry("cosine_annealing", List.of("cosine_annealing(t_max=10, eta_min=0.01)")),
            Map.entry("multi_step_lr", List.of("multi_step_lr(milestones=[5, 20], gamma=0.5)")),
            Map.entry("exponential", List.of("exponential(gamma=0.9)")),
            Map.entry("cosine_warm_restarts", List.of("cosine_warm_restarts(t_0=5, t_mult=2)")),
            Map.entry("linear_warmup", List.of("linear_warmup(warmup_steps=5)")),
            Map.entry("polynomial", List.of("polynomial", "polynomial(total_iters=60, power=2)")),
            Map.entry("one_cycle", List.of("one_cycle(max_lr=0.1, total_steps=50)",
                    "one_cycle(max_lr=0.1, total_steps=60, three_phase=true, anneal_strategy=linear)")),
            Map.entry("reduce_on_plateau", List.of("reduce_on_plateau", "reduce_on_plateau(mode=max, patience=2)")),
            Map.entry("sequential", List.of("sequential(schedules=[linear_warmup(warmup_steps=5),"
                    + " cosine_annealing(t_max=20)], milestones=[5])")));

    static Stream<ScheduleProvider> providers() {
        return BuiltIns.scheduleProviders().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void keepsTheScheduleContract(ScheduleProvider provider) {
        ScheduleCheckConfig config = new ScheduleCheckConfig(SPECS.get(provider.name()), BuiltIns.RESOLVER);

        List<CheckResult> results = ContractChecks.checkSchedule(provider, config);

        assertThat(results).isNotEmpty();
        assertThat(results).filteredOn(result -> !result.passed()).as(provider.name()).isEmpty();
    }

    @Test
    void everyBuiltInScheduleHasSpecsHere() {
        assertThat(SPECS.keySet()).containsExactlyInAnyOrderElementsOf(providers().map(ScheduleProvider::name).toList());
    }
}
