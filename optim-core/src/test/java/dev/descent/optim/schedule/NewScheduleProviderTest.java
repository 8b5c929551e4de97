package dev.descent.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.ParamSpec;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import dev.descent.api.State;
import dev.descent.api.UnknownNameException;
import dev.descent.optim.BuiltIns;
import dev.descent.optim.schedule.OneCycleSchedule.Anneal;
import dev.descent.optim.schedule.ReduceOnPlateauSchedule.Mode;
import dev.descent.optim.schedule.ReduceOnPlateauSchedule.ThresholdMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The providers of the schedules after {@code torch.optim.lr_scheduler}: their defaults are PyTorch's (typed
 * here from the signatures in torch 1.13's {@code lr_scheduler.py}), and invalid options are refused naming
 * the schedule and the parameter.
 */
class NewScheduleProviderTest {

    private static ScheduleProvider provider(String name) {
        return BuiltIns.scheduleProviders().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Each parameter's default as a spec writes it, in declaration order. */
    private static Map<String, String> defaults(String name) {
        return provider(name).params().stream().collect(Collectors.toMap(ParamSpec::name, ParamSpec::defaultText,
                (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void everyBuiltInScheduleIsFoundByServiceLoader() {
        assertThat(BuiltIns.scheduleProviders()).extracting(ScheduleProvider::name).containsExactlyInAnyOrder(
                "constant", "step_lr", "cosine_annealing", "multi_step_lr", "exponential", "cosine_warm_restarts",
                "linear_warmup", "polynomial", "one_cycle", "reduce_on_plateau", "sequential");
    }

    @Test
    void everyBuiltInScheduleTakesAnIntervalByEpochButOneCycleByStep() {
        for (ScheduleProvider provider : BuiltIns.scheduleProviders()) {
            ParamSpec interval = provider.params().stream().filter(p -> p.name().equals("interval")).findFirst()
                    .orElseThrow(() -> new AssertionError(provider.name() + " has no interval"));
            assertThat(interval.choices()).as(provider.name()).containsExactly("epoch", "step");
            assertThat(interval.defaultValue()).as(provider.name())
                    .isEqualTo(provider.name().equals("one_cycle") ? "step" : "epoch");
        }
    }

    @Test
    void intervalIsWhatTheSpecSays() {
        assertThat(BuiltIns.schedule("step_lr(step_size=3, interval=step)").interval())
                .isEqualTo(Schedule.Interval.STEP);
        assertThat(BuiltIns.schedule("one_cycle(max_lr=0.1, total_steps=10, interval=epoch)").interval())
                .isEqualTo(Schedule.Interval.EPOCH);
    }

    @Test
    void anIntervalThatIsNeitherEpochNorStepIsRefused() {
        assertThatThrownBy(() -> BuiltIns.schedule("exponential(gamma=0.9, interval=batch)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'interval' of schedule 'exponential' must be one of epoch, step, got 'batch'");
    }

    @Test
    void defaultsArePyTorchs() {
        // MultiStepLR(milestones, gamma=0.1); ExponentialLR(gamma); CosineAnnealingWarmRestarts(T_0, T_mult=1,
        // eta_min=0); LinearLR(start_factor=1/3, end_factor=1.0, total_iters=5), whose total_iters is required
        // here; PolynomialLR(total_iters=5, power=1.0).
        assertThat(defaults("multi_step_lr")).containsExactly(Map.entry("milestones", "required"),
                Map.entry("gamma", "0.1"), Map.entry("interval", "epoch"));
        assertThat(defaults("exponential")).containsExactly(Map.entry("gamma", "required"),
                Map.entry("interval", "epoch"));
        assertThat(defaults("cosine_warm_restarts")).containsExactly(Map.entry("t_0", "required"),
                Map.entry("t_mult", "1"), Map.entry("eta_min", "0"), Map.entry("interval", "epoch"));
        assertThat(defaults("linear_warmup")).containsExactly(Map.entry("warmup_steps", "required"),
                Map.entry("start_factor", "0.3333333333333333"), Map.entry("interval", "epoch"));
        assertThat(defaults("polynomial")).containsExactly(Map.entry("total_iters", "5"), Map.entry("power", "1"),
                Map.entry("interval", "epoch"));
        assertThat(defaults("sequential")).containsExactly(Map.entry("schedules", "required"),
                Map.entry("milestones", "required"), Map.entry("interval", "epoch"));
    }

    @Test
    void oneCycleDefaultsArePyTorchs() {
        // OneCycleLR(max_lr, total_steps, pct_start=0.3, anneal_strategy='cos', div_factor=25.,
        // final_div_factor=1e4, three_phase=False)
        assertThat(BuiltIns.schedule("one_cycle(max_lr=0.5, total_steps=100)"))
                .isEqualTo(new OneCycleSchedule(0.5, 100, 0.3, Anneal.COS, 25, 1e4, false, Schedule.Interval.STEP));
    }

    @Test
    void reduceOnPlateauDefaultsArePyTorchs() {
        // ReduceLROnPlateau(mode='min', factor=0.1, patience=10, threshold=1e-4, threshold_mode='rel',
        // cooldown=0, min_lr=0, eps=1e-8)
        assertThat(defaults("reduce_on_plateau")).containsExactly(Map.entry("mode", "min"),
                Map.entry("factor", "0.1"), Map.entry("patience", "10"), Map.entry("threshold", "1.0E-4"),
                Map.entry("threshold_mode", "rel"), Map.entry("cooldown", "0"), Map.entry("min_lr", "0"),
                Map.entry("eps", "1.0E-8"), Map.entry("interval", "epoch"));
        assertThat(BuiltIns.schedule("reduce_on_plateau")).hasToString("reduce_on_plateau(mode=min,"
                + " factor=0.1, patience=10, threshold=1.0E-4, threshold_mode=rel, cooldown=0, min_lr=0, eps=1.0E-8,"
                + " interval=epoch)");
        assertThat(new ReduceOnPlateauSchedule(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0, 1e-8,
                Schedule.Interval.EPOCH)).hasToString(BuiltIns.schedule("reduce_on_plateau").toString());
    }

    @Test
    void multiStepLrRefusesMilestonesOutOfOrder() {
        assertThatThrownBy(() -> BuiltIns.schedule("multi_step_lr(milestones=[30, 10])"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multi_step_lr: milestones must be increasing, got [30, 10]");
        assertThatThrownBy(() -> BuiltIns.schedule("multi_step_lr(milestones=[10, 10])"))
                .hasMessage("multi_step_lr: milestones must be increasing, got [10, 10]");
    }

    @Test
    void multiStepLrRefusesANegativeMilestone() {
        assertThatThrownBy(() -> BuiltIns.schedule("multi_step_lr(milestones=[-1, 10])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'milestones' of schedule 'multi_step_lr' must hold integers >= 0, got -1 in"
                        + " [-1, 10]");
    }

    @Test
    void exponentialRequiresGamma() {
        assertThatThrownBy(() -> BuiltIns.schedule("exponential"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'gamma' of schedule 'exponential' is required (number >= 0)");
    }

    @Test
    void cosineWarmRestartsRefusesAFractionalTMult() {
        assertThatThrownBy(() -> BuiltIns.schedule("cosine_warm_restarts(t_0=10, t_mult=1.5)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 't_mult' of schedule 'cosine_warm_restarts' must be an integer, got 1.5");
    }

    @Test
    void linearWarmupRefusesAStartFactorOfZeroOnWhichPyTorchDividesByZero() {
        assertThatThrownBy(() -> BuiltIns.schedule("linear_warmup(warmup_steps=5, start_factor=0)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'start_factor' of schedule 'linear_warmup' must be in (0, 1], got 0");
        assertThatThrownBy(() -> new LinearWarmupSchedule(5, 1.5, Schedule.Interval.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear_warmup: start_factor must be in (0, 1], got '1.5'");
    }

    @Test
    void polynomialRefusesZeroTotalIters() {
        assertThatThrownBy(() -> new PolynomialSchedule(0, 1, Schedule.Interval.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("polynomial: total_iters must be an integer >= 1, got '0'");
    }

    @Test
    void oneCycleRequiresMaxLrAndTotalSteps() {
        assertThatThrownBy(() -> BuiltIns.schedule("one_cycle(total_steps=100)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'max_lr' of schedule 'one_cycle' is required (number > 0)");
        assertThatThrownBy(() -> BuiltIns.schedule("one_cycle(max_lr=0.1)"))
                .hasMessage("parameter 'total_steps' of schedule 'one_cycle' is required (integer >= 1)");
    }

    @Test
    void oneCycleRefusesAPhaseOfNoSteps() {
        // pct_start * total_steps - 1 = 0: PyTorch's first step computes 0 / 0.
        assertThatThrownBy(() -> BuiltIns.schedule("one_cycle(max_lr=0.1, total_steps=100, pct_start=0.01)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one_cycle: pct_start=0.01 with total_steps=100 leaves a phase of no steps (PyTorch"
                        + " divides by zero there); change pct_start or total_steps");
    }

    @Test
    void oneCycleRefusesAnUnknownAnnealStrategyAndAPctStartAboveOne() {
        assertThatThrownBy(() -> BuiltIns.schedule("one_cycle(max_lr=0.1, total_steps=10, anneal_strategy=exp)"))
                .hasMessage("parameter 'anneal_strategy' of schedule 'one_cycle' must be one of cos, linear, got"
                        + " 'exp'");
        assertThatThrownBy(() -> BuiltIns.schedule("one_cycle(max_lr=0.1, total_steps=10, pct_start=1.5)"))
                .hasMessage("parameter 'pct_start' of schedule 'one_cycle' must be in [0, 1], got 1.5");
    }

    @Test
    void oneCycleRefusesStepsPastTotalStepsAsPyTorchDoes() {
        Schedule schedule = BuiltIns.schedule("one_cycle(max_lr=0.1, total_steps=10)");

        // PyTorch computes step total_steps (the step() after the last batch) and refuses the one after.
        assertThat(schedule.learningRate(10, 0.1)).isFinite();
        assertThatThrownBy(() -> schedule.learningRate(11, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one_cycle: t=11 is past total_steps=10 (PyTorch's OneCycleLR refuses it too); give a"
                        + " larger total_steps");
    }

    @Test
    void oneCycleIgnoresTheOptimizersInitialRate() {
        Schedule schedule = BuiltIns.schedule("one_cycle(max_lr=0.5, total_steps=10)");

        // The cycle starts at max_lr / div_factor = 0.5 / 25 = 0.02, whatever the optimizer's rate (PyTorch's
        // arithmetic, 0.5 + (0.02 - 0.5) / 2 * 2, rounds it to 0.020000000000000018).
        assertThat(schedule.learningRate(0, 123)).isCloseTo(0.02, within(1e-16));
    }

    @Test
    void reduceOnPlateauRefusesAFactorOfOneAndAnUnknownMode() {
        assertThatThrownBy(() -> BuiltIns.schedule("reduce_on_plateau(factor=1)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'factor' of schedule 'reduce_on_plateau' must be in [0, 1), got 1");
        assertThatThrownBy(() -> BuiltIns.schedule("reduce_on_plateau(mode=mean)"))
                .hasMessage("parameter 'mode' of schedule 'reduce_on_plateau' must be one of min, max, got 'mean'");
        assertThatThrownBy(() -> BuiltIns.schedule("reduce_on_plateau(patience=-1)"))
                .hasMessage("parameter 'patience' of schedule 'reduce_on_plateau' must be >= 0, got -1");
    }

    @Test
    void reduceOnPlateauRefusesAStateThatHoldsNoCount() {
        Schedule plateau = BuiltIns.schedule("reduce_on_plateau");

        assertThatThrownBy(() -> plateau.loadState(State.builder().put("reductions", -1).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reduce_on_plateau: state 'reductions' must be a count >= 0, got '-1'");
    }

    @Test
    void sequentialCreatesItsSchedulesThroughTheResolver() {
        Schedule schedule = BuiltIns.schedule(
                "sequential(schedules=[linear_warmup(warmup_steps=5), cosine_annealing(t_max=20)], milestones=[5])");

        assertThat(schedule).isInstanceOf(SequentialSchedule.class);
        assertThat(((SequentialSchedule) schedule).schedules()).containsExactly(
                new LinearWarmupSchedule(5, 1.0 / 3, Schedule.Interval.EPOCH), new CosineAnnealingSchedule(20, 0));
        assertThat(((SequentialSchedule) schedule).milestones()).containsExactly(5);
    }

    @Test
    void sequentialRefusesMilestonesThatDoNotFitTheSchedules() {
        assertThatThrownBy(() -> BuiltIns.schedule(
                "sequential(schedules=[linear_warmup(warmup_steps=5), cosine_annealing(t_max=20)], milestones=[])"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequential: milestones must hold one fewer than the schedules (1 for 2), got []");
        assertThatThrownBy(() -> BuiltIns.schedule("sequential(schedules=[constant, constant, constant],"
                + " milestones=[8, 3])"))
                .hasMessage("sequential: milestones must be increasing, got [8, 3]");
        assertThatThrownBy(() -> BuiltIns.schedule("sequential(schedules=[constant, constant],"
                + " milestones=[0])"))
                .hasMessage("parameter 'milestones' of schedule 'sequential' must hold integers >= 1, got 0 in [0]");
    }

    @Test
    void sequentialRefusesSchedulesAdvancedAtAnotherInterval() {
        assertThatThrownBy(() -> BuiltIns.schedule("sequential(schedules=[linear_warmup(warmup_steps=5),"
                + " one_cycle(max_lr=0.1, total_steps=100)], milestones=[5])"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sequential: schedule 1 (OneCycleSchedule[")
                .hasMessageEndingWith(") is advanced per step but sequential per epoch; give them the same interval");
    }

    @Test
    void sequentialRefusesAnUnknownNestedSchedule() {
        assertThatThrownBy(() -> BuiltIns.schedule("sequential(schedules=[linear_warmup(warmup_steps=5),"
                + " cosine(t_max=20)], milestones=[5])"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("cosine");
    }

    @Test
    void sequentialNeedsAtLeastOneSchedule() {
        assertThatThrownBy(() -> new SequentialSchedule(List.of(), List.of(), Schedule.Interval.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequential: schedules must hold at least one schedule");
    }
}
