package dev.descent.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Pass;
import dev.descent.api.Layer;
import dev.descent.api.Loss;
import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import dev.descent.app.Descent;
import dev.descent.nn.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop-in test: the example plugins, as the build made them, copied into a folder; every provider
 * used by name and qualified name, and a few training steps with the plugin loss, optimizer and layer.
 */
class ExamplePluginsTest {
    /** Where the reactor built the example plugins (set by the app's surefire configuration). */
    private static final Path EXAMPLES = Path.of(System.getProperty("descent.example.plugins", "../plugins"));

    @TempDir
    Path folder;

    private Descent descent;

    @BeforeEach
    void dropInTheExamplePlugins() throws IOException {
        for (String name : List.of("wing", "adabelief", "mish")) {
            Path jar = EXAMPLES.resolve(name + "/target/descent-plugin-" + name + ".jar");
            Files.copy(jar, folder.resolve(jar.getFileName()));
        }
        for (String[] plugin : new String[][] {{"guava-old", "guava_old"}, {"guava-new", "guava_new"}}) {
            copyFolder(EXAMPLES.resolve(plugin[0] + "/target/plugin/" + plugin[1]), folder.resolve(plugin[1]));
        }
        descent = Descent.builder().plugins(folder).build();
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void everyExamplePluginLoads() {
        assertThat(descent.plugins()).allSatisfy(plugin -> assertThat(plugin.reason()).as(plugin.id()).isNull());
        assertThat(descent.plugins()).extracting(Plugin::id)
                .containsExactlyInAnyOrder("wing", "adabelief", "mish", "guava_old", "guava_new");
    }

    @Test
    void providersAreReachableByNameAndQualifiedName() {
        assertThat(descent.losses().create("wing(w=5, epsilon=1)").name()).isEqualTo("wing");
        assertThat(descent.losses().create("wing:wing").name()).isEqualTo("wing");
        assertThat(descent.optimizers().create("adabelief(lr=0.01)").learningRate()).isEqualTo(0.01);
        assertThat(descent.optimizers().create("adabelief:gradient_centralization(inner=adabelief(lr=0.02))")
                .learningRate()).isEqualTo(0.02);
        assertThat(descent.layers().create("mish:mish")).isNotNull();
    }

    @Test
    void twoPluginsUseTwoGuavaVersionsBesideTheApplicationsOwn() {
        assertThat(descent.losses().describe("guava_old:median_abs").description()).endsWith("(Guava 31.1-jre)");
        assertThat(descent.losses().describe("guava_new:percentile_abs").description()).endsWith("(Guava 32.1.3-jre)");
        assertThat(com.google.common.collect.ImmutableList.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()).contains("guava-33.5.0-jre");

        // |p - t| = 1, 5, 2, 4, 3: the median is 3; the 90th percentile interpolates 4 + 0.6 * (5 - 4) = 4.6
        Tensor predictions = Tensor.vector(1f, -5f, 2f, 4f, 3f);
        Tensor targets = Tensor.zeros(5);
        assertThat(descent.losses().create("median_abs").compute(predictions, targets)).isEqualTo(3.0);
        assertThat(descent.losses().create("percentile_abs").compute(predictions, targets))
                .isCloseTo(4.6, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void pluginLossOptimizerAndLayerTrainAModel() {
        // y = 2 x0 - x1 + 0.5 x2 on 32 random points, fitted by linear -> mish -> linear
        SplittableRandom random = new SplittableRandom(7);
        Tensor inputs = Tensor.zeros(32, 3);
        Tensor targets = Tensor.zeros(32, 1);
        for (int i = 0; i < 32; i++) {
            float x0 = (float) random.nextDouble(-1, 1);
            float x1 = (float) random.nextDouble(-1, 1);
            float x2 = (float) random.nextDouble(-1, 1);
            inputs.set(x0, i, 0);
            inputs.set(x1, i, 1);
            inputs.set(x2, i, 2);
            targets.set(2 * x0 - x1 + 0.5f * x2, i, 0);
        }
        List<Layer> layers = List.of(descent.layers().create("linear(out_features=16)"), descent.layers().create("mish"),
                descent.layers().create("linear(out_features=1)"));
        Sequential model = new Sequential(layers);
        model.initialize(new int[] {3}, new SplittableRandom(1));
        Loss loss = descent.losses().create("wing(w=1, epsilon=0.5)");
        Optimizer optimizer = descent.optimizers().create("gradient_centralization(inner=adabelief(lr=0.01))");
        List<Parameter> parameters = model.parameters();

        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 200; step++) {
            parameters.forEach(Parameter::zeroGradient);
            Tensor predictions = model.forward(inputs, Pass.training(new java.util.SplittableRandom(0)));
            Tensor gradient = Tensor.zerosLike(predictions);
            last = loss.compute(predictions, targets, gradient);
            if (step == 0) {
                first = last;
            }
            model.backward(gradient, true);
            optimizer.step(parameters);
        }

        assertThat(last).isLessThan(first / 4);
    }
}
