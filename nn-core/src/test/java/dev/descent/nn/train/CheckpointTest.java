package dev.descent.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.nn.Linear;
import dev.descent.nn.Sequential;
import dev.descent.optim.Sgd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path folder;

    /** Writes each file with the epoch's number as text, and records what was written. */
    private final List<String> written = new ArrayList<>();

    private final Checkpoint.Writer writer = (modelFile, optimizerFile, model, optimizer, metadata) -> {
        Files.writeString(modelFile, metadata.get("epoch"));
        Files.writeString(optimizerFile, metadata.get("epoch"));
        written.add(modelFile.getFileName().toString());
    };

    private FakeContext context() {
        Sequential model = Sequential.of(new Linear(1, 1));
        model.build(List.of(new int[] {1}), new SplittableRandom(1));
        return new FakeContext(model, Sgd.builder().lr(0.1).build());
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheLastKPeriodicCheckpoints() throws IOException {
        Checkpoint checkpoint = Checkpoint.builder(folder).every(2).keepLast(2).build(writer);
        FakeContext context = context();
        checkpoint.onTrainBegin(context);

        for (int e = 0; e < 7; e++) {
            checkpoint.onEpochEnd(context, FakeContext.epoch(e, Map.of("loss", 1.0)));
        }

        // Epochs 2, 4 and 6 (from 1) were saved; 2 was deleted when 6 came.
        assertThat(written).containsExactly("epoch-0002.safetensors", "epoch-0004.safetensors",
                "epoch-0006.safetensors");
        assertThat(files()).containsExactly("epoch-0004.optimizer.safetensors", "epoch-0004.safetensors",
                "epoch-0006.optimizer.safetensors", "epoch-0006.safetensors");
    }

    @Test
    void savesTheBestEpochByItsMonitor() throws IOException {
        Checkpoint checkpoint = Checkpoint.builder(folder).every(0).best("val_loss", Monitor.Mode.AUTO).build(writer);
        FakeContext context = context();
        checkpoint.onTrainBegin(context);
        double[] valLosses = {0.9, 0.5, 0.7, 0.4, 0.6};

        for (int e = 0; e < valLosses.length; e++) {
            checkpoint.onEpochEnd(context, FakeContext.epoch(e, Map.of("val_loss", valLosses[e])));
        }

        assertThat(written).hasSize(3);
        assertThat(files()).containsExactly("best.optimizer.safetensors", "best.safetensors");
        assertThat(Files.readString(folder.resolve("best.safetensors"))).isEqualTo("4");
        assertThat(checkpoint.best()).isEqualTo(0.4);
    }

    @Test
    void aCheckpointWrittenByModelFilesLoadsBackIntoAFreshModelAndOptimizer() throws IOException {
        Sequential model = TrainerFitTest.mlp();
        dev.descent.api.Optimizer adam = dev.descent.optim.Adam.builder().lr(0.01).build();
        Trainer trainer = Trainer.builder().model(model).loss(new dev.descent.loss.MseLoss()).optimizer(adam)
                .epochs(2).batchSize(10).callback(Checkpoint.builder(folder).build()).build();
        trainer.fit(TrainerFitTest.regression(25, 1));

        Sequential fresh = TrainerFitTest.mlp();
        fresh.build(List.of(new int[] {4}), new SplittableRandom(99));
        Map<String, String> metadata = dev.descent.nn.io.ModelFiles.load(folder.resolve("epoch-0002.safetensors"), fresh);
        dev.descent.api.State state = dev.descent.nn.io.ModelFiles.loadState(
                folder.resolve("epoch-0002.optimizer.safetensors"));

        assertThat(metadata).containsEntry("epoch", "2");
        for (int i = 0; i < model.parameters().size(); i++) {
            assertThat(fresh.parameters().get(i).value().data()).containsExactly(model.parameters().get(i).value().data());
        }
        assertThat(state.tensors().keySet()).isEqualTo(adam.state().tensors().keySet());
        assertThat(files()).containsExactly("epoch-0002.optimizer.safetensors", "epoch-0002.safetensors");
    }
}
