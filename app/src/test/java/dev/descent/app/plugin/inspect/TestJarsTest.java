package dev.descent.app.plugin.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.LossProvider;
import dev.descent.app.plugin.TestJars;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar-building helper the plugin tests share: what it writes is what was asked for. */
class TestJarsTest {
    private static final String FOO = """
            package org.acme;
            public class Foo implements dev.descent.api.LossProvider {
                public String name() { return "foo"; }
                public String description() { return "a loss"; }
                public dev.descent.api.Loss create(dev.descent.api.Params params) { return null; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void writesTheManifestAttributes() throws IOException {
        Path jar = TestJars.builder().manifest("Descent-Plugin-Id", "acme").write(dir.resolve("a.jar"));

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Descent-Plugin-Id")).isEqualTo("acme");
        }
    }

    @Test
    void writesOneServicesLinePerClass() throws IOException {
        Path jar = TestJars.builder()
                .service(LossProvider.class, "org.acme.Foo", "org.acme.Bar")
                .write(dir.resolve("a.jar"));

        try (JarFile file = new JarFile(jar.toFile())) {
            byte[] text = file.getInputStream(file.getEntry("META-INF/services/dev.descent.api.LossProvider")).readAllBytes();
            assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo("org.acme.Foo\norg.acme.Bar\n");
        }
    }

    @Test
    void compilesSourcesAgainstTheApi() throws Exception {
        Path jar = TestJars.builder().source("org.acme.Foo", FOO).write(dir.resolve("a.jar"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(LossProvider.class.isAssignableFrom(loader.loadClass("org.acme.Foo"))).isTrue();
        }
    }

    @Test
    void compilesAgainstExtraJars() {
        Path library = TestJars.builder()
                .source("org.lib.Base", "package org.lib; public abstract class Base {}")
                .write(dir.resolve("lib.jar"));

        Path jar = TestJars.builder()
                .source("org.acme.Sub", "package org.acme; public class Sub extends org.lib.Base {}")
                .classPath(library)
                .write(dir.resolve("a.jar"));

        assertThat(jar).isRegularFile();
    }

    @Test
    void aSourceThatDoesNotCompileFailsWithTheCompilersMessage() {
        TestJars.Builder builder = TestJars.builder().source("org.acme.Bad", "package org.acme; public class Bad { int x = ; }");

        assertThatThrownBy(() -> builder.write(dir.resolve("bad.jar")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Bad.java:1");
    }

    @Test
    void theSameBuilderWritesTheSameBytes() throws IOException {
        TestJars.Builder builder = TestJars.builder().source("org.acme.Foo", FOO).manifest("Descent-Plugin-Id", "acme");

        byte[] first = Files.readAllBytes(builder.write(dir.resolve("one.jar")));
        byte[] second = Files.readAllBytes(builder.write(dir.resolve("two.jar")));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aCorruptJarCannotBeOpened() {
        Path jar = TestJars.corrupt(dir.resolve("cut.jar"));

        assertThat(jar).isNotEmptyFile();
        assertThatThrownBy(() -> new JarFile(jar.toFile()).close()).isInstanceOf(ZipException.class);
    }

    @Test
    void randomBytesCannotBeOpenedAsAJar() {
        Path jar = TestJars.randomBytes(dir.resolve("noise.jar"), 1000, 7);

        assertThat(jar).hasSize(1000);
        assertThatThrownBy(() -> new JarFile(jar.toFile()).close()).isInstanceOf(ZipException.class);
    }
}
