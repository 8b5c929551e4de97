package dev.descent.app.plugin.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.app.plugin.TestJars;
import dev.descent.app.plugin.inspect.JarReport.Problem;
import dev.descent.app.plugin.inspect.JarReport.ProviderClass;
import dev.descent.app.plugin.inspect.JarReport.Spi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarInspectorTest {
    private static final String LOSS = "dev.descent.api.LossProvider";
    private static final String OPTIMIZER = "dev.descent.api.OptimizerProvider";

    private static final String LOSS_METHODS = """
                public String name() { return "focal"; }
                public String description() { return "a loss"; }
                public dev.descent.api.Loss create(dev.descent.api.Params params) { return null; }
            """;
    private static final String OPTIMIZER_METHODS = """
                public String name() { return "lion"; }
                public String description() { return "an optimizer"; }
                public dev.descent.api.Optimizer create(dev.descent.api.Params params) { return null; }
            """;

    @TempDir
    Path dir;

    /** {@code package org.acme; <declaration> { <body> }} for {@code className} in package {@code org.acme}. */
    private static String source(String declaration, String body) {
        return "package org.acme;\n" + declaration + " {\n" + body + "}\n";
    }

    private static TestJars.Builder goodJar() {
        return TestJars.builder()
                .source("org.acme.Focal", source("public class Focal implements dev.descent.api.LossProvider", LOSS_METHODS))
                .source("org.acme.Lion", source("public class Lion implements dev.descent.api.OptimizerProvider",
                        OPTIMIZER_METHODS))
                .service(LOSS, "org.acme.Focal")
                .service(OPTIMIZER, "org.acme.Lion")
                .manifest("Descent-Plugin-Id", "acme")
                .manifest("Descent-Plugin-Version", "1.2.0")
                .manifest("Descent-Api-Version", "1.0");
    }

    @Test
    void aJarWithRegisteredProvidersHasNoProblems() {
        JarReport report = JarInspector.inspect(goodJar().write(dir.resolve("acme.jar")));

        assertThat(report.problems()).isEmpty();
        assertThat(report.spis()).extracting(Spi::kind).containsExactly("loss", "optimizer");
        assertThat(report.providers()).extracting(ProviderClass::className).containsExactly("org.acme.Focal", "org.acme.Lion");
        assertThat(report.providers()).allMatch(p -> p.registered() && p.instantiable());
    }

    @Test
    void readsThePluginAttributesOfTheManifest() {
        JarReport report = JarInspector.inspect(goodJar().write(dir.resolve("acme.jar")));

        assertThat(report.pluginId()).isEqualTo("acme");
        assertThat(report.pluginVersion()).isEqualTo("1.2.0");
        assertThat(report.apiVersion()).isEqualTo("1.0");
    }

    @Test
    void absentManifestAttributesAreNull() {
        Path jar = TestJars.builder()
                .source("org.acme.Focal", source("public class Focal implements dev.descent.api.LossProvider", LOSS_METHODS))
                .service(LOSS, "org.acme.Focal")
                .withoutManifest()
                .write(dir.resolve("bare.jar"));

        JarReport report = JarInspector.inspect(jar);

        assertThat(report.pluginId()).isNull();
        assertThat(report.pluginVersion()).isNull();
        assertThat(report.apiVersion()).isNull();
    }

    @Test
    void theSha256IsThatOfTheJarFile() throws Exception {
        Path jar = goodJar().write(dir.resolve("acme.jar"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));

        assertThat(JarInspector.inspect(jar).sha256()).isEqualTo(expected);
    }

    @Test
    void aProviderMissingFromItsServicesFileIsNotRegistered() {
        Path jar = goodJar()
                .source("org.acme.Huber", source("public class Huber implements dev.descent.api.LossProvider", LOSS_METHODS))
                .write(dir.resolve("acme.jar"));

        JarReport report = JarInspector.inspect(jar);

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(Problem.Code.NOT_REGISTERED);
            assertThat(problem.className()).isEqualTo("org.acme.Huber");
            assertThat(problem.message()).contains("add the line 'org.acme.Huber' to META-INF/services/" + LOSS);
        });
    }

    @Test
    void aServicesEntryForAClassNotInTheJarIsAMissingClass() {
        Path jar = goodJar().service(LOSS, "org.acme.Gone").write(dir.resolve("acme.jar"));

        JarReport report = JarInspector.inspect(jar);

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(Problem.Code.MISSING_CLASS);
            assertThat(problem.className()).isEqualTo("org.acme.Gone");
            assertThat(problem.message()).contains("META-INF/services/" + LOSS + " line 2 names 'org.acme.Gone'");
        });
    }

    @Test
    void servicesFilesAreReadLikeServiceLoaderDoes() {
        Path jar = TestJars.builder()
                .source("org.acme.Focal", source("public class Focal implements dev.descent.api.LossProvider", LOSS_METHODS))
                .resource("META-INF/services/" + LOSS, "# losses of acme\n\n   org.acme.Focal   # the focal loss\n")
                .write(dir.resolve("acme.jar"));

        JarReport report = JarInspector.inspect(jar);

        assertThat(report.problems()).isEmpty();
        assertThat(report.providers()).singleElement().extracting(ProviderClass::registered).isEqualTo(true);
    }

    @Test
    void aRegisteredAbstractProviderIsNotInstantiable() {
        Path jar = TestJars.builder()
                .source("org.acme.Focal", source("public abstract class Focal implements dev.descent.api.LossProvider",
                        LOSS_METHODS))
                .service(LOSS, "org.acme.Focal")
                .write(dir.resolve("acme.jar"));

        JarReport report = JarInspector.inspect(jar);

        assertThat(report.problems(Problem.Code.NOT_INSTANTIABLE)).singleElement().satisfies(problem -> {
            assertThat(problem.className()).isEqualTo("org.acme.Focal");
            assertThat(problem.message()).contains("it is abstract");
        });
    }

    @Test
    void aProviderWithoutANoArgumentConstructorIsNotInstantiable() {
        Path jar = TestJars.builder()
                .source("org.acme.Focal", source("public class Focal implements dev.descent.api.LossProvider",
                        "public Focal(double gamma) {}\n" + LOSS_METHODS))
                .service(LOSS, "org.acme.Focal")
                .write(dir.resolve("acme.jar"));

        JarReport report = JarInspector.inspect(jar);

        assertThat(report.problems(Problem.Code.NOT_INSTANTIABLE)).singleElement().satisfies(problem -> {
            assertThat(problem.className()).isEqualTo("org.acme.Focal");
            assertThat(problem.message()).contains("it has no public no-argument constructor");
        });
        assertThat(report.providers()).singleElement().extracting(ProviderClass::publicNoArgConstructor).isEqualTo(false);
    }

    @Test
    void aNonPublicProviderIsNotInstantiable() {
        Path jar = TestJars.builder()
                .source("org.acme.Outer", source("public class Outer",
                        "private static class Focal implements dev.descent.api.LossProvider {\n"
                                + "public Focal() {}\n" + LOSS_METHODS + "}\n"))
                .service(LOSS, "org.acme.Outer$Focal")
                .write(dir.resolve("acme.jar"));

        JarReport report = JarInspector.inspect(jar);

        assertThat(report.problems(Problem.Code.NOT_INSTANTIABLE)).singleElement().satisfies(problem -> {
            assertThat(problem.className()).isEqualTo("org.acme.Outer$Focal");
            assertThat(problem.message()).contains("it is not public");
        });
    }

    @Test
    void anEntryNamingAClassOfAnotherInterfaceIsNotAProvider() {
        Path jar = TestJars.builder()
                .source("org.acme.Lion", source("public class Lion implements dev.descent.api.OptimizerProvider",
                        OPTIMIZER_METHODS))
                .service(LOSS, "org.acme.Lion")
                .write(dir.resolve("acme.jar"));

        JarReport report = JarInspector.inspect(jar);

        assertThat(report.problems(Problem.Code.NOT_A_PROVIDER)).singleElement().satisfies(problem -> {
            assertThat(problem.className()).isEqualTo("org.acme.Lion");
            assertThat(problem.spi()).isEqualTo(LOSS);
            assertThat(problem.message()).contains("move the line to META-INF/services/" + OPTIMIZER);
        });
    }

    @Test
    void aProviderThroughASuperclassAndASuperinterfaceInTheJarIsFound() {
        Path jar = TestJars.builder()
                .source("org.acme.AcmeLoss", source("public interface AcmeLoss extends dev.descent.api.LossProvider", ""))
                .source("org.acme.BaseLoss", source("public abstract class BaseLoss implements AcmeLoss", LOSS_METHODS))
                .source("org.acme.Focal", source("public class Focal extends BaseLoss", ""))
                .service(LOSS, "org.acme.Focal")
                .write(dir.resolve("acme.jar"));

        JarReport report = JarInspector.inspect(jar);

        assertThat(report.problems()).isEmpty();
        assertThat(report.providers()).extracting(ProviderClass::className, ProviderClass::concrete)
                .containsExactly(tuple("org.acme.BaseLoss", false),
                        tuple("org.acme.Focal", true));
    }

    @Test
    void anEmptyJarProvidesNothing() {
        Path jar = TestJars.builder().write(dir.resolve("empty.jar"));

        JarReport report = JarInspector.inspect(jar);

        assertThat(report.spis()).isEmpty();
        assertThat(report.problems()).extracting(Problem::code).containsExactly(Problem.Code.NO_PROVIDERS);
    }

    @Test
    void aJarWhoseOnlyProviderIsUnregisteredAlsoProvidesNothing() {
        Path jar = TestJars.builder()
                .source("org.acme.Focal", source("public class Focal implements dev.descent.api.LossProvider", LOSS_METHODS))
                .write(dir.resolve("acme.jar"));

        assertThat(JarInspector.inspect(jar).problems()).extracting(Problem::code)
                .containsExactly(Problem.Code.NOT_REGISTERED, Problem.Code.NO_PROVIDERS);
    }

    @Test
    void aTruncatedJarIsRefusedWithOneLineNamingTheFile() {
        Path jar = TestJars.corrupt(dir.resolve("cut.jar"));

        assertThatThrownBy(() -> JarInspector.inspect(jar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a readable jar: '" + jar + "': ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void randomBytesAreRefusedWithOneLineNamingTheFile() {
        Path jar = TestJars.randomBytes(dir.resolve("noise.jar"), 4096, 42);

        assertThatThrownBy(() -> JarInspector.inspect(jar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a readable jar: '" + jar + "': ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        Path jar = dir.resolve("nowhere.jar");

        assertThatThrownBy(() -> JarInspector.inspect(jar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + jar + "'");
    }

    @Test
    void aProviderWhoseStaticInitialiserThrowsIsInspectedWithoutRunningIt() {
        String property = "descent.test.inspect.boom";
        System.clearProperty(property);
        Path jar = TestJars.builder()
                .source("org.acme.Boom", source("public class Boom implements dev.descent.api.LossProvider",
                        "static { System.setProperty(\"" + property + "\", \"ran\");"
                                + " if (true) throw new RuntimeException(\"boom\"); }\n" + LOSS_METHODS))
                .service(LOSS, "org.acme.Boom")
                .write(dir.resolve("boom.jar"));

        assertThatCode(() -> {
            JarReport report = JarInspector.inspect(jar);
            assertThat(report.providers()).extracting(ProviderClass::className).containsExactly("org.acme.Boom");
        }).doesNotThrowAnyException();
        assertThat(System.getProperty(property)).as("set by the jar's static initialiser").isNull();
    }

    @Test
    void aPluginFolderIsReportedForItsPluginJarWithTheLibrariesOnItsClassPath() {
        Path folder = dir.resolve("acme");
        Path library = TestJars.builder()
                .source("org.lib.BaseLoss", "package org.lib;\n"
                        + "public abstract class BaseLoss implements dev.descent.api.LossProvider {\n" + LOSS_METHODS + "}\n")
                .write(folder.resolve("base-lib.jar"));
        Path plugin = TestJars.builder()
                .source("org.acme.Focal", source("public class Focal extends org.lib.BaseLoss", ""))
                .service(LOSS, "org.acme.Focal")
                .manifest("Descent-Plugin-Id", "acme")
                .classPath(library)
                .write(folder.resolve("acme.jar"));

        JarReport report = JarInspector.inspect(folder);

        assertThat(report.location()).isEqualTo(folder);
        assertThat(report.jar()).isEqualTo(plugin);
        assertThat(report.libraries()).containsExactly(library);
        assertThat(report.problems()).isEmpty();
        assertThat(report.providers()).extracting(ProviderClass::className).containsExactly("org.acme.Focal");
    }

    @Test
    void aProviderWhoseBaseClassIsNotBundledIsNotAProvider() {
        Path library = TestJars.builder()
                .source("org.lib.BaseLoss", "package org.lib;\n"
                        + "public abstract class BaseLoss implements dev.descent.api.LossProvider {\n" + LOSS_METHODS + "}\n")
                .write(dir.resolve("lib").resolve("base-lib.jar"));
        Path plugin = TestJars.builder()
                .source("org.acme.Focal", source("public class Focal extends org.lib.BaseLoss", ""))
                .service(LOSS, "org.acme.Focal")
                .classPath(library)
                .write(dir.resolve("acme.jar"));

        assertThat(JarInspector.inspect(plugin).problems(Problem.Code.NOT_A_PROVIDER)).singleElement()
                .extracting(Problem::message).asString().contains("its superclass 'org.lib.BaseLoss' is not in it");
    }

    @Test
    void aFolderWithTwoPluginJarsIsRefused() {
        Path folder = dir.resolve("two");
        goodJar().write(folder.resolve("a.jar"));
        goodJar().write(folder.resolve("b.jar"));

        assertThatThrownBy(() -> JarInspector.inspect(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + folder + "'")
                .hasMessageContaining("a.jar, b.jar");
    }

    @Test
    void renderAlignsTheProvidersInColumns() {
        JarReport report = JarInspector.inspect(goodJar().write(dir.resolve("acme.jar")));

        assertThat(report.render()).contains(
                "plugin id    acme\n",
                "provides\n  loss       org.acme.Focal  ok\n  optimizer  org.acme.Lion   ok\n",
                "problems     none\n");
    }

    @Test
    void renderListsEachProblemWithItsCode() {
        Path jar = goodJar()
                .source("org.acme.Huber", source("public class Huber implements dev.descent.api.LossProvider", LOSS_METHODS))
                .write(dir.resolve("acme.jar"));

        assertThat(JarInspector.inspect(jar).render())
                .contains("  loss       org.acme.Huber  not registered\n")
                .contains("problems\n  NOT_REGISTERED  'org.acme.Huber' implements " + LOSS);
    }

    @Test
    void toJsonHoldsTheManifestProvidersAndProblems() throws Exception {
        Path jar = TestJars.builder()
                .source("org.acme.Focal", source("public class Focal implements dev.descent.api.LossProvider", LOSS_METHODS))
                .manifest("Descent-Plugin-Id", "acme")
                .write(dir.resolve("acme.jar"));

        JsonNode json = new ObjectMapper().readTree(JarInspector.inspect(jar).toJson());

        assertThat(json.get("pluginId").asText()).isEqualTo("acme");
        assertThat(json.get("apiVersion").isNull()).isTrue();
        assertThat(json.at("/spis/0/interface").asText()).isEqualTo(LOSS);
        assertThat(json.at("/spis/0/providers/0/class").asText()).isEqualTo("org.acme.Focal");
        assertThat(json.at("/spis/0/providers/0/registered").asBoolean()).isFalse();
        assertThat(json.at("/problems/0/code").asText()).isEqualTo("NOT_REGISTERED");
    }
}
