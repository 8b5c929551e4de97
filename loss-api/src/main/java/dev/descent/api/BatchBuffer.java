package dev.descent.api;

import java.util.Arrays;

/**
 * A tensor a layer owns and reuses from batch to batch: {@link #get} hands back the same tensor while the
 * shape asked for stays the same, and keeps the tensors of the last two shapes, so an epoch whose last
 * batch is smaller allocates nothing once both sizes have been seen. The contents are what the last user
 * wrote; a caller that accumulates into the tensor clears it first ({@link #zeroed}).
 *
 * <p>Not thread-safe: one buffer belongs to one layer.
 */
public final class BatchBuffer {
    private Tensor recent;
    private Tensor previous;

    /**
     * A tensor of shape {@code [batch, perExample...]}, reused while that shape is asked for.
     *
     * @throws IllegalArgumentException if the shape holds more elements than an array can
     */
    public Tensor get(int batch, int[] perExample) {
        if (fits(recent, batch, perExample)) {
            return recent;
        }
        if (fits(previous, batch, perExample)) {
            Tensor hit = previous;
            previous = recent;
            recent = hit;
            return hit;
        }
        int[] shape = new int[perExample.length + 1];
        shape[0] = batch;
        System.arraycopy(perExample, 0, shape, 1, perExample.length);
        previous = recent;
        recent = Tensor.zeros(shape);
        return recent;
    }

    /** A tensor of exactly {@code shape} (batch first), reused while that shape is asked for. */
    public Tensor get(int[] shape) {
        if (recent != null && Arrays.equals(recent.shapeView(), shape)) {
            return recent;
        }
        if (previous != null && Arrays.equals(previous.shapeView(), shape)) {
            Tensor hit = previous;
            previous = recent;
            recent = hit;
            return hit;
        }
        previous = recent;
        recent = Tensor.zeros(shape);
        return recent;
    }

    /** {@link #get(int, int[])}, filled with zeros. */
    public Tensor zeroed(int batch, int[] perExample) {
        Tensor tensor = get(batch, perExample);
        tensor.fill(0f);
        return tensor;
    }

    /** {@link #get(int[])}, filled with zeros. */
    public Tensor zeroed(int[] shape) {
        Tensor tensor = get(shape);
        tensor.fill(0f);
        return tensor;
    }

    /** Forgets the tensors, as when the layer is initialised again. */
    public void clear() {
        recent = null;
        previous = null;
    }

    private static boolean fits(Tensor tensor, int batch, int[] perExample) {
        if (tensor == null) {
            return false;
        }
        int[] shape = tensor.shapeView();
        if (shape.length != perExample.length + 1 || shape[0] != batch) {
            return false;
        }
        for (int i = 0; i < perExample.length; i++) {
            if (shape[i + 1] != perExample[i]) {
                return false;
            }
        }
        return true;
    }
}
