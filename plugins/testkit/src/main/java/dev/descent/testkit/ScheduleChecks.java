package dev.descent.testkit;

import static dev.descent.testkit.CheckRun.fail;

import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import dev.descent.testkit.ComponentChecks.SpecCase;

/** The checks of one schedule spec, over t = 0..50 from an initial rate of 0.1. */
final class ScheduleChecks {
    private static final double INITIAL_RATE = 0.1;
    private static final int LAST_T = 50;

    private final ScheduleProvider provider;
    private final ScheduleCheckConfig config;
    private final SpecCase spec;

    private ScheduleChecks(ScheduleProvider provider, ScheduleCheckConfig config, SpecCase spec) {
        this.provider = provider;
        this.config = config;
        this.spec = spec;
    }

    static void run(CheckRun run, ScheduleProvider provider, ScheduleCheckConfig config, SpecCase spec) {
        ScheduleChecks checks = new ScheduleChecks(provider, config, spec);
        run.run(spec.name(ContractChecks.SCHEDULE_RATES), checks::rates);
        run.run(spec.name(ContractChecks.SCHEDULE_DETERMINISM), checks::determinism);
    }

    private Schedule create() {
        return Components.create(provider, spec.spec(), config.resolver());
    }

    private static double[] rates(Schedule schedule) {
        double[] rates = new double[LAST_T + 1];
        for (int t = 0; t <= LAST_T; t++) {
            rates[t] = schedule.learningRate(t, INITIAL_RATE);
        }
        return rates;
    }

    private String rates() {
        double[] rates = rates(create());
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int t = 0; t <= LAST_T; t++) {
            if (!Double.isFinite(rates[t]) || rates[t] < 0) {
                throw fail("learningRate(" + t + ", " + INITIAL_RATE + ") is " + rates[t]
                        + "; expected a finite rate >= 0");
            }
            lowest = Math.min(lowest, rates[t]);
            highest = Math.max(highest, rates[t]);
        }
        return "rates for t = 0.." + LAST_T + " from " + INITIAL_RATE + " lie in [" + CheckRun.number(lowest) + ", "
                + CheckRun.number(highest) + "]";
    }

    private String determinism() {
        Schedule schedule = create();
        double[] first = rates(schedule);
        double[] again = rates(schedule);
        double[] twin = rates(create());
        for (int t = 0; t <= LAST_T; t++) {
            if (Double.doubleToLongBits(first[t]) != Double.doubleToLongBits(again[t])
                    || Double.doubleToLongBits(first[t]) != Double.doubleToLongBits(twin[t])) {
                throw fail("learningRate(" + t + ", " + INITIAL_RATE + ") gave " + first[t] + ", then " + again[t]
                        + ", and " + twin[t] + " from a second schedule of one spec; expected identical values");
            }
        }
        return "two passes over t = 0.." + LAST_T + ", and a second schedule of one spec, give identical rates";
    }
}
