package dev.descent.optim.schedule;

import dev.descent.api.Schedule;
import dev.descent.api.State;
import dev.descent.optim.Checks;
import java.util.List;

/**
 * PyTorch's {@code SequentialLR}: one schedule after another, the next taking over at each milestone and
 * starting from its own {@code t = 0}, from the initial rate. The usual use is a warm-up then a decay:
 * {@code sequential(schedules=[linear_warmup(warmup_steps=5), cosine_annealing(t_max=20)], milestones=[5])}.
 *
 * <p>In PyTorch the schedule taking over is stepped with {@code step(0)}, which computes its closed form at
 * epoch 0 from the initial rate, and its recursive form from there; so the rate at a milestone is the next
 * schedule's first rate, not the previous schedule's last one. This gives the same rates (the fixtures check
 * it), by asking the schedule in charge for {@code t - milestone}.
 *
 * <p>{@link #observe} goes to the schedule in charge of the latest {@code t} asked for, so
 * {@code reduce_on_plateau} can follow a warm-up (PyTorch's {@code SequentialLR} cannot hold a
 * {@code ReduceLROnPlateau}; here it starts from the initial rate at its milestone). The state nests each
 * schedule's state under its index ({@code 1/best}) beside {@code last_t}, the latest {@code t}.
 *
 * <p>Deviations: PyTorch takes any milestones; here they must be increasing and {@code >= 1} (a milestone 0
 * would skip the first schedule but for its first rate), and the schedules must share this schedule's
 * interval, since one {@code t} drives them all.
 */
public final class SequentialSchedule implements Schedule {
    static final String NAME = "sequential";

    private final List<Schedule> schedules;
    private final List<Integer> milestones;
    private final Interval interval;
    private long lastT;

    /**
     * @param schedules at least one, each advanced at {@code interval}
     * @param milestones one fewer than the schedules, increasing, each {@code >= 1}: the {@code t} at which
     *     the next schedule takes over
     * @param interval whether {@code t} counts epochs or steps
     */
    public SequentialSchedule(List<? extends Schedule> schedules, List<Integer> milestones, Interval interval) {
        this.schedules = List.copyOf(schedules);
        this.milestones = ScheduleChecks.increasing(NAME, "milestones", milestones, 1);
        this.interval = ScheduleChecks.interval(NAME, interval);
        if (this.schedules.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": schedules must hold at least one schedule");
        }
        if (this.milestones.size() != this.schedules.size() - 1) {
            throw new IllegalArgumentException(NAME + ": milestones must hold one fewer than the schedules ("
                    + (this.schedules.size() - 1) + " for " + this.schedules.size() + "), got " + this.milestones);
        }
        for (int i = 0; i < this.schedules.size(); i++) {
            Interval own = this.schedules.get(i).interval();
            if (own != interval) {
                throw new IllegalArgumentException(NAME + ": schedule " + i + " (" + this.schedules.get(i)
                        + ") is advanced per " + own.word() + " but sequential per " + interval.word()
                        + "; give them the same interval");
            }
        }
    }

    @Override
    public Interval interval() {
        return interval;
    }

    /** The schedules, in order. */
    public List<Schedule> schedules() {
        return schedules;
    }

    public List<Integer> milestones() {
        return milestones;
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        int index = ScheduleChecks.passed(milestones, Checks.step(NAME, t));
        lastT = t;
        long start = index == 0 ? 0 : milestones.get(index - 1);
        return schedules.get(index).learningRate(t - start, initialLearningRate);
    }

    @Override
    public void observe(double metric) {
        schedules.get(ScheduleChecks.passed(milestones, lastT)).observe(metric);
    }

    @Override
    public State state() {
        State.Builder state = State.builder().put("last_t", lastT);
        for (int i = 0; i < schedules.size(); i++) {
            state.putAll(String.valueOf(i), schedules.get(i).state());
        }
        return state.build();
    }

    @Override
    public void loadState(State state) {
        lastT = Checks.count(NAME, state, "last_t", Integer.MAX_VALUE);
        for (int i = 0; i < schedules.size(); i++) {
            schedules.get(i).loadState(state.under(String.valueOf(i)));
        }
    }

    @Override
    public String toString() {
        return NAME + "(schedules=" + schedules + ", milestones=" + milestones + ", interval=" + interval.word() + ")";
    }
}
