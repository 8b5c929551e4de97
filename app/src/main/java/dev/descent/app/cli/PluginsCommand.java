package dev.descent.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.api.ApiVersion;
import dev.descent.api.ComponentProvider;
import dev.descent.app.inject.BuiltInProviders;
import dev.descent.app.plugin.LoadedPlugins;
import dev.descent.app.plugin.Plugin;
import dev.descent.app.plugin.PluginLoader;
import dev.descent.app.plugin.PluginLock;
import dev.descent.app.plugin.inspect.JarInspector;
import dev.descent.app.plugin.inspect.JarReport;
import dev.descent.app.plugin.scaffold.PluginScaffold;
import dev.descent.app.registry.Kind;
import dev.descent.app.registry.LocalRegistries;
import dev.descent.testkit.CheckResult;
import dev.descent.testkit.ContractChecks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code descent plugins list|lock|inspect|verify|new}: the plugin folder and plugin jars. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Show, check and create plugins. A plugin is code run with your rights: load only jars you trust.",
        subcommands = {PluginsCommand.ListPlugins.class, PluginsCommand.Lock.class, PluginsCommand.Inspect.class,
            PluginsCommand.Verify.class, PluginsCommand.NewPlugin.class})
final class PluginsCommand implements Runnable {
    @ParentCommand
    DescentCommand root;

    @Override
    public void run() {
        root.spec.commandLine().getSubcommands().get("plugins").usage(root.spec.commandLine().getOut());
    }

    /** {@code descent plugins list}: each plugin with its state, providers and hash. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the plugins of the plugin folder: id, version, API version, state and reason,"
                    + " providers, SHA-256.")
    static final class ListPlugins implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            DescentCommand root = parent.root;
            List<Plugin> plugins = root.descent().plugins();
            PrintWriter out = root.spec.commandLine().getOut();
            Path folder = root.pluginFolder();
            if (json) {
                ObjectNode result = DescentCommand.JSON.createObjectNode();
                result.put("folder", folder == null ? null : folder.toString());
                ArrayNode array = result.putArray("plugins");
                plugins.forEach(plugin -> array.add(toJson(plugin)));
                out.println(DescentCommand.JSON.writeValueAsString(result));
                return 0;
            }
            if (folder == null) {
                out.println("no plugin folder: give --plugins DIR, set " + DescentCommand.PLUGINS_VARIABLE
                        + ", or create ./plugins");
                return 0;
            }
            if (plugins.isEmpty()) {
                out.println("no plugins in " + folder);
                return 0;
            }
            out.println("plugins in " + folder + ":");
            for (Plugin plugin : plugins) {
                out.println();
                out.println(plugin.id() + " " + (plugin.version() == null ? "(no version)" : plugin.version()) + "  "
                        + plugin.state().word() + (plugin.reason() == null ? "" : ": " + plugin.reason()));
                out.println("  location:    " + plugin.location());
                out.println("  api version: " + (plugin.apiVersion() == null ? "not stated" : plugin.apiVersion()));
                if (plugin.sha256() != null) {
                    out.println("  sha256:      " + plugin.sha256());
                }
                for (Plugin.Provided provided : plugin.providers()) {
                    out.println("  " + provided.kind() + " " + provided.qualifiedName() + " (" + provided.className() + ")");
                }
                for (String note : plugin.notes()) {
                    out.println("  note: " + note);
                }
            }
            return 0;
        }

        static ObjectNode toJson(Plugin plugin) {
            ObjectNode node = DescentCommand.JSON.createObjectNode();
            node.put("id", plugin.id());
            node.put("version", plugin.version());
            node.put("api_version", plugin.apiVersion());
            node.put("location", plugin.location().toString());
            node.put("jar", plugin.jar() == null ? null : plugin.jar().toString());
            node.put("sha256", plugin.sha256());
            node.put("state", plugin.state().word());
            node.put("reason", plugin.reason());
            ArrayNode providers = node.putArray("providers");
            for (Plugin.Provided provided : plugin.providers()) {
                providers.addObject().put("kind", provided.kind()).put("name", provided.qualifiedName())
                        .put("class", provided.className());
            }
            node.set("notes", DescentCommand.JSON.valueToTree(plugin.notes()));
            return node;
        }
    }

    /** {@code descent plugins lock FILE}: records the SHA-256 of every plugin jar, for {@code --lock}. */
    @Command(name = "lock", mixinStandardHelpOptions = true,
            description = "Write FILE with the SHA-256 of every jar in the plugin folder (sha256sum format);"
                    + " later runs given --lock FILE refuse a jar whose hash differs or that is not listed.")
    static final class Lock implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;

        @Parameters(index = "0", paramLabel = "FILE", description = "The lock file to write.")
        Path file;

