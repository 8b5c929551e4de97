package dev.descent.app.plugin;

import dev.descent.api.Schedule;
import dev.descent.api.State;

/** A plugin's {@link Schedule}, each call made directly with the plugin's context class loader. */
final class PluginSchedule extends PluginComponent implements Schedule {
    private final Schedule schedule;

    PluginSchedule(Schedule schedule, ClassLoader pluginLoader) {
        super(schedule, pluginLoader);
        this.schedule = schedule;
    }

    @Override
    public double learningRate(long t, double initialLearningRate) {
        ClassLoader previous = enter();
        try {
            return schedule.learningRate(t, initialLearningRate);
        } finally {
            exit(previous);
        }
    }

    @Override
    public Interval interval() {
        ClassLoader previous = enter();
        try {
            return schedule.interval();
        } finally {
            exit(previous);
        }
    }

    @Override
    public void observe(double metric) {
        ClassLoader previous = enter();
        try {
            schedule.observe(metric);
        } finally {
            exit(previous);
        }
    }

    @Override
    public State state() {
        ClassLoader previous = enter();
        try {
            return schedule.state();
        } finally {
            exit(previous);
        }
    }

    @Override
    public void loadState(State state) {
        ClassLoader previous = enter();
        try {
            schedule.loadState(state);
        } finally {
            exit(previous);
        }
    }
}
