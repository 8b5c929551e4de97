package dev.descent.app.plugin.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.ApiVersion;
import dev.descent.app.plugin.scaffold.PluginScaffold.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real thing, on request: each kind of project generated and built with its own {@code ./mvnw -o
 * package}, which runs its contract test and its hand-worked tests under JUnit. Slow (a Maven build per
 * kind) and needs Descent installed in the local repository ({@code ./mvnw install}), so it runs only with
 * {@code -Ddescent.scaffold.build=true}.
 */
@EnabledIfSystemProperty(named = "descent.scaffold.build", matches = "true")
class PluginScaffoldBuildTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void generatedProjectBuildsIntoAPluginJarWithItsManifest(Kind kind) throws Exception {
        Path project = temp.resolve("log_cosh");
        PluginScaffold.write(project, "log_cosh", kind, "acme", "com.acme.descent");

        Path log = temp.resolve("build.log");
        Process build = new ProcessBuilder(project.resolve("mvnw").toString(), "-o", "-B", "package")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = build.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            build.destroyForcibly();
        }

        assertThat(finished && build.exitValue() == 0).as(tail(log)).isTrue();
        try (JarFile jar = new JarFile(project.resolve("target/descent-plugin-log_cosh-0.1.0-SNAPSHOT.jar").toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Descent-Plugin-Id")).isEqualTo("acme");
            assertThat(manifest.getValue("Descent-Plugin-Version")).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(manifest.getValue(ApiVersion.MANIFEST_ATTRIBUTE)).isEqualTo(ApiVersion.CURRENT.toString());
            assertThat(jar.getEntry("com/acme/descent/LogCoshProvider.class")).isNotNull();
            // loss-api is provided: Descent supplies it, and a second copy in the jar would be ignored anyway.
            assertThat(jar.stream().map(entry -> entry.getName())).noneMatch(name -> name.startsWith("dev/descent/"));
        }
        assertThat(project.resolve("target/surefire-reports/TEST-com.acme.descent.LogCoshContractTest.xml"))
                .content().contains("failures=\"0\"").contains("errors=\"0\"").doesNotContain("tests=\"0\"");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
