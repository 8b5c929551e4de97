package dev.descent.bench;

import dev.descent.api.Loss;
import dev.descent.api.Tensor;
import dev.descent.nn.Linear;
import dev.descent.nn.Relu;
import dev.descent.nn.Sequential;
import dev.descent.nn.Softmax;
import dev.descent.nn.data.Dataset;
import dev.descent.nn.data.OneHot;
import dev.descent.nn.train.History;
import dev.descent.nn.train.Trainer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seed's reference MLP trained through the public {@link Trainer}, one epoch per invocation, for
 * comparison with PyTorch on the same machine: {@code bench/torch_mlp.py} trains the same model, loss,
 * optimizer and batch sizes, and {@code bench/run-mlp-benchmark.sh} runs both and prints the ratio (issue 12).
 *
 * <p>The model is 784-64-64-10 with relu, relu and softmax, trained with {@code mse} on one-hot targets (the
 * seed's choice) and {@code adam(lr=0.001, eps=1e-7)}; weights and biases are {@link Linear}'s defaults
 * (PyTorch's {@code nn.Linear} initialisation, which the PyTorch script keeps too). {@code loss=cross_entropy}
 * drops the softmax and trains cross-entropy on the logits against class indices, the other loss issue 12
 * names.
 *
 * <p>The data: {@link #SAMPLES} random examples, features uniform in [0, 1), labels uniform over the 10
 * classes, drawn once from a fixed seed and held in memory (the same shapes and distribution as the PyTorch
 * script's; the bits differ, which dense float arithmetic does not care about). No shuffling (the Trainer then
 * reads the batches in order, still copying each into its reused batch tensors), no validation, no metrics,
 * no callbacks: an invocation is {@link #SAMPLES} / {@code batch} steps (rounded up; the last batch holds the
 * rest) plus the Trainer's fixed cost per epoch. The weights keep training across invocations, as epochs do.
 *
 * <p>Throughput counts examples: JMH's ops/s are samples per second. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} is bytes per sample; times {@link #SAMPLES} / {@link #steps(int)} it is bytes
 * per step, the Trainer's per-epoch allocation (its History) spread over the epoch's steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MlpTrainingBenchmark.SAMPLES)
// An epoch takes seconds with the scalar kernels, so an iteration of 1 s is one epoch; 3 warm-up epochs are
// 705 (batch 256) to 5,625 (batch 32) steps before the measurement, enough for C2 to compile the step.
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
// The Vector API module, for the loss kernels (dev.descent.loss.kernel), as the descent launcher adds it.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class MlpTrainingBenchmark {
    /** Examples per epoch, as MNIST's training set (issue 12). */
    static final int SAMPLES = 60_000;
    static final int FEATURES = 784;
    static final int CLASSES = 10;
    /** The optimizer, made from its spec through its provider as the app would make it. */
    static final String OPTIMIZER = "adam(lr=0.001, eps=1e-7)";
    static final long DATA_SEED = 42;

    @Param({"32", "256"})
    public int batch;

    /** {@code mse} (softmax outputs against one-hot labels) or {@code cross_entropy} (logits, class indices). */
    @Param({"mse"})
    public String loss;

    private Trainer trainer;
    private Dataset data;

    @Setup(Level.Trial)
    public void setUp() {
        boolean crossEntropy = switch (loss) {
            case "mse" -> false;
            case "cross_entropy" -> true;
            default -> throw new IllegalArgumentException("loss must be mse or cross_entropy, got '" + loss + "'");
        };
        data = dataset(SAMPLES, DATA_SEED, crossEntropy);
        Sequential model = crossEntropy
                ? Sequential.of(new Linear(FEATURES, 64), new Relu(), new Linear(64, 64), new Relu(),
                        new Linear(64, CLASSES))
                : Sequential.of(new Linear(FEATURES, 64), new Relu(), new Linear(64, 64), new Relu(),
                        new Linear(64, CLASSES), Softmax.softmax(-1));
        Loss measured = BenchLosses.create(loss);
        trainer = Trainer.builder().model(model).loss(measured).optimizer(OptimizerBenchmark.create(OPTIMIZER))
                .epochs(1).batchSize(batch).shuffle(false).seed(1).build();
    }

    /** One epoch: {@link #steps(int)} training steps over the {@link #SAMPLES} examples. */
    @Benchmark
    public History epoch() {
        History history = trainer.fit(data);
        if (history.size() != 1) {
            throw new IllegalStateException("the epoch did not finish: " + history.stopReason());
        }
        return history;
    }

    /** Steps per epoch (per invocation) at a batch size: the last batch holds what is left. */
    static int steps(int batch) {
        return (SAMPLES + batch - 1) / batch;
    }

    /**
     * {@code samples} random examples: features {@code [samples, 784]} uniform in [0, 1), labels uniform over
     * the classes, one-hot {@code [samples, 10]} or class indices {@code [samples]}.
     */
    static Dataset dataset(int samples, long seed, boolean classIndices) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] features = new float[samples * FEATURES];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextDouble();
        }
        float[] labels = new float[samples];
        for (int i = 0; i < samples; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        Tensor labelTensor = Tensor.vector(labels);
        return Dataset.of(Tensor.of(features, samples, FEATURES),
                classIndices ? labelTensor : OneHot.encode(labelTensor, CLASSES));
    }

    /** Prints {@link #SAMPLES}, the examples per epoch, for the report ({@code bench/mlp-report.py}). */
    public static void main(String[] args) {
        System.out.println(SAMPLES);
    }
}
