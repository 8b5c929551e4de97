package dev.descent.app.cli;

import dev.descent.api.Layer;
import dev.descent.api.Loss;
import dev.descent.api.Metric;
import dev.descent.api.Optimizer;
import dev.descent.app.Descent;
import dev.descent.nn.Sequential;
import dev.descent.nn.data.Dataset;
import dev.descent.nn.data.Mnist;
import dev.descent.nn.data.OneHot;
import dev.descent.nn.io.ModelFiles;
import dev.descent.nn.train.History;
import dev.descent.nn.train.OneHotTargets;
import dev.descent.nn.train.Trainer;
import dev.descent.nn.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code descent train}: trains the seed's reference example, a 784-64-64-10 MLP (relu, relu, softmax) on
 * the 10,000 embedded MNIST digits with Adam at Keras's defaults, MSE against one-hot labels, batch 32 and
 * the last 20% held out for validation, printing each epoch and the final evaluation. Every component is
 * made from its spec through the registries, as a pipeline file will make them (the pipeline issue adds
 * {@code descent train CONFIG}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the reference example: a 784-64-64-10 MLP on the embedded MNIST digits.",
        footer = {"", "Examples:",
            "  descent train",
            "  descent train --epochs 3 --loss cross_entropy --save mnist.safetensors"})
final class TrainCommand implements Callable<Integer> {
    static final List<String> HIDDEN_LAYERS = List.of("dense(64, activation=relu)", "dense(64, activation=relu)");
    static final String OPTIMIZER = "adam(lr=0.001, betas=[0.9, 0.999], eps=1e-7)";

    @ParentCommand
    DescentCommand parent;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "Examples per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the weights, the dropout masks and the shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "mse",
            description = "mse (on the softmax outputs against one-hot labels, as the seed's example) or"
                    + " cross_entropy (on the logits: the last layer has no softmax) (default: ${DEFAULT-VALUE}).")
    String lossName;

    @Option(names = "--save", paramLabel = "FILE", description = "Write the trained model as safetensors.")
    Path save;

    @Option(names = "--quiet", description = "Print only the final evaluation.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        boolean crossEntropy = switch (lossName) {
            case "mse" -> false;
            case "cross_entropy" -> true;
            default -> throw new IllegalArgumentException("--loss must be mse or cross_entropy, got '" + lossName
                    + "'");
        };
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("--epochs and --batch-size must be at least 1, got " + epochs + " and "
                    + batchSize);
        }
        Descent descent = parent.descent();
        List<String> specs = new ArrayList<>(HIDDEN_LAYERS);
        specs.add(crossEntropy ? "dense(10)" : "dense(10, activation=softmax)");
        List<Layer> layers = new ArrayList<>();
        for (String spec : specs) {
            layers.add(descent.layers().create(spec));
        }
        Sequential model = new Sequential(layers);
        Loss loss = descent.losses().create(lossName);
        Optimizer optimizer = descent.optimizers().create(OPTIMIZER);
        Metric accuracy = descent.metrics().create("accuracy");
        Dataset digits = crossEntropy ? Dataset.of(Mnist.images(), Mnist.labels())
                : Dataset.of(Mnist.images(), OneHot.encode(Mnist.labels(), Mnist.CLASSES));

        PrintWriter out = parent.spec.commandLine().getOut();
        if (!quiet) {
            out.printf("descent train: %s on %d MNIST digits (%.0f%% held out), %s, %s, batch %d, %d epochs, seed %d%n",
                    specs, Mnist.COUNT, 100 * 0.2, lossName, OPTIMIZER, batchSize, epochs, seed);
            out.flush();
        }
        Trainer trainer = Trainer.builder().model(model).loss(loss).optimizer(optimizer).epochs(epochs)
                .batchSize(batchSize).validationSplit(0.2).seed(seed)
                .metric(crossEntropy ? accuracy : OneHotTargets.decoding(accuracy))
                .listener(quiet ? new TrainingListener() {} : new EpochPrinter(out)).build();
        History history = trainer.fit(digits);

        History.Epoch last = history.last();
        history.stopReason().ifPresent(reason -> out.println("stopped: " + reason));
        out.printf(Locale.ROOT, "validation: loss %.4f, accuracy %.2f%% (%d digits)%n", last.validationLoss(),
                100 * last.value("val_accuracy"), Mnist.COUNT - digits.split(0.2).train().size());
        if (save != null) {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("model", String.join(", ", specs));
            metadata.put("input_shape", "[" + Mnist.PIXELS + "]");
            metadata.put("loss", lossName);
            ModelFiles.save(save, model, metadata);
            out.println("saved " + save);
        }
        out.flush();
        return history.stoppedOnNonFinite() ? DescentCommand.INVALID_INPUT : 0;
    }

    /** One line per epoch: every value the history holds, and the time. */
    private static final class EpochPrinter implements TrainingListener {
        private final PrintWriter out;

        EpochPrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void epochEnded(History.Epoch epoch) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %2d", epoch.epoch() + 1));
            epoch.values().forEach((key, value) -> line.append(String.format(Locale.ROOT, "  %s %.4f", key, value)));
            line.append(String.format(Locale.ROOT, "  %.1f s", epoch.seconds()));
            out.println(line);
            out.flush();
        }
    }
}
