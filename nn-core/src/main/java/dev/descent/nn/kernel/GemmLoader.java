package dev.descent.nn.kernel;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Chooses the {@link Gemm} of this JVM once, when {@link Kernels#gemm} is first called: the Vector API
 * implementation when the JVM was started with {@code --add-modules jdk.incubator.vector} and it loads, else
 * the scalar one, with a log line saying why. The vector class is loaded by name only after the module was
 * found, so that nothing links against the incubator API on a JVM without it (as loss-core's
 * {@code LossKernelsLoader}).
 */
final class GemmLoader {
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "dev.descent.nn.kernel.VectorGemm";
    private static final Logger LOG = System.getLogger(Kernels.class.getName());

    /** Initialised on first use of this class (the holder idiom): lazily, once, thread-safely. */
    static final Gemm CHOSEN = choose();

    private GemmLoader() {}

    private static Gemm choose() {
        try {
            Gemm vector = vector();
            LOG.log(Level.DEBUG, "matrix products: " + vector);
            return vector;
        } catch (UnavailableException e) {
            ScalarGemm scalar = new ScalarGemm();
            LOG.log(Level.INFO, "matrix products: " + scalar + ", because " + e.getMessage());
            return scalar;
        }
    }

    /** The Vector API implementation, if this JVM can run it; for {@link #choose} and the tests. */
    static Gemm vector() throws UnavailableException {
        return vector(-1);
    }

    /**
     * The Vector API implementation with products below {@code small} multiply-adds left to the scalar loops,
     * or its default threshold when {@code small} is negative; the tests take 0, to run every shape on vectors.
     */
    static Gemm vector(long small) throws UnavailableException {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            throw new UnavailableException("the module " + VECTOR_MODULE + " is not present; start Java with"
                    + " --add-modules " + VECTOR_MODULE + " to vectorise them", null);
        }
        try {
            Class<?> vector = Class.forName(VECTOR_CLASS);
            return (Gemm) (small < 0 ? vector.getDeclaredConstructor().newInstance()
                    : vector.getDeclaredConstructor(long.class).newInstance(small));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // An incubator API that changed (LinkageError), or a CPU with narrow vectors (the constructor).
            Throwable cause = Optional.ofNullable(e.getCause()).orElse(e);
            throw new UnavailableException("the vectorised GEMM failed to load: " + cause, cause);
        }
    }

    /** Why the vectorised kernels cannot be used here. */
    static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
