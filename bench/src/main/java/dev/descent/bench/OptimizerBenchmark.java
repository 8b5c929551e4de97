package dev.descent.bench;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.Parameter;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import dev.descent.api.Tensor;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
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
 * One {@code Optimizer.step} over 1M and 10M float parameters, for comparison with PyTorch's
 * {@code optimizer.step()} (foreach implementation) on the same machine: {@code bench/torch_optimizer_step.py}
 * times the same optimizers, settings and sizes, and {@code bench/run-optimizer-benchmarks.sh} runs both and
 * prints the ratios.
 *
 * <p>The parameters are four tensors of a quarter of the size each (a small model's weights and biases are
 * several tensors; PyTorch's foreach kernels work on such lists), with gradients drawn once from [-1, 1).
 * The same gradients are used at every step, so the state keeps evolving (moments, momentum) but the
 * parameters stay finite over millions of steps at these learning rates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class OptimizerBenchmark {
    /** The number of tensors the parameters are split into. */
    static final int TENSORS = 4;

    /**
     * Optimizer specs, the same as the PyTorch script's (without commas, which separate values on JMH's
     * command line).
     */
    @Param({"sgd(lr=0.001)", "sgd(momentum=0.9)", "adam", "adamw", "lion"})
    public String optimizer;

    /** The number of parameters, over {@link #TENSORS} tensors. */
    @Param({"1000000", "10000000"})
    public int parameters;

    private Optimizer measured;
    private List<Parameter> model;

    @Setup
    public void setUp() {
        measured = create(optimizer);
        model = parameters(parameters, 42);
        measured.step(model); // the first step creates the state
    }

    @Benchmark
    public Optimizer step() {
        measured.step(model);
        return measured;
    }

    /** {@code count} parameters over {@link #TENSORS} tensors named {@code 0.weight} … with gradients in [-1, 1). */
    static List<Parameter> parameters(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int each = count / TENSORS;
        return java.util.stream.IntStream.range(0, TENSORS).mapToObj(k -> {
            float[] values = new float[k == TENSORS - 1 ? count - each * (TENSORS - 1) : each];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextDouble(-1, 1);
            }
            Parameter parameter = Parameter.of(k + ".weight", Tensor.vector(values));
            float[] gradient = parameter.gradient().data();
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = (float) random.nextDouble(-1, 1);
            }
            return parameter;
        }).toList();
    }

    /** The optimizer a spec names, through its provider, as the app would create it (bench does not depend on app). */
    static Optimizer create(String spec) {
        Spec parsed = Spec.parse(spec);
        OptimizerProvider provider = ServiceLoader.load(OptimizerProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.name().equals(parsed.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no optimizer '" + parsed.name() + "' in benchmark spec '"
                        + spec + "'"));
        return provider.create(Params.resolve("optimizer '" + provider.name() + "'", provider.params(),
                parsed.arguments(), ComponentResolver.NONE));
    }
}
