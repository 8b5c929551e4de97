package dev.descent.nn.train;

import dev.descent.api.Optimizer;
import dev.descent.nn.Model;
import java.util.Map;

/** A context for driving a callback by hand, epoch by epoch. */
final class FakeContext implements TrainingContext {
    final Model model;
    final Optimizer optimizer;
    final History history = new History();
    int epoch;
    long step;
    String stopReason;

    FakeContext(Model model, Optimizer optimizer) {
        this.model = model;
        this.optimizer = optimizer;
    }

    /** An epoch with the given values. */
    static History.Epoch epoch(int index, Map<String, Double> values) {
        return new History.Epoch(index, values, 0.1);
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int epochs() {
        return 100;
    }

    @Override
    public int batchesPerEpoch() {
        return 1;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public boolean hasValidation() {
        return true;
    }

    @Override
    public History history() {
        return history;
    }

    @Override
    public void stop(String reason) {
        stopReason = reason;
    }

    @Override
    public boolean stopRequested() {
        return stopReason != null;
    }
}
