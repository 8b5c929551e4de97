package dev.descent.app.cli;

import static dev.descent.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.app.cli.CliTest.Run;
import dev.descent.nn.io.SafeTensors;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code descent train}, shortened to one epoch: the full ten, and their accuracy against the 93% goal, are
 * nn-core's {@code MnistReferenceTest}.
 */
class TrainCommandTest {
    @TempDir
    Path folder;

    @Test
    void oneEpochOfTheReferenceExamplePrintsTheEpochAndTheEvaluation() {
        Run run = run("train", "--epochs", "1");

        assertThat(run.status()).as(run.err()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines[0]).isEqualTo("descent train: [dense(64, activation=relu), dense(64, activation=relu),"
                + " dense(10, activation=softmax)] on 10000 MNIST digits (20% held out), mse, adam(lr=0.001,"
                + " betas=[0.9, 0.999], eps=1e-7), batch 32, 1 epochs, seed 1");
        assertThat(lines[1]).matches("epoch  1  loss 0\\.\\d{4}  accuracy 0\\.\\d{4}  val_loss 0\\.\\d{4}"
                + "  val_accuracy 0\\.\\d{4}  lr 0\\.0010  \\d+\\.\\d s");
        assertThat(lines[2]).matches("validation: loss 0\\.\\d{4}, accuracy \\d\\d\\.\\d\\d% \\(2000 digits\\)");
        // One epoch of Adam on 8,000 digits already reaches well above chance (10%).
        double accuracy = Double.parseDouble(lines[2].replaceAll(".*accuracy (\\S+)%.*", "$1"));
        assertThat(accuracy).isGreaterThan(80);
    }

    @Test
    void saveWritesTheModelAsSafetensorsWithItsSpec() throws Exception {
        Path file = folder.resolve("mnist.safetensors");

        Run run = run("train", "--epochs", "1", "--loss", "cross_entropy", "--quiet", "--save", file.toString());

        assertThat(run.status()).as(run.err()).isZero();
        SafeTensors.Contents contents = SafeTensors.read(file);
        assertThat(contents.tensors().keySet()).containsExactly("0.weight", "0.bias", "1.weight", "1.bias",
                "2.weight", "2.bias");
        assertThat(contents.tensors().get("0.weight").shape()).containsExactly(64, 784);
        assertThat(contents.metadata()).containsEntry("model",
                "dense(64, activation=relu), dense(64, activation=relu), dense(10)").containsEntry("loss", "cross_entropy");
    }

    @Test
    void anotherLossIsRefusedSayingWhichAreOffered() {
        Run run = run("train", "--loss", "huber");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("descent train: --loss must be mse or cross_entropy, got 'huber'");
    }
}