        @Override
        public Integer call() throws Exception {
            DescentCommand root = parent.root;
            Path folder = root.pluginFolder();
            if (folder == null) {
                throw new IllegalArgumentException("no plugin folder to lock: give --plugins DIR or set "
                        + DescentCommand.PLUGINS_VARIABLE);
            }
            if (!java.nio.file.Files.isDirectory(folder)) {
                throw new IllegalArgumentException("plugin folder '" + folder + "' does not exist or is not a folder");
            }
            Map<String, String> hashes = PluginLock.hashes(folder);
            PluginLock.write(file, hashes);
            root.spec.commandLine().getOut().println("wrote " + hashes.size() + " jar hashes of " + folder + " to "
                    + file);
            return 0;
        }
    }

    /** The {@code JAR} argument of inspect and verify. */
    static final class PluginJar {
        @Parameters(index = "0", paramLabel = "JAR", description = "The plugin jar, or a plugin folder.")
        Path path;

        /** The path, checked to exist. */
        Path existing() {
            if (!java.nio.file.Files.exists(path)) {
                throw new IllegalArgumentException("'" + path + "' does not exist; give a plugin jar or plugin folder");
            }
            return path;
        }
    }

    /** {@code descent plugins inspect JAR}: what a jar provides, read without running any of its code. */
    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Show what a plugin jar (or plugin folder) provides, read with ClassGraph without running"
                    + " any of its code, and point out provider classes META-INF/services does not name, entries"
                    + " naming missing classes, and classes ServiceLoader cannot instantiate."
                    + " Exit status 1 if it finds a problem.")
    static final class Inspect implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;

        @Mixin
        PluginJar jar;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            JarReport report = JarInspector.inspect(jar.existing());
            PrintWriter out = parent.root.spec.commandLine().getOut();
            out.println(json ? report.toJson() : report.render().stripTrailing());
            return report.ok() ? 0 : DescentCommand.INVALID_INPUT;
        }
    }

    /** {@code descent plugins verify JAR}: loads one plugin alone and runs the testkit's contract checks. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Load one plugin (a jar or plugin folder) on its own and run the testkit's contract checks"
                    + " on every provider it brings: gradients against finite differences, shape errors,"
                    + " reductions, determinism, state round trips, well-formed descriptions and parameters."
                    + " Exit status 1 if the plugin is refused or a check fails.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;

        @Mixin
        PluginJar jar;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            DescentCommand root = parent.root;
            BuiltInProviders builtIns = BuiltInProviders.discover(DescentCommand.class.getClassLoader());
            PluginLock lock = root.lockOption == null ? null : PluginLock.read(root.lockOption);
            LoadedPlugins loaded = new PluginLoader(ApiVersion.class.getClassLoader(), builtIns, lock).loadSingle(jar.existing());
            Plugin plugin = loaded.plugins().get(0);
            List<CheckResult> results = new ArrayList<>();
            if (plugin.isLoaded()) {
                LocalRegistries registries = LocalRegistries.of(builtIns.byKind(), loaded.providers());
                for (Kind kind : Kind.values()) {
                    for (ComponentProvider<?> provider : loaded.of(kind).values()) {
                        results.addAll(ContractChecks.check(provider, registries));
                    }
                }
            }
            long failed = results.stream().filter(r -> !r.passed()).count();
            PrintWriter out = root.spec.commandLine().getOut();
            if (json) {
                ObjectNode result = DescentCommand.JSON.createObjectNode();
                result.set("plugin", ListPlugins.toJson(plugin));
                ArrayNode checks = result.putArray("checks");
                for (CheckResult check : results) {
                    checks.addObject().put("provider", check.provider()).put("check", check.check())
                            .put("passed", check.passed()).put("detail", check.detail());
                }
                result.put("failed", failed);
                out.println(DescentCommand.JSON.writeValueAsString(result));
            } else if (!plugin.isLoaded()) {
                out.println(plugin.id() + ": refused: " + plugin.reason());
            } else {
                results.forEach(out::println);
                out.println(plugin.id() + ": " + (results.size() - failed) + " of " + results.size()
                        + " contract checks pass" + (failed == 0 ? "" : "; " + failed + " fail"));
            }
            return plugin.isLoaded() && failed == 0 ? 0 : DescentCommand.INVALID_INPUT;
        }
    }

    /** {@code descent plugins new NAME --kind loss}: writes a plugin project that builds and passes the testkit. */
    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Write a plugin project (Maven wrapper, pom, an example provider, services file, testkit"
                    + " contract test, README) that builds with ./mvnw package and passes the testkit as generated.")
    static final class NewPlugin implements Callable<Integer> {
        @ParentCommand
        PluginsCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "The component's snake_case name, e.g. log_cosh.")
        String name;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "loss, optimizer or layer.")
        String kind;

        @Option(names = "--dir", paramLabel = "DIR", description = "Where to write it (default: ./NAME); must be new"
                + " or empty.")
        Path directory;

        @Option(names = "--id", paramLabel = "ID", description = "The plugin id (default: NAME).")
        String pluginId;

        @Option(names = "--package", paramLabel = "PACKAGE",
                description = "The Java package (default: org.example.descent.NAME).")
        String javaPackage;

        @Override
        public Integer call() throws Exception {
            PluginScaffold.checkName(name);
            PluginScaffold.Kind scaffoldKind = PluginScaffold.Kind.parse(kind);
            Path target = directory != null ? directory : Path.of(name);
            List<Path> written = PluginScaffold.write(target, name, scaffoldKind,
                    pluginId != null ? pluginId : PluginScaffold.defaultPluginId(name),
                    javaPackage != null ? javaPackage : PluginScaffold.defaultJavaPackage(name));
            PrintWriter out = parent.root.spec.commandLine().getOut();
            out.println("wrote " + written.size() + " files to " + target + "; next: cd " + target
                    + " && ./mvnw package, then copy target/*.jar into your plugin folder");
            return 0;
        }
    }
}
