package dev.descent.bench;

import dev.descent.api.Loss;
import dev.descent.api.Tensor;
import java.util.Arrays;
import java.util.List;
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
 * One loss value plus gradient, {@code compute(predictions, targets, gradient)}, on preallocated tensors
 * of the {@link Size sizes} the issue names, to compare with {@link CopyBaseline} in the same run:
 * GB/s = {@link Inputs#bytes() bytes moved} / (ns per operation), 12 bytes per element for an element-wise
 * loss, 8 per element plus 4 per row for cross_entropy with class-index targets ({@link Traffic} prints them).
 *
 * <p>{@code warmedWith} says what the JVM ran before the measurement. {@code itself}: only this loss, as
 * a training run with one loss. {@code all}: every loss of the {@code loss} list ran {@code compute} first,
 * as in a JVM that evaluates several losses; {@link dev.descent.api.ElementwiseLoss}'s shared loop then
 * has seen several classes, and the JIT compiles its calls to {@code value} and {@code derivative} as
 * virtual calls instead of inlining them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// The Vector API module, for the loss kernels (dev.descent.loss.kernel), as the descent launcher adds it.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class LossBenchmark {
    /**
     * The losses measured: a registered loss's spec, or {@code dual:NAME} / {@code hand:NAME} (see
     * {@link BenchLosses}). Adding a loss is adding its spec here, e.g. {@code "huber(delta=1)"}; a spec
     * must not contain a comma, which separates values on JMH's command line ({@code -p loss=a,b}).
     */
    @Param({"mse", "l1", "smooth_l1", "huber", "log_cosh", "bce", "bce_with_logits", "cross_entropy",
            "dual:mse", "hand:log_cosh"})
    public String loss;

    @Param({"small", "medium", "large"})
    public String size;

    @Param({"itself", "all"})
    public String warmedWith;

    private Loss measured;
    private Tensor predictions;
    private Tensor targets;
    private Tensor gradient;

    @Setup
    public void setUp() throws NoSuchFieldException {
        measured = BenchLosses.create(loss);
        Inputs inputs = BenchLosses.inputs(loss, Size.of(size), 42);
        predictions = inputs.predictions;
        targets = inputs.targets;
        gradient = inputs.gradient;
        if (warmedWith.equals("all")) {
            warmWith(declaredLosses());
        }
    }

    /** The losses of the {@code loss} {@code @Param}, so that the list is written once. */
    static List<String> declaredLosses() throws NoSuchFieldException {
        return Arrays.asList(LossBenchmark.class.getField("loss").getAnnotation(Param.class).value());
    }

    /**
     * Runs every loss in turn on small inputs of its kind, long enough for the JIT to compile the shared loop
     * with the type profile they leave (C2 compiles after about 10^4 invocations plus loop iterations).
     */
    private static void warmWith(List<String> specs) {
        List<Loss> losses = specs.stream().map(BenchLosses::create).toList();
        List<Inputs> inputs = specs.stream().map(spec -> BenchLosses.inputs(spec, Size.SMALL, 7)).toList();
        double sink = 0;
        for (int round = 0; round < 20_000; round++) {
            for (int i = 0; i < losses.size(); i++) {
                Inputs in = inputs.get(i);
                sink += losses.get(i).compute(in.predictions, in.targets, in.gradient);
            }
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("a loss gave NaN on finite inputs while warming up");
        }
    }

    @Benchmark
    public double valueAndGradient() {
        return measured.compute(predictions, targets, gradient);
    }
}
