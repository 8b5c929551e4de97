package dev.descent.nn.data;

import static java.util.Objects.requireNonNull;

import dev.descent.api.BatchBuffer;
import dev.descent.api.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A dataset read in batches, in order or in a shuffled order, into tensors this object owns: each batch's
 * rows are gathered into one reused tensor per feature and target, so that reading an epoch in steady state
 * allocates nothing. Every batch holds {@link #batchSize()} examples except the last, which holds the rest;
 * buffers for both sizes are kept.
 *
 * <p>A batch returned by {@link #get} stays valid until the next {@code get} of a batch of the same size: a
 * caller that needs it longer copies it.
 *
 * <p><b>Shuffling repeats exactly by seed.</b> {@link #shuffle} resets the order to 0, 1, ..., n-1 and applies
 * the Fisher-Yates shuffle: for i from n-1 down to 1 it swaps position i with position
 * {@code random.nextInt(i + 1)}. So the order depends only on the generator's state: a
 * {@link java.util.SplittableRandom} made from the same seed, drawn the same way, gives the same orders.
 *
 * <p>Not thread-safe.
 */
public final class Batches {
    private final Dataset data;
    private final int batchSize;
    private final int[] order;
    private boolean shuffled;
    private final Tensor[] sources;
    private final int[][] perExample;
    private final int[] strides;
    private final BatchBuffer[] buffers;
    private final Batch batch;

    /**
     * @throws IllegalArgumentException if the batch size is below 1
     */
    public Batches(Dataset data, int batchSize) {
        this.data = requireNonNull(data, "data is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("Batches: batch size must be at least 1, got '" + batchSize + "'");
        }
        this.batchSize = batchSize;
        this.order = new int[data.size()];
        resetOrder();
        int inputs = data.features().size();
        int outputs = data.targets().size();
        sources = new Tensor[inputs + outputs];
        for (int i = 0; i < inputs; i++) {
            sources[i] = data.features().get(i);
        }
        for (int i = 0; i < outputs; i++) {
            sources[inputs + i] = data.targets().get(i);
        }
        perExample = new int[sources.length][];
        strides = new int[sources.length];
        buffers = new BatchBuffer[sources.length];
        for (int i = 0; i < sources.length; i++) {
            int[] shape = sources[i].shapeView();
            perExample[i] = Arrays.copyOfRange(shape, 1, shape.length);
            strides[i] = shape[0] == 0 ? 0 : sources[i].size() / shape[0];
            buffers[i] = new BatchBuffer();
        }
        batch = new Batch(inputs, outputs);
    }

    /** The dataset read. */
    public Dataset data() {
        return data;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The number of batches: {@code ceil(size / batchSize)}. */
    public int count() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** Reads the examples in their order again. */
    public void resetOrder() {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffled = false;
    }

    /** A new order: 0..n-1 shuffled by Fisher-Yates from {@code random}, as the class comment says. */
    public void shuffle(RandomGenerator random) {
        requireNonNull(random, "random is null");
        resetOrder();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        shuffled = true;
    }

    /** The example read at each position of the current order; a copy. */
    public int[] order() {
        return order.clone();
    }

    /**
     * Batch {@code index} of the current order, gathered into this object's tensors.
     *
     * @throws IndexOutOfBoundsException if the index is not in {@code [0, count())}
     */
    public Batch get(int index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("Batches: batch " + index + " of " + count());
        }
        int from = index * batchSize;
        int rows = Math.min(batchSize, order.length - from);
        for (int s = 0; s < sources.length; s++) {
            Tensor target = buffers[s].get(rows, perExample[s]);
            gather(sources[s], strides[s], from, rows, target.data());
            batch.set(s, target);
        }
        batch.index = index;
        batch.size = rows;
        return batch;
    }

    private void gather(Tensor source, int stride, int from, int rows, float[] into) {
        float[] array = source.array();
        int base = source.offset();
        if (!shuffled) {
            System.arraycopy(array, base + from * stride, into, 0, rows * stride);
            return;
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(array, base + order[from + r] * stride, into, r * stride, stride);
        }
    }

    /**
     * One batch: a tensor per feature and per target, all of {@link #size()} examples; the lists and tensors
     * are reused by the next {@link Batches#get}.
     */
    public static final class Batch {
        private final List<Tensor> features;
        private final List<Tensor> targets;
        private final int inputs;
        private int index;
        private int size;

        private Batch(int inputs, int outputs) {
            this.inputs = inputs;
            this.features = Arrays.asList(new Tensor[inputs]);
            this.targets = Arrays.asList(new Tensor[outputs]);
        }

        private void set(int source, Tensor tensor) {
            if (source < inputs) {
                features.set(source, tensor);
            } else {
                targets.set(source - inputs, tensor);
            }
        }

        /** One tensor per model input; do not change the list. */
        public List<Tensor> features() {
            return features;
        }

        /** One tensor per model output; do not change the list. */
        public List<Tensor> targets() {
            return targets;
        }

        /** The position of this batch in its epoch, from 0. */
        public int index() {
            return index;
        }

        /** The number of examples. */
        public int size() {
            return size;
        }
    }
}
