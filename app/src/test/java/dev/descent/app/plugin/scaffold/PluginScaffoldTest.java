package dev.descent.app.plugin.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.ApiVersion;
import dev.descent.app.plugin.scaffold.PluginScaffold.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What {@code descent plugins new} writes, checked against independent facts: the Descent checkout's own
 * POMs and wrapper (the tests run in {@code app/}), and values written out here.
 */
class PluginScaffoldTest {
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    // ---- the files

    @ParameterizedTest
    @EnumSource(Kind.class)
    void writesTheProjectFilesOfEachKind(Kind kind) {
        Path project = temp.resolve("log_cosh");

        PluginScaffold.write(project, "log_cosh", kind, "acme", "com.acme.descent");

        String sources = "src/main/java/com/acme/descent/";
        String tests = "src/test/java/com/acme/descent/";
        assertThat(project).isDirectory();
        assertThat(List.of("pom.xml", "README.md", ".gitignore", "mvnw", "mvnw.cmd",
                ".mvn/wrapper/maven-wrapper.properties", sources + "LogCosh.java", sources + "LogCoshProvider.java",
                "src/main/resources/META-INF/services/dev.descent.api." + kind.typeName() + "Provider",
                tests + "LogCoshContractTest.java", tests + "LogCoshTest.java"))
                .allSatisfy(file -> assertThat(project.resolve(file)).isRegularFile());
    }

