package dev.descent.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bandwidth a loss is compared with: {@code g[i] = p[i] + t[i]} over arrays of the loss benchmark's
 * sizes. It moves exactly the bytes a loss with gradient moves (read a prediction and a target, write a
 * gradient: 12 bytes per element) with the least work the JIT can do on them (the
 * loop is vectorised), so it is the ceiling for any element-wise loss on this machine, in this JVM, at
 * this size. A plain {@code System.arraycopy} would move only 8 bytes per element and let a loss look
 * faster than memory allows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// The Vector API module, for the loss kernels (dev.descent.loss.kernel), as the descent launcher adds it.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class CopyBaseline {
    @Param({"small", "medium", "large"})
    public String size;

    private float[] p;
    private float[] t;
    private float[] g;

    @Setup
    public void setUp() {
        Inputs inputs = new Inputs(Inputs.Kind.REGRESSION, Size.of(size).shape(), 42);
        p = inputs.predictions.data();
        t = inputs.targets.data();
        g = inputs.gradient.data();
    }

    /** One pass: read two arrays, write one. GB/s = 12 bytes × elements / (ns per operation). */
    @Benchmark
    public void copy() {
        float[] p = this.p;
        float[] t = this.t;
        float[] g = this.g;
        for (int i = 0; i < g.length; i++) {
            g[i] = p[i] + t[i];
        }
    }
}
