package dev.descent.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The input sizes of the loss benchmarks, as issue 5 names them. Each fits a different level of the memory
 * hierarchy: small (3 arrays of 320 floats, 4 KB) in L1, medium (3 MB) in L2/L3, large (192 MB) only in main
 * memory, so only large measures memory bandwidth. Each shape is also a classification batch {@code [N, C]}
 * (N examples, C classes), so that cross_entropy runs on the same sizes.
 */
public enum Size {
    SMALL(32, 10),
    MEDIUM(256, 1000),
    /** 16M elements, 2^24: 16384 examples of 1024 classes. */
    LARGE(16384, 1024);

    private final int[] shape;

    Size(int... shape) {
        this.shape = shape;
    }

    /** The size named {@code small}, {@code medium} or {@code large}, as in a JMH {@code @Param}. */
    public static Size of(String name) {
        for (Size size : values()) {
            if (size.paramName().equals(name)) {
                return size;
            }
        }
        throw new IllegalArgumentException("unknown size '" + name + "'; valid: small, medium, large");
    }

    /** The name used in {@code @Param} and in reports: {@code small}. */
    public String paramName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The first axis, N. */
    public int rows() {
        return shape[0];
    }

    public int elements() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }

    /** {@code [32, 10]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }
}