    @Test
    void returnsEveryFileItWroteAndNothingElseIsInTheFolder() throws IOException {
        Path project = temp.resolve("p");

        List<Path> written = PluginScaffold.write(project, "log_cosh", Kind.LOSS);

        List<Path> present;
        try (Stream<Path> walk = Files.walk(project)) {
            present = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(written).hasSize(11).containsExactlyInAnyOrderElementsOf(present);
    }

    @Test
    void createsTheFolderAndItsParents() {
        Path project = temp.resolve("a/b/focal");

        PluginScaffold.write(project, "focal", Kind.LOSS);

        assertThat(project.resolve("pom.xml")).isRegularFile();
    }

    @Test
    void acceptsAnExistingEmptyFolder() throws IOException {
        Path project = Files.createDirectory(temp.resolve("empty"));

        PluginScaffold.write(project, "focal", Kind.LOSS);

        assertThat(project.resolve("pom.xml")).isRegularFile();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void replacesEveryPlaceholder(Kind kind) throws IOException {
        List<Path> written = PluginScaffold.write(temp.resolve("p"), "log_cosh", kind, "acme", "com.acme.descent");

        for (Path file : written) {
            assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                    .as(file.toString())
                    .doesNotContain("{{")
                    .doesNotContain("}}")
                    .doesNotContain("mvn:");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void servicesFileNamesTheProvider(Kind kind) throws IOException {
        Path project = temp.resolve("p");

        PluginScaffold.write(project, "log_cosh", kind, "acme", "com.acme.descent");

        Path services = project.resolve("src/main/resources/META-INF/services/dev.descent.api." + kind.typeName()
                + "Provider");
        assertThat(Files.readAllLines(services)).containsExactly("com.acme.descent.LogCoshProvider");
    }

    @Test
    void sourcesAreInTheGivenPackage() throws IOException {
        Path project = temp.resolve("p");

        PluginScaffold.write(project, "log_cosh", Kind.LAYER, "acme", "com.acme.descent");

        assertThat(Files.readString(project.resolve("src/main/java/com/acme/descent/LogCosh.java")))
                .startsWith("package com.acme.descent;")
                .contains("public final class LogCosh extends ElementwiseLayer", "NAME = \"log_cosh\"");
    }

    // ---- the wrapper

    @Test
    void mvnwIsExecutable() {
        Path project = temp.resolve("p");

        PluginScaffold.write(project, "focal", Kind.LOSS);

        assertThat(project.resolve("mvnw")).isExecutable();
    }

    @Test
    void mvnwMayBeRunByAnyoneButWrittenOnlyByItsOwner() throws IOException {
        Path project = temp.resolve("p");

        PluginScaffold.write(project, "focal", Kind.LOSS);

        assertThat(Files.getPosixFilePermissions(project.resolve("mvnw"))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    }

    @Test
    void wrapperIsDescentsOwnByteForByte() throws IOException {
        Path project = temp.resolve("p");

        PluginScaffold.write(project, "focal", Kind.LOSS);

        // The app's resources are filtered by Maven; this shows the filtering left the scripts alone.
        for (String file : List.of("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties")) {
            assertThat(project.resolve(file)).as(file).hasSameBinaryContentAs(CHECKOUT.resolve(file));
        }
    }

    // ---- the pom

    @Test
    void pomNamesTheArtifactAfterThePlugin() throws Exception {
        Document pom = pom(PluginScaffold.write(temp.resolve("p"), "log_cosh", Kind.LOSS, "acme", "com.acme.descent"));

        assertThat(text(pom, "/project/groupId")).isEqualTo("com.acme");
        assertThat(text(pom, "/project/artifactId")).isEqualTo("descent-plugin-log_cosh");
    }

    @Test
    void defaultGroupIdIsOrgExample() throws Exception {
        Document pom = pom(PluginScaffold.write(temp.resolve("p"), "log_cosh", Kind.LOSS));

        assertThat(text(pom, "/project/groupId")).isEqualTo("org.example");
    }

    @Test
    void pomCompilesForJava17() throws Exception {
        Document pom = pom(PluginScaffold.write(temp.resolve("p"), "focal", Kind.LOSS));

        assertThat(text(pom, "/project/properties/maven.compiler.release")).isEqualTo("17");
    }

    @Test
    void pomDependsOnTheApiAsProvidedAndTheTestkitAndJunitForTests() throws Exception {
        Document pom = pom(PluginScaffold.write(temp.resolve("p"), "focal", Kind.OPTIMIZER));

        assertThat(dependencies(pom)).containsExactly(
                "dev.descent:descent-loss-api:" + descentVersion() + ":provided",
                "dev.descent:descent-plugin-testkit:" + descentVersion() + ":test",
                "org.junit.jupiter:junit-jupiter:" + checkoutProperty("junit.version") + ":test");
    }

    @Test
    void manifestStatesThePluginIdItsVersionAndTheApiVersion() throws Exception {
        Document pom = pom(PluginScaffold.write(temp.resolve("p"), "focal", Kind.LAYER, "acme", "com.acme.descent"));

        String entries = "/project/build/plugins/plugin[artifactId='maven-jar-plugin']"
                + "/configuration/archive/manifestEntries/";
        assertThat(resolve(pom, text(pom, entries + "Descent-Plugin-Id"))).isEqualTo("acme");
        assertThat(resolve(pom, text(pom, entries + "Descent-Plugin-Version"))).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(resolve(pom, text(pom, entries + ApiVersion.MANIFEST_ATTRIBUTE)))
                .isEqualTo(ApiVersion.CURRENT.toString());
    }

    @Test
    void pomPinsEveryBuildPluginItUses() throws Exception {
        Document pom = pom(PluginScaffold.write(temp.resolve("p"), "focal", Kind.LOSS));

        List<String> pinned = texts(pom, "/project/build/pluginManagement/plugins/plugin[version]/artifactId");
        assertThat(pinned).contains("maven-clean-plugin", "maven-resources-plugin", "maven-compiler-plugin",
                "maven-surefire-plugin", "maven-jar-plugin", "maven-install-plugin");
        assertThat(texts(pom, "/project/build/plugins/plugin/artifactId")).isSubsetOf(pinned);
    }

    @Test
    void pomPinsTheBuildPluginsDescentItselfIsBuiltWith() throws Exception {
        Document pom = pom(PluginScaffold.write(temp.resolve("p"), "focal", Kind.LOSS));
        Document checkout = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(CHECKOUT.resolve("pom.xml").toFile());

        // Same versions as Descent's build, so they are in a local repository that built Descent.
        for (String plugin : List.of("maven-compiler-plugin", "maven-surefire-plugin", "maven-jar-plugin")) {
            String version = "/project/build/pluginManagement/plugins/plugin[artifactId='" + plugin + "']/version";
            assertThat(text(pom, version)).as(plugin).isEqualTo(text(checkout, version));
        }
    }

    // ---- the README

    @Test
    void readmeSaysHowToBuildTestAndInstall() throws IOException {
        Path project = temp.resolve("p");

        PluginScaffold.write(project, "focal", Kind.LOSS, "acme", "com.acme.descent");

        assertThat(Files.readString(project.resolve("README.md")))
                .contains("./mvnw package", "./mvnw test", "cp target/*.jar", "plugins/", "acme:focal")
                .contains("./mvnw install", "~/.m2");
    }

    // ---- names

    @Test
    void classNameIsTheNameInUpperCamelCase() {
        assertThat(PluginScaffold.className("log_cosh", Kind.LOSS)).isEqualTo("LogCosh");
    }

    @Test
    void classNameThatWouldShadowATypeTheCodeUsesGetsTheKindAppended() {
        assertThat(PluginScaffold.className("tensor", Kind.LAYER)).isEqualTo("TensorLayer");
        assertThat(PluginScaffold.className("math", Kind.LOSS)).isEqualTo("MathLoss");
        assertThat(PluginScaffold.className("loss", Kind.LOSS)).isEqualTo("LossLoss");
    }

    @Test
    void defaultPackageIsUnderOrgExample() {
        assertThat(PluginScaffold.defaultJavaPackage("log_cosh")).isEqualTo("org.example.descent.log_cosh");
    }

    @Test
    void defaultPackageOfAKeywordNameGetsAnUnderscore() {
        assertThat(PluginScaffold.defaultJavaPackage("int")).isEqualTo("org.example.descent.int_");
    }

    @Test
    void kindIsParsedFromItsWordInAnyCase() {
        assertThat(Kind.parse("Optimizer")).isEqualTo(Kind.OPTIMIZER);
    }

    // ---- refusals

    @Test
    void refusesANonEmptyFolderAndLeavesItAlone() throws IOException {
        Path project = Files.createDirectory(temp.resolve("taken"));
        Files.writeString(project.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> PluginScaffold.write(project, "focal", Kind.LOSS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("folder '" + project + "' is not empty (it holds 'notes.txt'); a new plugin project"
                        + " needs a new or empty folder");
        try (Stream<Path> list = Files.list(project)) {
            assertThat(list).containsExactly(project.resolve("notes.txt"));
        }
    }

    @Test
    void refusesAFileAsTheFolder() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "");

        assertThatThrownBy(() -> PluginScaffold.write(file, "focal", Kind.LOSS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + file + "' is a file, not a folder; a new plugin project needs a new or empty folder");
    }

    @Test
    void refusesANameThatIsNotSnakeCase() {
        assertThatThrownBy(() -> PluginScaffold.write(temp.resolve("p"), "LogCosh", Kind.LOSS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid plugin name 'LogCosh'; a name is snake_case: a lower-case letter, then"
                        + " lower-case letters, digits or _, e.g. log_cosh");
        assertThat(temp.resolve("p")).doesNotExist();
    }

    @Test
    void refusesANameWithAHyphen() {
        assertThatThrownBy(() -> PluginScaffold.write(temp.resolve("p"), "log-cosh", Kind.LOSS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid plugin name 'log-cosh'; a name is snake_case");
    }

    @Test
    void refusesANameStartingWithADigit() {
        assertThatThrownBy(() -> PluginScaffold.write(temp.resolve("p"), "2focal", Kind.LOSS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid plugin name '2focal'");
    }

    @Test
    void refusesAPluginIdTheSpecGrammarCannotRead() {
        assertThatThrownBy(() -> PluginScaffold.write(temp.resolve("p"), "focal", Kind.LOSS, "acme:x", "com.acme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid plugin id 'acme:x'; a plugin id is a letter, then letters, digits, _, - or .,"
                        + " e.g. acme");
    }

    @Test
    void refusesAPackageWithAKeyword() {
        assertThatThrownBy(() -> PluginScaffold.write(temp.resolve("p"), "focal", Kind.LOSS, "acme", "com.int.x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid Java package 'com.int.x'; a package is Java identifiers (not"
                        + " keywords) separated by dots");
    }

    @Test
    void refusesAPackageInsideTheApiThatDescentLoadsFromItself() {
        assertThatThrownBy(() -> PluginScaffold.write(temp.resolve("p"), "focal", Kind.LOSS, "acme",
                "dev.descent.api.focal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dev.descent.api.focal' is inside dev.descent.api");
    }

    @Test
    void refusesAnUnknownKind() {
        assertThatThrownBy(() -> Kind.parse("metric"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown plugin kind 'metric'; expected one of loss, optimizer, layer");
    }

    // ---- helpers

    private static Document pom(List<Path> written) throws Exception {
        Path pom = written.stream().filter(path -> path.getFileName().toString().equals("pom.xml")).findFirst()
                .orElseThrow();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String text(Document document, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, document).trim();
    }

    private static List<String> texts(Document document, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate(xpath, document, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

    /** groupId:artifactId:version:scope of each dependency, with its properties resolved. */
    private static List<String> dependencies(Document pom) throws Exception {
        List<String> dependencies = new ArrayList<>();
        int count = texts(pom, "/project/dependencies/dependency").size();
        for (int i = 1; i <= count; i++) {
            String dependency = "/project/dependencies/dependency[" + i + "]/";
            dependencies.add(text(pom, dependency + "groupId") + ":" + text(pom, dependency + "artifactId") + ":"
                    + resolve(pom, text(pom, dependency + "version")) + ":" + text(pom, dependency + "scope"));
        }
        return dependencies;
    }

    /** Replaces {@code ${x}} with the POM's property x, or its project version. */
    private static String resolve(Document pom, String value) throws Exception {
        Map<String, String> properties = new HashMap<>();
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("/project/properties/*", pom, XPathConstants.NODESET);
        for (int i = 0; i < nodes.getLength(); i++) {
            properties.put(nodes.item(i).getNodeName(), nodes.item(i).getTextContent().trim());
        }
        properties.put("project.version", text(pom, "/project/version"));
        Matcher matcher = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String property = properties.get(matcher.group(1));
            assertThat(property).as("property " + matcher.group(1) + " of the generated pom").isNotNull();
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(property));
        }
        return matcher.appendTail(resolved).toString();
    }

    /** The version of the Descent checkout these tests run in: the app's parent version. */
    private static String descentVersion() throws Exception {
        Document app = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        return text(app, "/project/parent/version");
    }

    private static String checkoutProperty(String name) throws Exception {
        Document parent = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(CHECKOUT.resolve("pom.xml").toFile());
        return text(parent, "/project/properties/" + name);
    }
}
