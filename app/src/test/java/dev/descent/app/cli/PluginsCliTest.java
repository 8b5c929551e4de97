package dev.descent.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.app.plugin.PluginSources;
import dev.descent.app.plugin.TestJars;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin side of the CLI, run in-process on a folder of jars built in the test. */
class PluginsCliTest {
    @TempDir
    Path folder;

    @TempDir
    Path elsewhere;

    record Run(int status, String out, String err) {}

    private Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = DescentCommand.execute(new DescentCommand(null, environment::get), new PrintWriter(out),
                new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    @BeforeEach
    void dropPlugins() throws IOException {
        String source = """
                package org.acme;
                import dev.descent.api.*;
                import java.util.List;
                public class TripleLoss implements LossProvider {
                    public String name() { return "triple"; }
                    public String description() { return "three times the sum of p - t"; }
                    public Loss create(Params params) {
                        return new Loss() {
                            public String name() { return "triple"; }
                            public double compute(Tensor p, Tensor t, Tensor g) {
                                double sum = 0;
                                for (int i = 0; i < p.size(); i++) {
                                    sum += 3.0 * (p.data()[i] - t.data()[i]);
                                    if (g != null) { g.data()[i] = 3f; }
                                }
                                return sum;
                            }
                            public Tensor unreduced(Tensor p, Tensor t) { return Tensor.zerosLike(p); }
                        };
                    }
                }
                """;
        TestJars.builder().source("org.acme.TripleLoss", source)
                .service("dev.descent.api.LossProvider", "org.acme.TripleLoss")
                .manifest("Descent-Plugin-Id", "acme").manifest("Descent-Plugin-Version", "0.3")
                .manifest("Descent-Api-Version", "2.0")
                .write(folder.resolve("acme.jar"));
        TestJars.corrupt(folder.resolve("broken.jar"));
    }

    @Test
    void pluginLossIsUsableFromTheLossCommand() {
        // 3 * ((2 - 1) + (4 - 2)) = 9, gradient 3 everywhere
        Run run = run("--plugins", folder.toString(), "loss", "acme:triple", "--pred", "2,4", "--target", "1,2", "--grad");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualToIgnoringNewLines("triple = 9gradient = 3, 3");
    }

    @Test
    void listShowsLoadedAndRefusedPluginsWithReasons() {
        Run run = run("--plugins", folder.toString(), "plugins", "list");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("acme 0.3  loaded").contains("loss acme:triple (org.acme.TripleLoss)")
                .contains("broken (no version)  refused: 'broken.jar' is not a readable jar");
    }

    @Test
    void listAsJsonCarriesTheHashOfEachJar() throws Exception {
        Run run = run("--plugins", folder.toString(), "plugins", "list", "--json");

        JsonNode acme = DescentCommand.JSON.readTree(run.out()).get("plugins").get(0);
        assertThat(acme.get("id").asText()).isEqualTo("acme");
        assertThat(acme.get("state").asText()).isEqualTo("loaded");
        assertThat(acme.get("sha256").asText()).isEqualTo(sha256(folder.resolve("acme.jar")));
    }

    /** Computed here, independently of the loader's own hashing. */
    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void environmentVariableNamesTheFolder() {
        Run run = run(Map.of("DESCENT_PLUGINS", folder.toString()), "list", "losses");

        assertThat(run.out()).contains("acme:triple").contains("[plugin 'acme']");
    }

    @Test
    void aFolderNamedLikeASubcommandIsTheOptionsValue() {
        // No folder 'plugins' here: the error shows the word was read as the folder, not as the subcommand.
        Run run = run("--plugins", "plugins", "plugins", "list");

        assertThat(run.err()).isEqualToIgnoringNewLines(
                "descent plugins list: plugin folder 'plugins' does not exist or is not a folder");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void missingPluginFolderIsOneLineAndStatus1() {
        Run run = run("--plugins", folder.resolve("nope").toString(), "list");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines(
                "descent list: plugin folder '" + folder.resolve("nope") + "' does not exist or is not a folder");
    }

    @Test
    void lockWrittenByTheCommandIsAcceptedAndATamperedJarRefused() throws IOException {
        Path lockFile = elsewhere.resolve("plugins.lock");
        Run lock = run("--plugins", folder.toString(), "plugins", "lock", lockFile.toString());
        assertThat(lock.status()).isZero();
        assertThat(Files.readString(lockFile)).contains("  acme.jar").contains("  broken.jar");

        Run accepted = run("--plugins", folder.toString(), "--lock", lockFile.toString(), "loss", "triple",
                "--pred", "1", "--target", "0");
        assertThat(accepted.out()).isEqualToIgnoringNewLines("triple = 3");

        // A byte appended after the zip's end leaves the jar readable, but changes its hash.
        Files.write(folder.resolve("acme.jar"), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        Run refused = run("--plugins", folder.toString(), "--lock", lockFile.toString(), "plugins", "list");
        assertThat(refused.out()).contains("acme 0.3  refused: SHA-256 ").contains("differs from");
    }

    @Test
    void verifyOfAWellMadePluginPassesEveryCheck() {
        Path wing = Path.of(System.getProperty("descent.example.plugins", "../plugins"),
                "wing/target/descent-plugin-wing.jar");

        Run run = run("plugins", "verify", wing.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).doesNotContain("FAIL").containsPattern("wing: (\\d+) of \\1 contract checks pass");
    }

    @Test
    void verifyReportsAWrongGradientAndExits1() throws IOException {
        // The value is 3 * sum(p - t), so the gradient is 3; the plugin claims 2.
        Path jar = TestJars.builder().source("org.bad.Wrong", """
                package org.bad;
                import dev.descent.api.*;
                public class Wrong implements LossProvider {
                    public String name() { return "wrong"; }
                    public String description() { return "three times the sum of p - t, with a wrong gradient"; }
                    public Loss create(Params params) {
                        return new Loss() {
                            public String name() { return "wrong"; }
                            public double compute(Tensor p, Tensor t, Tensor g) {
                                Shapes.requireSameShape("wrong", p, t);
                                double sum = 0;
                                for (int i = 0; i < p.size(); i++) {
                                    sum += 3.0 * (p.data()[i] - t.data()[i]);
                                    if (g != null) { g.data()[i] = 2f; }
                                }
                                return sum;
                            }
                            public Tensor unreduced(Tensor p, Tensor t) {
                                Shapes.requireSameShape("wrong", p, t);
                                return Tensor.zerosLike(p);
                            }
                        };
                    }
                }
                """).service("dev.descent.api.LossProvider", "org.bad.Wrong")
                .manifest("Descent-Plugin-Id", "bad").write(elsewhere.resolve("bad.jar"));

        Run run = run("plugins", "verify", jar.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL wrong: loss gradient matches finite differences [wrong]")
                .containsPattern("bad: \\d+ of \\d+ contract checks pass; [1-9]\\d* fail");
    }

    @Test
    void verifyRunsTheLayerChecksOnAPluginLayerSmallerBatchIncluded() throws IOException {
        Path good = TestJars.builder()
                .source("org.good.ScaleProvider", PluginSources.scaleLayer("org.good.ScaleProvider", "scale", false))
                .service("dev.descent.api.LayerProvider", "org.good.ScaleProvider")
                .manifest("Descent-Plugin-Id", "good").write(elsewhere.resolve("good.jar"));
        Path stuck = TestJars.builder()
                .source("org.stuck.ScaleProvider", PluginSources.scaleLayer("org.stuck.ScaleProvider", "scale", true))
                .service("dev.descent.api.LayerProvider", "org.stuck.ScaleProvider")
                .manifest("Descent-Plugin-Id", "stuck").write(elsewhere.resolve("stuck.jar"));

        Run passes = run("plugins", "verify", good.toString());
        Run fails = run("plugins", "verify", stuck.toString());

        assertThat(passes.status()).isZero();
        assertThat(passes.out()).contains("PASS scale: layer smaller batch gives the same outputs [scale]")
                .contains("PASS scale: layer input gradient matches finite differences [scale]")
                .containsPattern("good: (\\d+) of \\1 contract checks pass");
        assertThat(fails.status()).isEqualTo(1);
        assertThat(fails.out()).contains("FAIL scale: layer smaller batch gives the same outputs [scale]")
                .containsPattern("stuck: \\d+ of \\d+ contract checks pass; 1 fail");
    }

    @Test
    void verifyOfARefusedPluginSaysWhyAndExits1() throws IOException {
        Path jar = TestJars.corrupt(elsewhere.resolve("cut.jar"));

        Run run = run("plugins", "verify", jar.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("cut: refused: 'cut.jar' is not a readable jar");
    }

    @Test
    void inspectPointsOutAnUnregisteredProviderAndExits1() throws IOException {
        Path jar = TestJars.builder()
                .source("org.acme.Listed", PluginSources.constantLoss("org.acme.Listed", "listed", 1))
                .source("org.acme.Forgotten", PluginSources.constantLoss("org.acme.Forgotten", "forgotten", 1))
                .service("dev.descent.api.LossProvider", "org.acme.Listed")
                .write(elsewhere.resolve("half-listed.jar"));

        Run run = run("plugins", "inspect", jar.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("NOT_REGISTERED").contains("org.acme.Forgotten");
    }

    @Test
    void inspectOfAMissingFileIsOneLine() {
        Run run = run("plugins", "inspect", elsewhere.resolve("nope.jar").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualToIgnoringNewLines("descent plugins inspect: '" + elsewhere.resolve("nope.jar")
                + "' does not exist; give a plugin jar or plugin folder");
    }
}
