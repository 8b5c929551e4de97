package dev.descent.api;

import java.util.Arrays;

/**
 * Dense, row-major {@code float} data with a shape; the first axis is the batch.
 *
 * <p>A tensor is a thin view over its backing array: {@link #of} does not copy, and {@link #data()} hands
 * the array to kernels, which read and write it in place. Sums over a tensor should be accumulated in
 * {@code double}.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /**
     * Wraps {@code data} (not copied) with the given shape.
     *
     * @throws IllegalArgumentException if a dimension is negative or the shape does not hold exactly
     *     {@code data.length} elements
     */
    public static Tensor of(float[] data, int... shape) {
        java.util.Objects.requireNonNull(data, "data is null");
        int[] copy = checkedShape(shape);
        long size = Shapes.size(copy);
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Shapes.toString(copy) + " holds " + size
                    + " elements but the data has " + data.length);
        }
        return new Tensor(data, copy);
    }

    /** A one-dimensional tensor of the given values (not copied). */
    public static Tensor vector(float... values) {
        return of(values, values.length);
    }

    /** A scalar: shape {@code []}, one element. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[0]);
    }

    /** A tensor of zeros with the given shape. */
    public static Tensor zeros(int... shape) {
        int[] copy = checkedShape(shape);
        long size = Shapes.size(copy);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + Shapes.toString(copy) + " holds " + size
                    + " elements, more than one array can hold");
        }
        return new Tensor(new float[(int) size], copy);
    }

    /** A tensor of zeros with the shape of {@code like}. */
    public static Tensor zerosLike(Tensor like) {
        return new Tensor(new float[like.data.length], like.shape.clone());
    }

    private static int[] checkedShape(int[] shape) {
        java.util.Objects.requireNonNull(shape, "shape is null");
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape " + Shapes.toString(shape) + " has a negative dimension");
            }
        }
        return shape.clone();
    }

    /** The shape, as a copy the caller may keep. */
    public int[] shape() {
        return shape.clone();
    }

    /** The length of one axis; negative axes count from the end, as in PyTorch. */
    public int dim(int axis) {
        int resolved = axis < 0 ? axis + shape.length : axis;
        if (resolved < 0 || resolved >= shape.length) {
            throw new IndexOutOfBoundsException("axis " + axis + " of a tensor of rank " + shape.length);
        }
        return shape[resolved];
    }

    public int rank() {
        return shape.length;
    }

    /** The number of elements. */
    public int size() {
        return data.length;
    }

    /** The backing array, row-major; writes through. */
    public float[] data() {
        return data;
    }

    /** The element at a full index, one coordinate per axis. */
    public float get(int... index) {
        return data[offset(index)];
    }

    /** Sets the element at a full index, one coordinate per axis. */
    public void set(float value, int... index) {
        data[offset(index)] = value;
    }

    private int offset(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " does not fit shape "
                    + Shapes.toString(shape));
        }
        int offset = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is outside shape "
                        + Shapes.toString(shape));
            }
            offset = offset * shape[axis] + index[axis];
        }
        return offset;
    }

    /** The same data seen with another shape of the same size. */
    public Tensor reshape(int... newShape) {
        return of(data, newShape);
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** Sets every element to {@code value}. */
    public void fill(float value) {
        Arrays.fill(data, value);
    }

    /** Copies the values of {@code source}, which must have the same shape, into this tensor. */
    public void copyFrom(Tensor source) {
        if (!hasShape(source.shape)) {
            throw new IllegalArgumentException("cannot copy a tensor of shape " + Shapes.toString(source.shape)
                    + " into one of shape " + Shapes.toString(shape));
        }
        System.arraycopy(source.data, 0, data, 0, data.length);
    }

    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /** Whether {@code other} has this shape; without copying either, for checks on every call of a loss. */
    boolean hasShapeOf(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** Shape and, for small tensors, values: {@code Tensor[2, 2] [1.0, 2.0, 3.0, 4.0]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Tensor").append(Shapes.toString(shape)).append(' ');
        int shown = Math.min(data.length, 16);
        text.append('[');
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return text.append(shown < data.length ? ", ...]" : "]").toString();
    }
}
