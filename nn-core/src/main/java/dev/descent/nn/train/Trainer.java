package dev.descent.nn.train;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Loss;
import dev.descent.api.Metric;
import dev.descent.api.MultiTaskLoss;
import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import dev.descent.api.Trainable;
import dev.descent.nn.Model;
import dev.descent.nn.data.Batches;
import dev.descent.nn.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The training loop: the one every caller drives (the CLI, the pipeline, the benchmarks, Spark). It fits a
 * {@link Model} to a {@link Dataset} batch by batch, as Keras's {@code fit}, calling {@link Callback}s and
 * {@link TrainingListener}s at fixed points, and measures {@link #evaluate} and {@link #predict} batch by
 * batch in inference passes.
 *
 * <p><b>One step</b>, for a batch: every parameter gradient is set to zero; the model runs a training
 * forward; each output's loss is computed with its gradient d(loss_i)/d(output_i) into a buffer the trainer
 * owns; the losses are combined, as {@code sum_i w_i loss_i} with the fixed weights (1 by default) or by a
 * {@link MultiTaskLoss}, and each output gradient is scaled by d(total)/d(loss_i); the model back-propagates;
 * the optimizer steps over every parameter that is not {@linkplain Parameter#frozen() frozen}: the model's,
 * then those of each loss that is {@link Trainable}, then the multi-task loss's. A loss that is trainable adds
 * d(loss)/d(parameter) into its parameters' gradients when {@code compute} is given a gradient tensor; the
 * trainer scales them by that output's weight like the output gradient.
 *
 * <p><b>Seeds.</b> One seed fixes a run: {@code new SplittableRandom(seed)} is split three times, in this
 * order, into the generator the weights are drawn from (when the model is not built yet), the random source
 * of the training {@link Pass} (dropout masks), and the generator that shuffles each epoch (see
 * {@link Batches#shuffle}). The generators live as long as the trainer, so a second {@link #fit} continues
 * them. Same seed, same data, same settings: the same numbers bit for bit.
 *
 * <p><b>Values.</b> The loss of an epoch is the mean of the batches' losses weighted by their sizes (so with
 * mean-reduced losses the mean over the examples); the same for validation and {@link #evaluate}, where each
 * output's loss is averaged and then combined. Metrics are updated with every training batch's outputs (of
 * the forward before the step, as Keras) and computed at the epoch's end, then reset and measured again on
 * the validation data. Keys are those of {@link History}.
 *
 * <p><b>Not finite.</b> When a batch's combined loss is NaN or infinite, the step is not taken (the weights
 * stay those of the last good step), training stops, and {@link History#stopReason()} names the epoch, the
 * batch and the first layer whose output was not finite ({@link Model#firstNonFiniteOutput()}), or the
 * loss when every layer's output was finite.
 *
 * <p>Not thread-safe: one fit at a time.
 */
public final class Trainer {
    private final Model model;
    private final Loss[] losses;
    private final String[] lossNames;
    private final double[] fixedWeights;
    private final MultiTaskLoss multiTaskLoss;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final boolean shuffle;
    private final double validationSplit;
    private final List<MetricBinding> metrics;
    private final List<Callback> callbacks;
    private final List<TrainingListener> listeners;

    private final SplittableRandom weightRandom;
    private final Pass trainingPass;
    private final SplittableRandom shuffleRandom;

    /** What the optimizer sees besides the model's parameters: trainable losses, then the multi-task loss. */
    private final List<Trainable> lossTrainables;
    /** Index of the trainable loss of each output, or -1. */
    private final int[] trainableLossOf;
    private final BatchBuffer[] gradientBuffers;
    private final List<Tensor> gradients;
    private final double[] headLosses;
    private final double[] headWeights;
    private final ArrayList<Parameter> stepParameters = new ArrayList<>();
    /** Batches kept across epochs for the data of the last fit, so an epoch allocates no new buffers. */
    private Batches trainBatches;
    private Batches validationBatches;
    private Batches evaluationBatches;

    private Trainer(Builder builder) {
        this.model = builder.model;
        List<String> outputs = model.outputNames();
        int count = outputs.size();
        this.losses = new Loss[count];
        this.lossNames = new String[count];
        this.fixedWeights = new double[count];
        for (int i = 0; i < count; i++) {
            String output = outputs.get(i);
            LossEntry entry = builder.losses.get(count == 1 && builder.losses.containsKey(null) ? null : output);
            losses[i] = entry.loss;
            fixedWeights[i] = entry.weight;
            lossNames[i] = count == 1 ? History.LOSS : output + "_" + History.LOSS;
        }
        this.multiTaskLoss = builder.multiTaskLoss;
        this.optimizer = builder.optimizer;
        this.epochs = builder.epochs;
        this.batchSize = builder.batchSize;
        this.shuffle = builder.shuffle;
        this.validationSplit = builder.validationSplit;
        this.metrics = List.copyOf(builder.metricBindings(outputs));
        this.callbacks = List.copyOf(builder.callbacks);
        this.listeners = List.copyOf(builder.listeners);

        SplittableRandom root = new SplittableRandom(builder.seed);
        this.weightRandom = root.split();
        this.trainingPass = Pass.training(root.split());
        this.shuffleRandom = root.split();

        List<Trainable> trainables = new ArrayList<>();
        this.trainableLossOf = new int[count];
        for (int i = 0; i < count; i++) {
            trainableLossOf[i] = -1;
            if (losses[i] instanceof Trainable trainable) {
                trainableLossOf[i] = trainables.size();
                trainables.add(trainable);
            }
        }
        if (multiTaskLoss != null) {
            trainables.add(multiTaskLoss);
        }
        this.lossTrainables = List.copyOf(trainables);
        this.gradientBuffers = new BatchBuffer[count];
        for (int i = 0; i < count; i++) {
            gradientBuffers[i] = new BatchBuffer();
        }
        this.gradients = Arrays.asList(new Tensor[count]);
        this.headLosses = new double[count];
        this.headWeights = new double[count];
    }

    public static Builder builder() {
        return new Builder();
    }

    public Model model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Trains on {@code train}, with the validation split of the settings (if any) taken off its end first.
     *
     * @throws IllegalArgumentException if the data does not fit the model (naming what)
     */
    public History fit(Dataset train) {
        requireNonNull(train, "train is null");
        if (Double.isNaN(validationSplit)) {
            return run(train, null);
        }
        Dataset.Split split = train.split(validationSplit);
        return run(split.train(), split.validation());
    }

    /**
     * Trains on {@code train}, measuring on {@code validation} after each epoch.
     *
     * @throws IllegalArgumentException if a validation split is also set, or the data does not fit the model
     */
    public History fit(Dataset train, Dataset validation) {
        requireNonNull(train, "train is null");
        requireNonNull(validation, "validation is null");
        if (!Double.isNaN(validationSplit)) {
            throw new IllegalArgumentException("Trainer: a validation split of " + validationSplit + " is set and a"
                    + " validation set was given; use one or the other");
        }
        return run(train, validation);
    }

    private History run(Dataset train, Dataset validation) {
        requireFits("training data", train);
        if (validation != null) {
            requireFits("validation data", validation);
        }
        if (!model.isBuilt()) {
            model.build(train.featureShapes(), weightRandom);
        }
        History history = new History();
        Run run = new Run(history, validation != null);
        if (trainBatches == null || trainBatches.data() != train) {
            trainBatches = new Batches(train, batchSize);
        }
        Batches batches = trainBatches;
        run.batches = batches.count();
        for (Callback callback : callbacks) {
            callback.onTrainBegin(run);
        }
        for (TrainingListener listener : listeners) {
            listener.trainingStarted(epochs, run.batches);
        }
        for (int epoch = 0; epoch < epochs && !run.stopRequested(); epoch++) {
            run.epoch = epoch;
            long start = System.nanoTime();
            for (Callback callback : callbacks) {
                callback.onEpochBegin(run, epoch);
            }
            for (TrainingListener listener : listeners) {
                listener.epochStarted(epoch, epochs);
            }
            if (shuffle) {
                batches.shuffle(shuffleRandom);
            }
            resetMetrics();
            double totalSum = 0;
            double[] headSums = new double[losses.length];
            long seen = 0;
            boolean finite = true;
            for (int b = 0; b < run.batches && !run.stopRequested(); b++) {
                for (int c = 0, n = callbacks.size(); c < n; c++) {
                    callbacks.get(c).onBatchBegin(run, b);
                }
                Batches.Batch batch = batches.get(b);
                double loss = step(batch, epoch, b, run);
                if (!Double.isFinite(loss)) {
                    finite = false;
                    break;
                }
                int rows = batch.size();
                totalSum += loss * rows;
                for (int i = 0; i < losses.length; i++) {
                    headSums[i] += headLosses[i] * rows;
                }
                seen += rows;
                run.step++;
                for (int c = 0, n = callbacks.size(); c < n; c++) {
                    callbacks.get(c).onBatchEnd(run, b, loss);
                }
                for (int l = 0, n = listeners.size(); l < n; l++) {
                    listeners.get(l).batchEnded(epoch, b, run.batches, loss);
                }
            }
            if (!finite || seen == 0) {
                break;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(History.LOSS, totalSum / seen);
            if (losses.length > 1) {
                for (int i = 0; i < losses.length; i++) {
                    values.put(lossNames[i], headSums[i] / seen);
                }
            }
            for (MetricBinding binding : metrics) {
                values.put(binding.key, binding.metric.value());
            }
            if (validation != null) {
                if (validationBatches == null || validationBatches.data() != validation) {
                    validationBatches = new Batches(validation, batchSize);
                }
                measure(validationBatches, History.VALIDATION_PREFIX, values);
            }
            values.put(History.LEARNING_RATE, optimizer.learningRate());
            History.Epoch record = new History.Epoch(epoch, values, (System.nanoTime() - start) / 1e9);
            history.add(record);
            for (Callback callback : callbacks) {
                callback.onEpochEnd(run, record);
            }
            for (TrainingListener listener : listeners) {
                listener.epochEnded(record);
            }
        }
        for (Callback callback : callbacks) {
            callback.onTrainEnd(run, history);
        }
        for (TrainingListener listener : listeners) {
            listener.trainingEnded(history);
        }
        return history;
    }

    /** One optimizer step; returns the combined loss, or a value that is not finite (the step not taken). */
    private double step(Batches.Batch batch, int epoch, int index, Run run) {
        zeroGradients(model.parameters());
        for (int t = 0, n = lossTrainables.size(); t < n; t++) {
            zeroGradients(lossTrainables.get(t).parameters());
        }
        List<Tensor> outputs = model.forward(batch.features(), trainingPass);
        List<Tensor> targets = batch.targets();
        for (int i = 0; i < losses.length; i++) {
            Tensor output = outputs.get(i);
            Tensor gradient = gradientBuffers[i].get(output.shapeView());
            headLosses[i] = losses[i].compute(output, targets.get(i), gradient);
            gradients.set(i, gradient);
        }
        double total = combine(headLosses, headWeights);
        if (!Double.isFinite(total)) {
            String reason = nonFiniteReason(epoch, index, run.batches, total);
            run.history.stop(reason, true);
            run.stopRequested = true;
            return total;
        }
        for (int i = 0; i < losses.length; i++) {
            float weight = (float) headWeights[i];
            if (weight != 1f) {
                scale(gradients.get(i), weight);
                if (trainableLossOf[i] >= 0) {
                    List<Parameter> own = lossTrainables.get(trainableLossOf[i]).parameters();
                    for (int p = 0, n = own.size(); p < n; p++) {
                        scale(own.get(p).gradient(), weight);
                    }
                }
            }
        }
        model.backward(gradients);
        stepParameters.clear();
        addTrainable(model.parameters());
        for (int t = 0, n = lossTrainables.size(); t < n; t++) {
            addTrainable(lossTrainables.get(t).parameters());
        }
        optimizer.step(stepParameters);
        updateMetrics(outputs, targets);
        return total;
    }

    private static void zeroGradients(List<Parameter> parameters) {
        for (int i = 0, n = parameters.size(); i < n; i++) {
            parameters.get(i).zeroGradient();
        }
    }

    private void addTrainable(List<Parameter> parameters) {
        for (int i = 0, n = parameters.size(); i < n; i++) {
            Parameter parameter = parameters.get(i);
            if (!parameter.frozen()) {
                stepParameters.add(parameter);
            }
        }
    }

    private static void scale(Tensor tensor, float factor) {
        float[] values = tensor.array();
        for (int i = tensor.offset(), end = tensor.offset() + tensor.size(); i < end; i++) {
            values[i] *= factor;
        }
    }

    /** The combined loss; {@code weights}, when not null, receives d(total)/d(loss_i). */
    private double combine(double[] heads, double[] weights) {
        if (multiTaskLoss != null) {
            return multiTaskLoss.combine(heads, weights);
        }
        double total = 0;
        for (int i = 0; i < heads.length; i++) {
            total += fixedWeights[i] * heads[i];
            if (weights != null) {
                weights[i] = fixedWeights[i];
            }
        }
        return total;
    }

    private String nonFiniteReason(int epoch, int batch, int batches, double total) {
        String where = "epoch " + (epoch + 1) + " of " + epochs + ", batch " + (batch + 1) + " of " + batches;
        Optional<String> layer = model.firstNonFiniteOutput();
        if (layer.isPresent()) {
            return "training stopped at " + where + ": the output of " + layer.get() + " was not finite (NaN or"
                    + " infinite); the weights are those of the last finite step";
        }
        StringBuilder heads = new StringBuilder();
        for (int i = 0; i < losses.length; i++) {
            heads.append(i == 0 ? "" : ", ").append(losses[i].name()).append(" on output '")
                    .append(model.outputNames().get(i)).append("' = ").append(headLosses[i]);
        }
        return "training stopped at " + where + ": the loss was " + total + " although every layer's output was"
                + " finite (" + heads + (multiTaskLoss != null ? ", combined by " + multiTaskLoss.name() : "")
                + "); the weights are those of the last finite step";
    }

    private void resetMetrics() {
        for (MetricBinding binding : metrics) {
            binding.metric.reset();
        }
    }

    private void updateMetrics(List<Tensor> outputs, List<Tensor> targets) {
        for (int m = 0, n = metrics.size(); m < n; m++) {
            MetricBinding binding = metrics.get(m);
            binding.metric.update(outputs.get(binding.output), targets.get(binding.output));
        }
    }

    /**
     * The losses and metrics on {@code data}, in inference passes of the batch size: {@code loss}, for several
     * outputs {@code <output>_loss}, and each metric's key, as {@link History} names them (without
     * {@code val_}).
     *
     * @throws IllegalStateException if the model is not built
     * @throws IllegalArgumentException if the data does not fit the model
     */
    public Map<String, Double> evaluate(Dataset data) {
        requireNonNull(data, "data is null");
        requireBuilt();
        requireFits("evaluation data", data);
        if (evaluationBatches == null || evaluationBatches.data() != data) {
            evaluationBatches = new Batches(data, batchSize);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        measure(evaluationBatches, "", values);
        return values;
    }

    private void measure(Batches batches, String prefix, Map<String, Double> values) {
        resetMetrics();
        double[] sums = new double[losses.length];
        long seen = 0;
        for (int b = 0, count = batches.count(); b < count; b++) {
            Batches.Batch batch = batches.get(b);
            List<Tensor> outputs = model.forward(batch.features(), Pass.INFERENCE);
            for (int i = 0; i < losses.length; i++) {
                sums[i] += losses[i].compute(outputs.get(i), batch.targets().get(i)) * batch.size();
            }
            updateMetrics(outputs, batch.targets());
            seen += batch.size();
        }
        double[] means = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            means[i] = seen == 0 ? Double.NaN : sums[i] / seen;
        }
        values.put(prefix + History.LOSS, combine(means, null));
        if (losses.length > 1) {
            for (int i = 0; i < losses.length; i++) {
                values.put(prefix + lossNames[i], means[i]);
            }
        }
        for (MetricBinding binding : metrics) {
            values.put(prefix + binding.key, binding.metric.value());
        }
    }

    /**
     * The model's outputs for every example, in inference passes of the batch size, each output as one tensor
     * {@code [examples, ...]} the caller owns.
     *
     * @param inputs one tensor per model input, examples first
     * @throws IllegalStateException if the model is not built
     */
    public List<Tensor> predict(List<Tensor> inputs) {
        requireNonNull(inputs, "inputs is null");
        requireBuilt();
        Dataset data = Dataset.inputs(inputs);
        requireInputs("prediction inputs", data);
        List<int[]> shapes = model.outputShapes();
        List<Tensor> results = new ArrayList<>(shapes.size());
        for (int[] shape : shapes) {
            int[] full = new int[shape.length + 1];
            full[0] = data.size();
            System.arraycopy(shape, 0, full, 1, shape.length);
            results.add(Tensor.zeros(full));
        }
        Batches batches = new Batches(data, batchSize);
        int row = 0;
        for (int b = 0, count = batches.count(); b < count; b++) {
            Batches.Batch batch = batches.get(b);
            List<Tensor> outputs = model.forward(batch.features(), Pass.INFERENCE);
            for (int i = 0; i < outputs.size(); i++) {
                Tensor output = outputs.get(i);
                Tensor result = results.get(i);
                int stride = result.size() / Math.max(1, data.size());
                System.arraycopy(output.array(), output.offset(), result.array(), row * stride, output.size());
            }
            row += batch.size();
        }
        return results;
    }

    /** {@link #predict(List)} for a model of one input and one output. */
    public Tensor predict(Tensor input) {
        requireNonNull(input, "input is null");
        List<Tensor> outputs = predict(List.of(input));
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("Trainer: the model has " + outputs.size() + " outputs "
                    + model.outputNames() + "; use predict(List) to get them all");
        }
        return outputs.get(0);
    }

    private void requireBuilt() {
        if (!model.isBuilt()) {
            throw new IllegalStateException("Trainer: the model is not built; fit it first, or build it with"
                    + " model.build(inputShapes, random)");
        }
    }

    private void requireFits(String what, Dataset data) {
        requireInputs(what, data);
        if (data.targets().size() != model.outputNames().size()) {
            throw new IllegalArgumentException("Trainer: the " + what + " has " + data.targets().size()
                    + " target tensor(s) but the model has " + model.outputNames().size() + " output(s) "
                    + model.outputNames() + "; give one target tensor per output, in that order");
        }
    }

    private void requireInputs(String what, Dataset data) {
        if (data.features().size() != model.inputNames().size()) {
            throw new IllegalArgumentException("Trainer: the " + what + " has " + data.features().size()
                    + " feature tensor(s) but the model has " + model.inputNames().size() + " input(s) "
                    + model.inputNames() + "; give one feature tensor per input, in that order");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("Trainer: the " + what + " holds no example");
        }
    }

    /** The state of one fit, as callbacks see it. */
    private final class Run implements TrainingContext {
        private final History history;
        private final boolean hasValidation;
        private int epoch;
        private int batches;
        private long step;
        private boolean stopRequested;

        Run(History history, boolean hasValidation) {
            this.history = history;
            this.hasValidation = hasValidation;
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
            return epochs;
        }

        @Override
        public int batchesPerEpoch() {
            return batches;
        }

        @Override
        public long step() {
            return step;
        }

        @Override
        public boolean hasValidation() {
            return hasValidation;
        }

        @Override
        public History history() {
            return history;
        }

        @Override
        public void stop(String reason) {
            requireNonNull(reason, "reason is null");
            history.stop(reason, false);
            stopRequested = true;
        }

        @Override
        public boolean stopRequested() {
            return stopRequested;
        }
    }

    private record LossEntry(Loss loss, double weight) {}

    private record MetricBinding(int output, String key, Metric metric) {}

    /**
     * The settings of a {@link Trainer}. Required: the model, a loss per output and the optimizer. Defaults, as
     * Keras's {@code fit}: 1 epoch, batch size 32, shuffling on, no validation; seed 0.
     */
    public static final class Builder {
        private Model model;
        /** By output name; the key null for {@link #loss(Loss)}. */
        private final Map<String, LossEntry> losses = new LinkedHashMap<>();
        private MultiTaskLoss multiTaskLoss;
        private Optimizer optimizer;
        private int epochs = 1;
        private int batchSize = 32;
        private boolean shuffle = true;
        private long seed;
        private double validationSplit = Double.NaN;
        /** Output name (null: the only one) and metric, in order. */
        private final List<Map.Entry<String, Metric>> metrics = new ArrayList<>();
        private final List<Callback> callbacks = new ArrayList<>();
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder() {}

        public Builder model(Model model) {
            this.model = requireNonNull(model, "model is null");
            return this;
        }

        /** The loss of a model of one output. */
        public Builder loss(Loss loss) {
            losses.put(null, new LossEntry(requireNonNull(loss, "loss is null"), 1));
            return this;
        }

        /** The loss of the output named {@code output}, weight 1. */
        public Builder loss(String output, Loss loss) {
            return loss(output, loss, 1);
        }

        /**
         * The loss of the output named {@code output} and its weight in the total.
         *
         * @throws IllegalArgumentException if the weight is negative or not finite
         */
        public Builder loss(String output, Loss loss, double weight) {
            requireNonNull(output, "output is null");
            requireNonNull(loss, "loss is null");
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("Trainer: the weight of the loss of output '" + output
                        + "' must be a finite number >= 0, got '" + weight + "'");
            }
            losses.put(output, new LossEntry(loss, weight));
            return this;
        }

        /** Combines the outputs' losses (in place of fixed weights) and trains its parameters. */
        public Builder multiTaskLoss(MultiTaskLoss multiTaskLoss) {
            this.multiTaskLoss = requireNonNull(multiTaskLoss, "multiTaskLoss is null");
            return this;
        }

        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = requireNonNull(optimizer, "optimizer is null");
            return this;
        }

        /** At least 1; default 1. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** At least 1; default 32. The last batch of an epoch holds what is left. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Whether each epoch reads the training examples in a new order; default true. */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** Fixes the weights (of a model not yet built), the dropout masks and the shuffles; default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Keeps the last {@code fraction} of the data given to {@link Trainer#fit(Dataset)} for validation, taken
         * before shuffling, as Keras's {@code validation_split}.
         */
        public Builder validationSplit(double fraction) {
            this.validationSplit = fraction;
            return this;
        }

        /** A metric on the output of a model of one output. */
        public Builder metric(Metric metric) {
            metrics.add(new java.util.AbstractMap.SimpleEntry<>(null, requireNonNull(metric, "metric is null")));
            return this;
        }

        /** A metric on the output named {@code output}; its key is {@code <output>_<metric name>}. */
        public Builder metric(String output, Metric metric) {
            requireNonNull(output, "output is null");
            metrics.add(new java.util.AbstractMap.SimpleEntry<>(output, requireNonNull(metric, "metric is null")));
            return this;
        }

        public Builder callback(Callback callback) {
            callbacks.add(requireNonNull(callback, "callback is null"));
            return this;
        }

        public Builder listener(TrainingListener listener) {
            listeners.add(requireNonNull(listener, "listener is null"));
            return this;
        }

        /**
         * The trainer.
         *
         * @throws IllegalArgumentException naming the first setting that is missing or wrong, and what would be
         *     right
         */
        public Trainer build() {
            if (model == null) {
                throw new IllegalArgumentException("Trainer: no model; set one with model(...)");
            }
            if (optimizer == null) {
                throw new IllegalArgumentException("Trainer: no optimizer; set one with optimizer(...), e.g."
                        + " Adam.builder().build()");
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("Trainer: epochs must be at least 1, got '" + epochs + "'");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("Trainer: batch size must be at least 1, got '" + batchSize + "'");
            }
            if (!Double.isNaN(validationSplit) && !(validationSplit > 0 && validationSplit < 1)) {
                throw new IllegalArgumentException("Trainer: validation split must be strictly between 0 and 1,"
                        + " got '" + validationSplit + "'");
            }
            checkLosses();
            return new Trainer(this);
        }

        private void checkLosses() {
            List<String> outputs = model.outputNames();
            if (losses.isEmpty()) {
                throw new IllegalArgumentException("Trainer: no loss; set one with loss(...)" + (outputs.size() > 1
                        ? " for each output " + outputs : ""));
            }
            if (losses.containsKey(null)) {
                if (outputs.size() != 1) {
                    throw new IllegalArgumentException("Trainer: loss(Loss) is for a model of one output; this"
                            + " model has outputs " + outputs + ": give each its loss with loss(output, loss)");
                }
                if (losses.size() > 1) {
                    throw new IllegalArgumentException("Trainer: a loss was set both with loss(Loss) and by output"
                            + " name " + losses.keySet().stream().filter(k -> k != null).toList() + "; use one");
                }
            } else {
                for (String name : losses.keySet()) {
                    if (!outputs.contains(name)) {
                        throw new IllegalArgumentException("Trainer: a loss is set for output '" + name + "', which"
                                + " the model does not have; its outputs are " + outputs);
                    }
                }
                for (String output : outputs) {
                    if (!losses.containsKey(output)) {
                        throw new IllegalArgumentException("Trainer: output '" + output + "' has no loss; set one"
                                + " with loss(\"" + output + "\", loss)");
                    }
                }
            }
            Set<Loss> trainable = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (LossEntry entry : losses.values()) {
                if (entry.loss instanceof Trainable && !trainable.add(entry.loss)) {
                    throw new IllegalArgumentException("Trainer: the trainable loss " + entry.loss.name() + " is set"
                            + " on two outputs; give each output its own instance, so each learns its own"
                            + " parameters");
                }
                if (multiTaskLoss != null && entry.weight != 1) {
                    throw new IllegalArgumentException("Trainer: loss weights and a multi-task loss ("
                            + multiTaskLoss.name() + ") are both set; the multi-task loss weighs the outputs, so"
                            + " leave the weights at 1");
                }
            }
        }

        private List<MetricBinding> metricBindings(List<String> outputs) {
            List<MetricBinding> bindings = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>();
            keys.add(History.LOSS);
            keys.add(History.LEARNING_RATE);
            for (Map.Entry<String, Metric> entry : metrics) {
                String output = entry.getKey();
                Metric metric = entry.getValue();
                int index;
                String key;
                if (output == null) {
                    if (outputs.size() != 1) {
                        throw new IllegalArgumentException("Trainer: metric(" + metric.name() + ") is for a model"
                                + " of one output; this model has outputs " + outputs + ": say which with"
                                + " metric(output, metric)");
                    }
                    index = 0;
                    key = metric.name();
                } else {
                    index = outputs.indexOf(output);
                    if (index < 0) {
                        throw new IllegalArgumentException("Trainer: metric " + metric.name() + " reads output '"
                                + output + "', which the model does not have; its outputs are " + outputs);
                    }
                    key = outputs.size() == 1 ? metric.name() : output + "_" + metric.name();
                }
                if (!keys.add(key)) {
                    throw new IllegalArgumentException("Trainer: two values would be named '" + key + "'; each"
                            + " metric of an output needs its own name");
                }
                bindings.add(new MetricBinding(index, key, metric));
            }
            return bindings;
        }
    }

    @Override
    public String toString() {
        return "Trainer(" + model + ", losses " + Arrays.toString(losses) + ", " + optimizer + ", epochs " + epochs
                + ", batch size " + batchSize + ")";
    }
}
