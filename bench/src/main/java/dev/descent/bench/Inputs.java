package dev.descent.bench;

import dev.descent.api.Tensor;
import java.util.SplittableRandom;

/**
 * Preallocated benchmark inputs of one {@link Kind kind}: predictions, targets and a gradient buffer the shape
 * of the predictions. {@link #bytes()} is the memory one {@code compute(predictions, targets, gradient)}
 * must at least move: read every prediction and target, write every gradient element.
 */
final class Inputs {
    /** What a loss accepts. Values are random so that branches on them are not predictable. */
    enum Kind {
        /** Predictions and targets in [-2, 2): random signs of {@code p - t} (l1, huber, smooth_l1). */
        REGRESSION,
        /** Predictions (probabilities) in [0.001, 0.999], targets 0 or 1: bce. */
        PROBABILITIES,
        /** Predictions (logits) in [-4, 4), targets 0 or 1: bce_with_logits. */
        LOGITS,
        /** Logits {@code [N, C]} in [-4, 4), targets class indices {@code [N]}: cross_entropy. */
        CLASS_INDICES
    }

    final Tensor predictions;
    final Tensor targets;
    final Tensor gradient;

    Inputs(Kind kind, int[] shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        switch (kind) {
            case REGRESSION -> {
                predictions = fill(Tensor.zeros(shape), random, -2, 2, false);
                targets = fill(Tensor.zeros(shape), random, -2, 2, false);
            }
            case PROBABILITIES -> {
                predictions = fill(Tensor.zeros(shape), random, 0.001, 0.999, false);
                targets = fill(Tensor.zeros(shape), random, 0, 2, true);
            }
            case LOGITS -> {
                predictions = fill(Tensor.zeros(shape), random, -4, 4, false);
                targets = fill(Tensor.zeros(shape), random, 0, 2, true);
            }
            case CLASS_INDICES -> {
                if (shape.length != 2) {
                    throw new IllegalArgumentException("class-index inputs need a shape [N, C], not "
                            + java.util.Arrays.toString(shape));
                }
                predictions = fill(Tensor.zeros(shape), random, -4, 4, false);
                targets = fill(Tensor.zeros(shape[0]), random, 0, shape[1], true);
            }
            default -> throw new AssertionError(kind);
        }
        gradient = Tensor.zerosLike(predictions);
    }

    /** Bytes one value-plus-gradient call reads and writes at least: 4 per float of the three tensors. */
    long bytes() {
        return 4L * (predictions.size() + targets.size() + gradient.size());
    }

    private static Tensor fill(Tensor tensor, SplittableRandom random, double from, double to, boolean integral) {
        float[] data = tensor.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = integral ? (float) Math.floor(random.nextDouble(from, to)) : (float) random.nextDouble(from, to);
        }
        return tensor;
    }
}
