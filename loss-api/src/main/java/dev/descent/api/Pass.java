package dev.descent.api;

import static java.util.Objects.requireNonNull;

import java.util.random.RandomGenerator;

/**
 * What a forward pass is for, handed to every {@link Layer#forward}: training or inference, and in
 * training the random source of layers such as dropout. A model makes one for training (from its seed)
 * and uses {@link #INFERENCE} to evaluate, so a seeded run draws the same masks every time.
 *
 * <p>Made once and passed down to every layer, never per batch.
 */
public final class Pass {
    /** An inference pass: layers behave as in evaluation and keep nothing for backward. */
    public static final Pass INFERENCE = new Pass(false, null);

    private final boolean training;
    private final RandomGenerator random;

    private Pass(boolean training, RandomGenerator random) {
        this.training = training;
        this.random = random;
    }

    /** A training pass drawing its random numbers (dropout masks) from {@code random}, in layer order. */
    public static Pass training(RandomGenerator random) {
        return new Pass(true, requireNonNull(random, "random is null"));
    }

    /**
     * Whether the layer should keep what {@link Layer#backward} needs and behave as in training (dropout
     * drops, batch norm uses the batch's statistics and updates its running ones).
     */
    public boolean training() {
        return training;
    }

    /**
     * The random source of a training pass.
     *
     * @throws IllegalStateException in an inference pass, which must not draw random numbers
     */
    public RandomGenerator random() {
        if (random == null) {
            throw new IllegalStateException("an inference pass has no random source: a layer must draw random"
                    + " numbers only in training");
        }
        return random;
    }

    @Override
    public String toString() {
        return training ? "training pass" : "inference pass";
    }
}
