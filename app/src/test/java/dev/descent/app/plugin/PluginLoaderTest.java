package dev.descent.app.plugin;

import static dev.descent.app.plugin.PluginSources.LOSS_SPI;
import static dev.descent.app.plugin.PluginSources.constantLoss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Loss;
import dev.descent.api.Tensor;
import dev.descent.app.Descent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real jars, built in the test, dropped into a folder: what loads, what is refused and why. */
class PluginLoaderTest {
    @TempDir
    Path folder;

    /** Outside the plugin folder: libraries not bundled, lock files. */
    @TempDir
    Path elsewhere;

    private static final Tensor ONE = Tensor.vector(1f);

    private Path goodJar(String fileName, String id, String className, String name, double value) throws IOException {
        return TestJars.builder()
                .source(className, constantLoss(className, name, value))
                .service(LOSS_SPI, className)
                .manifest("Descent-Plugin-Id", id)
                .manifest("Descent-Plugin-Version", "1.2.3")
                .manifest("Descent-Api-Version", "2.0")
                .write(folder.resolve(fileName));
    }

    private Descent descent() {
        return Descent.builder().plugins(folder).build();
    }

    private static Plugin plugin(Descent descent, String id) {
        return descent.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static double value(Loss loss) {
        return loss.compute(ONE, ONE);
    }

    @Test
    void goodPluginIsReachableQualifiedAndBare() throws IOException {
        goodJar("acme.jar", "acme", "org.acme.HalfLoss", "half", 0.5);

        Descent descent = descent();

        assertThat(value(descent.losses().create("acme:half"))).isEqualTo(0.5);
        assertThat(value(descent.losses().create("half(reduction=sum)"))).isEqualTo(0.5);
        Plugin acme = plugin(descent, "acme");
        assertThat(acme.isLoaded()).isTrue();
        assertThat(acme.version()).isEqualTo("1.2.3");
        assertThat(acme.apiVersion()).isEqualTo("2.0");
        assertThat(acme.providers()).extracting(Plugin.Provided::qualifiedName).containsExactly("acme:half");
    }

    @Test
    void withoutAnIdTheJarNameStandsIn() throws IOException {
        TestJars.builder()
                .source("org.acme.HalfLoss", constantLoss("org.acme.HalfLoss", "half", 0.5))
                .service(LOSS_SPI, "org.acme.HalfLoss")
                .write(folder.resolve("nameless.jar"));

        Descent descent = descent();

        assertThat(value(descent.losses().create("nameless:half"))).isEqualTo(0.5);
        assertThat(plugin(descent, "nameless").notes()).contains("states no Descent-Api-Version; assumed compatible");
    }

    @Test
    void corruptJarIsRefusedAndTheOthersLoad() throws IOException {
        goodJar("acme.jar", "acme", "org.acme.HalfLoss", "half", 0.5);
        TestJars.corrupt(folder.resolve("broken.jar"));

        Descent descent = descent();

        assertThat(plugin(descent, "broken").reason()).startsWith("'broken.jar' is not a readable jar");
        assertThat(value(descent.losses().create("acme:half"))).isEqualTo(0.5);
    }

    @Test
    void jarWithoutProvidersIsRefused() throws IOException {
        TestJars.builder().source("org.acme.Nothing", "package org.acme; public class Nothing {}")
                .write(folder.resolve("empty.jar"));

        assertThat(plugin(descent(), "empty").reason())
                .isEqualTo("it provides nothing: no META-INF/services/dev.descent.api.*Provider file");
    }

    @Test
    void differentMajorApiVersionIsRefusedNamingBoth() throws IOException {
        TestJars.builder()
                .source("org.acme.HalfLoss", constantLoss("org.acme.HalfLoss", "half", 0.5))
                .service(LOSS_SPI, "org.acme.HalfLoss")
                .manifest("Descent-Plugin-Id", "future")
                .manifest("Descent-Api-Version", "3.0")
                .write(folder.resolve("future.jar"));

        assertThat(plugin(descent(), "future").reason())
                .isEqualTo("built against Descent API 3.0, but this is API 2.0: the major versions differ");
    }

    @Test
    void newerMinorApiVersionIsRefused() throws IOException {
        TestJars.builder()
                .source("org.acme.HalfLoss", constantLoss("org.acme.HalfLoss", "half", 0.5))
                .service(LOSS_SPI, "org.acme.HalfLoss")
                .manifest("Descent-Plugin-Id", "newer")
                .manifest("Descent-Api-Version", "2.7")
                .write(folder.resolve("newer.jar"));

        assertThat(plugin(descent(), "newer").reason())
                .isEqualTo("built against Descent API 2.7, but this is API 2.0: the plugin needs a newer Descent");
    }

    @Test
    void throwingStaticInitialiserIsRefusedAndTheOthersLoad() throws IOException {
        goodJar("acme.jar", "acme", "org.acme.HalfLoss", "half", 0.5);
        TestJars.builder()
                .source("org.boom.BoomLoss", constantLoss("org.boom.BoomLoss", "boom", "1",
                        "if (true) { throw new IllegalStateException(\"boom\"); }", "", ""))
                .service(LOSS_SPI, "org.boom.BoomLoss")
                .manifest("Descent-Plugin-Id", "boom")
                .write(folder.resolve("boom.jar"));

        Descent descent = descent();

        assertThat(plugin(descent, "boom").reason())
                .contains("org.boom.BoomLoss")
                .contains("its static initialiser threw IllegalStateException: boom");
        assertThat(value(descent.losses().create("half"))).isEqualTo(0.5);
    }

    @Test
    void throwingConstructorIsRefused() throws IOException {
        TestJars.builder()
                .source("org.boom.BoomLoss", constantLoss("org.boom.BoomLoss", "boom", "1", "",
                        "throw new UnsupportedOperationException(\"no\");", ""))
                .service(LOSS_SPI, "org.boom.BoomLoss")
                .write(folder.resolve("ctor.jar"));

        assertThat(plugin(descent(), "ctor").reason())
                .contains("org.boom.BoomLoss")
                .contains("UnsupportedOperationException: no");
    }

    @Test
    void serviceEntryNamingAMissingClassIsRefused() throws IOException {
        TestJars.builder()
                .source("org.acme.HalfLoss", constantLoss("org.acme.HalfLoss", "half", 0.5))
                .service(LOSS_SPI, "org.acme.HalfLoss")
                .service(LOSS_SPI, "org.acme.Missing")
                .write(folder.resolve("missing.jar"));

        assertThat(plugin(descent(), "missing").reason())
                .contains("org.acme.Missing")
                .contains("META-INF/services/dev.descent.api.LossProvider");
    }

    @Test
    void classThatThePluginDoesNotBundleIsRefusedWithAdvice() throws IOException {
        Path library = TestJars.builder()
                .source("org.lib.Helper", "package org.lib; public class Helper { public static double one() { return 1; } }")
                .write(elsewhere.resolve("lib-not-bundled.jar"));
        TestJars.builder()
                .classPath(library)
                .source("org.acme.NeedsLib", constantLoss("org.acme.NeedsLib", "needs_lib",
                        "org.lib.Helper.one()", "", "org.lib.Helper.one();", ""))
                .service(LOSS_SPI, "org.acme.NeedsLib")
                .write(folder.resolve("needs-lib.jar"));

        assertThat(plugin(descent(), "needs-lib").reason())
                .contains("NoClassDefFoundError: class org.lib.Helper is neither in the plugin nor in the API;"
                        + " bundle its library in the plugin's folder");
    }

    @Test
    void providerFailingOnItsDefaultsIsRefused() throws IOException {
        TestJars.builder()
                .source("org.acme.Picky", constantLoss("org.acme.Picky", "picky", "1", "", "",
                        "if (true) { throw new IllegalStateException(\"needs a GPU\"); }"))
                .service(LOSS_SPI, "org.acme.Picky")
                .write(folder.resolve("picky.jar"));

        assertThat(plugin(descent(), "picky").reason())
                .isEqualTo("loss 'picky:picky' fails on its default parameters: IllegalStateException: needs a GPU");
    }

    @Test
    void secondPluginWithATakenIdIsRefused() throws IOException {
        goodJar("a-first.jar", "acme", "org.acme.HalfLoss", "half", 0.5);
        goodJar("b-second.jar", "acme", "org.acme.QuarterLoss", "quarter", 0.25);

        Descent descent = descent();

        assertThat(descent.plugins()).extracting(Plugin::state)
                .containsExactly(Plugin.State.LOADED, Plugin.State.REFUSED);
        assertThat(descent.plugins().get(1).reason()).startsWith("plugin id 'acme' is already taken by ")
                .contains("a-first.jar");
        assertThat(value(descent.losses().create("acme:half"))).isEqualTo(0.5);
    }

    @Test
    void builtInKeepsItsNameAndTheClashIsNoted() throws IOException {
        goodJar("acme.jar", "acme", "org.acme.FakeMse", "mse", 7);

        Descent descent = descent();

        assertThat(descent.losses().create("mse").getClass().getName()).isEqualTo("dev.descent.loss.MseLoss");
        assertThat(value(descent.losses().create("acme:mse"))).isEqualTo(7);
        assertThat(plugin(descent, "acme").notes())
                .contains("loss 'mse' is also a built-in, which keeps the bare name; use 'acme:mse'");
    }

    @Test
    void twoPluginsBundlingTwoVersionsOfOneLibraryWorkAtOnce() throws IOException {
        for (String version : new String[] {"1", "2"}) {
            Path pluginFolder = Files.createDirectories(folder.resolve("uses-v" + version));
            Path library = TestJars.builder()
                    .source("org.lib.Version", "package org.lib; public class Version { public static double value() { return "
                            + version + "; } }")
                    .write(pluginFolder.resolve("lib-" + version + ".jar"));
            String className = "org.acme.v" + version + ".VersionLoss";
            TestJars.builder()
                    .classPath(library)
                    .source(className, constantLoss(className, "version", "org.lib.Version.value()", "", "", ""))
                    .service(LOSS_SPI, className)
                    .manifest("Descent-Plugin-Id", "uses_v" + version)
                    .write(pluginFolder.resolve("plugin.jar"));
        }

        Descent descent = descent();

        assertThat(value(descent.losses().create("uses_v1:version"))).isEqualTo(1);
        assertThat(value(descent.losses().create("uses_v2:version"))).isEqualTo(2);
    }

    @Test
    void hostLibrariesAreInvisibleToAPlugin() throws IOException {
        // Jackson is on the application's class path; a plugin that does not bundle it must not see it.
        goodJar("acme.jar", "acme", "org.acme.HalfLoss", "half", 0.5);
        TestJars.builder()
                .source("org.acme.Peek", constantLoss("org.acme.Peek", "peek",
                        "visible(\"com.fasterxml.jackson.databind.ObjectMapper\") ? 1 : 0", "", "", "")
                        .replace("public class Peek implements LossProvider {", """
                                public class Peek implements LossProvider {
                                    static boolean visible(String name) {
                                        try { Class.forName(name, false, Peek.class.getClassLoader()); return true; }
                                        catch (ClassNotFoundException e) { return false; }
                                    }
                                """))
                .service(LOSS_SPI, "org.acme.Peek")
                .write(folder.resolve("peek.jar"));

        assertThat(value(descent().losses().create("peek"))).isZero();
    }

    @Test
    void callsIntoAPluginRunWithItsClassLoaderAsContextLoader() throws IOException {
        TestJars.builder()
                .source("org.acme.Context", constantLoss("org.acme.Context", "context",
                        "Thread.currentThread().getContextClassLoader() == getClass().getClassLoader() ? 1 : 0",
                        "", "", ""))
                .service(LOSS_SPI, "org.acme.Context")
                .write(folder.resolve("context.jar"));

        assertThat(value(descent().losses().create("context"))).isEqualTo(1);
    }

    @Test
    void providerConstructorsRunWithThePluginClassLoaderAsContextLoader() throws IOException {
        TestJars.builder()
                .source("org.acme.Early", constantLoss("org.acme.Early", "early", "1", "",
                        "if (Thread.currentThread().getContextClassLoader() != getClass().getClassLoader()) {"
                                + " throw new IllegalStateException(\"wrong context loader\"); }", ""))
                .service(LOSS_SPI, "org.acme.Early")
                .write(folder.resolve("early.jar"));

        assertThat(value(descent().losses().create("early"))).isEqualTo(1);
    }

    @Test
    void idStartingWithADigitIsRefused() throws IOException {
        goodJar("nine.jar", "9lives", "org.acme.HalfLoss", "half", 0.5);

        assertThat(plugin(descent(), "9lives").reason())
                .isEqualTo("plugin id '9lives' is not valid: use letters, digits, '_', '-' and '.', starting with a"
                        + " letter (the spec grammar names a plugin's component 'id:name')");
    }

    @Test
    void lockFileAcceptsTheRecordedHashAndRefusesAnother() throws IOException {
        Path acme = goodJar("acme.jar", "acme", "org.acme.HalfLoss", "half", 0.5);
        goodJar("other.jar", "other", "org.other.QuarterLoss", "quarter", 0.25);
        Path lockFile = elsewhere.resolve("plugins.lock");
        PluginLock.write(lockFile, Map.of(
                "acme.jar", PluginJars.sha256(acme),
                "other.jar", "0".repeat(64)));

        Descent descent = Descent.builder().plugins(folder).lock(lockFile).build();

        assertThat(plugin(descent, "acme").isLoaded()).isTrue();
        assertThat(plugin(descent, "other").reason())
                .startsWith("SHA-256 " + PluginJars.sha256(folder.resolve("other.jar")) + " differs from "
                        + "0".repeat(64));
    }

    @Test
    void lockFileRefusesAJarItDoesNotList() throws IOException {
        goodJar("acme.jar", "acme", "org.acme.HalfLoss", "half", 0.5);
        Path lockFile = elsewhere.resolve("empty.lock");
        PluginLock.write(lockFile, Map.of());

        Descent descent = Descent.builder().plugins(folder).lock(lockFile).build();

        assertThat(plugin(descent, "acme").reason()).startsWith("'acme.jar' is not listed in lock file");
    }

    @Test
    void malformedLockFileNamesTheLine() throws IOException {
        Path lockFile = Files.writeString(elsewhere.resolve("bad.lock"), "# comment\nnot a hash  acme.jar\n");

        assertThatThrownBy(() -> PluginLock.read(lockFile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2: expected '<sha256 in 64 hex digits>  <jar path>', got 'not a hash  acme.jar'");
    }

    @Test
    void sourceProjectsAndOtherFilesArePassedOver() throws IOException {
        Files.createDirectories(folder.resolve("my-plugin-source"));
        Files.writeString(folder.resolve("my-plugin-source/pom.xml"), "<project/>");
        Files.writeString(folder.resolve("README.txt"), "notes");

        assertThat(descent().plugins()).isEmpty();
    }

    @Test
    void folderWithoutAPluginJarIsRefused() throws IOException {
        Path lonely = Files.createDirectories(folder.resolve("lonely"));
        TestJars.builder().source("org.lib.Helper", "package org.lib; public class Helper {}")
                .write(lonely.resolve("lib-a.jar"));
        TestJars.builder().source("org.lib.Other", "package org.lib; public class Other {}")
                .write(lonely.resolve("lib-b.jar"));

        assertThat(plugin(descent(), "lonely").reason()).isEqualTo("plugin folder '" + lonely + "' holds no plugin jar:"
                + " none of lib-a.jar, lib-b.jar has a 'Descent-Plugin-Id' manifest attribute or a"
                + " META-INF/services/dev.descent.api.* file");
    }

    @Test
    void folderWithTwoPluginJarsIsRefused() throws IOException {
        Path crowded = Files.createDirectories(folder.resolve("crowded"));
        goodJar("crowded/a.jar", "one", "org.acme.HalfLoss", "half", 0.5);
        goodJar("crowded/b.jar", "two", "org.acme.QuarterLoss", "quarter", 0.25);

        assertThat(plugin(descent(), "crowded").reason()).startsWith("plugin folder '" + crowded + "' holds 2 jars with a"
                + " 'Descent-Plugin-Id' manifest attribute (a.jar, b.jar)");
    }

    @Test
    void missingFolderIsAnError() {
        assertThatThrownBy(() -> Descent.builder().plugins(folder.resolve("absent")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("absent' does not exist or is not a folder");
    }
}
