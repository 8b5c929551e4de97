package dev.descent.app.plugin.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.LayerProvider;
import dev.descent.api.LossProvider;
import dev.descent.api.OptimizerProvider;
import dev.descent.app.plugin.scaffold.PluginScaffold.Kind;
import dev.descent.testkit.CheckResult;
import dev.descent.testkit.ContractChecks;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Passes the testkit as generated": each kind of project is generated, compiled in-process (main and test
 * sources, as its own build would), its provider found through its {@code META-INF/services} file, and run
 * through the testkit's {@code ContractChecks}, the checks its {@code XxxContractTest} runs under JUnit.
 */
class PluginScaffoldContractTest {
    private static final String PACKAGE = "com.acme.descent";

    @TempDir
    static Path projects;

    /** Each project generated and compiled once, for all tests of this class, by folder name. */
    private static final Map<String, Compiled> COMPILED = new HashMap<>();

    private record Compiled(Path project, boolean success, String diagnostics, URLClassLoader loader) {}

    @AfterAll
    static void closeLoaders() throws IOException {
        for (Compiled compiled : COMPILED.values()) {
            compiled.loader().close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void generatedSourcesCompileWithoutAWarning(Kind kind) throws Exception {
        Compiled compiled = compiled(kind, "log_cosh");

        assertThat(compiled.success()).as(compiled.diagnostics()).isTrue();
        assertThat(compiled.diagnostics()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void servicesFileMakesTheProviderFindable(Kind kind) throws Exception {
        List<? extends ComponentProvider<?>> providers = providers(kind, compiled(kind, "log_cosh"));

        assertThat(providers).singleElement().satisfies(provider -> {
            assertThat(provider.getClass().getName()).isEqualTo(PACKAGE + ".LogCoshProvider");
            assertThat(provider.name()).isEqualTo("log_cosh");
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void providerPassesEveryContractCheck(Kind kind) throws Exception {
        ComponentProvider<?> provider = providers(kind, compiled(kind, "log_cosh")).get(0);

        List<CheckResult> results = contractChecks(provider);

        assertThat(results).as("the checks run").isNotEmpty();
        assertThat(results).filteredOn(result -> !result.passed()).as("failed checks").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void generatedContractTestPassesEveryCheckOfEachOfItsSpecs(Kind kind) throws Exception {
        Compiled compiled = compiled(kind, "log_cosh");
        Object contractTest = newInstance(compiled.loader().loadClass(PACKAGE + ".LogCoshContractTest"));

        // The @TestFactory the generated test inherits from the testkit, run as JUnit would run it.
        @SuppressWarnings("unchecked")
        Stream<DynamicTest> checks = (Stream<DynamicTest>) contractTest.getClass().getMethod("contractChecks")
                .invoke(contractTest);
        List<String> ran = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        checks.forEach(check -> {
            ran.add(check.getDisplayName());
            try {
                check.getExecutable().execute();
            } catch (Throwable e) {
                failures.add(check.getDisplayName() + ": " + e.getMessage());
            }
        });

        assertThat(ran).as("the checks run").isNotEmpty();
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void generatedHandWorkedTestsPass(Kind kind) throws Exception {
        Compiled compiled = compiled(kind, "log_cosh");

        List<String> failures = runTestMethods(compiled.loader().loadClass(PACKAGE + ".LogCoshTest"));

        assertThat(failures).isEmpty();
    }

    @Test
    void aNameThatWouldShadowAnApiTypeStillCompilesAndPasses() throws Exception {
        Compiled compiled = compiled(Kind.LAYER, "tensor");
        assertThat(compiled.success()).as(compiled.diagnostics()).isTrue();

        ComponentProvider<?> provider = providers(Kind.LAYER, compiled).get(0);

        assertThat(provider.getClass().getSimpleName()).isEqualTo("TensorLayerProvider");
        assertThat(contractChecks(provider)).isNotEmpty().allMatch(CheckResult::passed);
    }

    // ---- helpers

    private static synchronized Compiled compiled(Kind kind, String name) throws IOException {
        String folder = kind.word() + "-" + name;
        if (COMPILED.containsKey(folder)) {
            return COMPILED.get(folder);
        }
        Path project = projects.resolve(folder);
        PluginScaffold.write(project, name, kind, "acme", PACKAGE);
        Path classes = Files.createDirectories(project.resolve("target/all-classes"));
        List<String> sources;
        try (Stream<Path> walk = Files.walk(project.resolve("src"))) {
            sources = walk.filter(path -> path.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        List<String> options = List.of("-d", classes.toString(), "--release", "17", "-classpath", classPath(),
                "-proc:none", "-Xlint:all,-path", "-encoding", "UTF-8");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean success;
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            success = javac.getTask(diagnostics, files, null, options, null,
                    files.getJavaFileObjectsFromStrings(sources)).call();
        }
        URLClassLoader loader = new URLClassLoader("generated " + kind.word() + " " + name,
                new URL[] {classes.toUri().toURL(), project.resolve("src/main/resources").toUri().toURL()},
                PluginScaffoldContractTest.class.getClassLoader());
        Compiled compiled = new Compiled(project, success, diagnostics.toString(), loader);
        COMPILED.put(folder, compiled);
        return compiled;
    }

    /**
     * The class path of these tests, so the generated code compiles against the same loss-api, testkit and
     * JUnit. Surefire may hide it behind a manifest-only jar, so the jars of the classes the generated code
     * uses are added explicitly.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        String surefire = System.getProperty("surefire.test.class.path");
        entries.addAll(List.of((surefire != null ? surefire : System.getProperty("java.class.path"))
                .split(File.pathSeparator)));
        for (String type : List.of("dev.descent.api.Loss", "dev.descent.testkit.ContractChecks", "org.junit.jupiter.api.Test",
                "org.junit.platform.commons.annotation.Testable", "org.apiguardian.api.API",
                "org.opentest4j.AssertionFailedError")) {
            try {
                CodeSource source = Class.forName(type, false, PluginScaffoldContractTest.class.getClassLoader())
                        .getProtectionDomain().getCodeSource();
                if (source != null) {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                }
            } catch (ClassNotFoundException | URISyntaxException e) {
                // Not on this class path: javac will name what is missing.
            }
        }
        entries.removeIf(String::isBlank);
        return String.join(File.pathSeparator, entries);
    }

    private static List<? extends ComponentProvider<?>> providers(Kind kind, Compiled compiled) {
        assertThat(compiled.success()).as(compiled.diagnostics()).isTrue();
        Class<? extends ComponentProvider<?>> service = switch (kind) {
            case LOSS -> LossProvider.class;
            case OPTIMIZER -> OptimizerProvider.class;
            case LAYER -> LayerProvider.class;
        };
        List<ComponentProvider<?>> providers = new ArrayList<>();
        ServiceLoader.load(service, compiled.loader()).forEach(providers::add);
        // The app's own class path holds the built-ins; keep what the generated project provides.
        providers.removeIf(provider -> provider.getClass().getClassLoader() != compiled.loader());
        return providers;
    }

    private static List<CheckResult> contractChecks(ComponentProvider<?> provider) {
        return ContractChecks.check(provider, ComponentResolver.NONE);
    }

    /** A new instance of a generated test class, which is package-private as JUnit allows. */
    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    /** Runs each {@code @Test} method of {@code type} on a new instance; the failures, one line each. */
    private static List<String> runTestMethods(Class<?> type) throws ReflectiveOperationException {
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Test.class)) {
                continue;
            }
            run++;
            method.setAccessible(true);
            try {
                method.invoke(newInstance(type));
            } catch (InvocationTargetException e) {
                failures.add(method.getName() + ": " + e.getCause());
            }
        }
        assertThat(run).as("@Test methods in " + type.getName()).isPositive();
        return failures;
    }
}
