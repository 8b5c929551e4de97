package dev.descent.api;

import java.util.Arrays;

/**
 * Dense, row-major {@code float} data with a shape; the first axis is the batch.
 *
 * <p>A tensor is a thin view over its backing array: {@link #of} does not copy, and {@link #data()} hands
 * the array to kernels, which read and write it in place. Sums over a tensor should be accumulated in
 * {@code double}.
 *
 * <p>A tensor may also be a <em>view</em> of a contiguous range of a larger array ({@link #view},
 * {@link #rows}, {@link #row}): a batch slice or one example, without a copy. A kernel that takes views
 * reads {@link #array()} from {@link #offset()} for {@link #size()} elements. {@link #data()} refuses a view
 * that does not cover its whole array, so code written for whole tensors cannot misread one.
 */
public final class Tensor {
    private final float[] data;
    private final int offset;
    private final int size;
    private final int[] shape;

    private Tensor(float[] data, int offset, int[] shape) {
        this.data = data;
        this.offset = offset;
        this.size = (int) Shapes.size(shape);
        this.shape = shape;
    }

    private Tensor(float[] data, int[] shape) {
        this(data, 0, shape);
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

    /**
     * A view of {@code data} from {@code offset} holding as many elements as {@code shape} says (not copied).
     *
     * @throws IllegalArgumentException if a dimension is negative or the range does not lie inside
     *     {@code data}
     */
    public static Tensor view(float[] data, int offset, int... shape) {
        java.util.Objects.requireNonNull(data, "data is null");
        int[] copy = checkedShape(shape);
        long size = Shapes.size(copy);
        if (offset < 0 || offset + size > data.length) {
            throw new IllegalArgumentException("a view of shape " + Shapes.toString(copy) + " (" + size
                    + " elements) from offset " + offset + " does not fit in an array of " + data.length);
        }
        return new Tensor(data, offset, copy);
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
        return new Tensor(new float[like.size], like.shape.clone());
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

    /**
     * The shape itself, not a copy, for code that reads it on every batch: the caller must not change it.
     */
    public int[] shapeView() {
        return shape;
    }

    /**
     * Examples {@code from} (inclusive) to {@code to} (exclusive) along the first axis, as a view sharing
     * this tensor's data.
     *
     * @throws IndexOutOfBoundsException if the range is not inside the first axis
     */
    public Tensor rows(int from, int to) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a scalar has no rows");
        }
        if (from < 0 || to > shape[0] || from > to) {
            throw new IndexOutOfBoundsException("rows " + from + " to " + to + " of a tensor of shape "
                    + Shapes.toString(shape));
        }
        int[] viewShape = shape.clone();
        viewShape[0] = to - from;
        int stride = shape[0] == 0 ? 0 : size / shape[0];
        return new Tensor(data, offset + from * stride, viewShape);
    }

    /** Example {@code index} of the first axis, without that axis, as a view sharing this tensor's data. */
    public Tensor row(int index) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a scalar has no rows");
        }
        if (index < 0 || index >= shape[0]) {
            throw new IndexOutOfBoundsException("row " + index + " of a tensor of shape " + Shapes.toString(shape));
        }
        int stride = size / shape[0];
        return new Tensor(data, offset + index * stride, Arrays.copyOfRange(shape, 1, shape.length));
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
        return size;
    }

    /**
     * The backing array, row-major; writes through.
     *
     * @throws IllegalStateException if this tensor is a view of part of its array; read {@link #array()}
     *     from {@link #offset()} instead
     */
    public float[] data() {
        if (offset != 0 || size != data.length) {
            throw new IllegalStateException("this tensor of shape " + Shapes.toString(shape) + " is a view of "
                    + size + " elements from offset " + offset + " of an array of " + data.length
                    + "; read array() from offset() instead of data()");
        }
        return data;
    }

    /** The backing array, of which this tensor holds {@link #size()} elements from {@link #offset()}. */
    public float[] array() {
        return data;
    }

    /** Where this tensor's first element lies in {@link #array()}; 0 unless it is a view. */
    public int offset() {
        return offset;
    }

    /** Whether this tensor covers its whole backing array, so that {@link #data()} may be called. */
    public boolean isWhole() {
        return offset == 0 && size == data.length;
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
        int position = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is outside shape "
                        + Shapes.toString(shape));
            }
            position = position * shape[axis] + index[axis];
        }
        return offset + position;
    }

    /**
     * The same data seen with another shape of the same size.
     *
     * @throws IllegalArgumentException if the new shape holds another number of elements
     */
    public Tensor reshape(int... newShape) {
        int[] copy = checkedShape(newShape);
        if (Shapes.size(copy) != size) {
            throw new IllegalArgumentException("cannot reshape a tensor of shape " + Shapes.toString(shape) + " ("
                    + size + " elements) to shape " + Shapes.toString(copy));
        }
        return new Tensor(data, offset, copy);
    }

    /** A deep copy, covering a new array of its own. */
    public Tensor copy() {
        return new Tensor(Arrays.copyOfRange(data, offset, offset + size), shape.clone());
    }

    /** Sets every element to {@code value}. */
    public void fill(float value) {
        Arrays.fill(data, offset, offset + size, value);
    }

    /** Copies the values of {@code source}, which must have the same shape, into this tensor. */
    public void copyFrom(Tensor source) {
        if (!hasShape(source.shape)) {
            throw new IllegalArgumentException("cannot copy a tensor of shape " + Shapes.toString(source.shape)
                    + " into one of shape " + Shapes.toString(shape));
        }
        System.arraycopy(source.data, source.offset, data, offset, size);
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
        int shown = Math.min(size, 16);
        text.append('[');
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(data[offset + i]);
        }
        return text.append(shown < size ? ", ...]" : "]").toString();
    }
}
