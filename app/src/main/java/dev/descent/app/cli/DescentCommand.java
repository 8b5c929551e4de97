package dev.descent.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import dev.descent.api.ApiVersion;
import dev.descent.app.Descent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code descent} command: train and inspect models whose losses, optimizers and layers are plugins. */
@Command(name = "descent",
        mixinStandardHelpOptions = true,
        versionProvider = DescentCommand.Version.class,
        description = "Training by gradient descent with pluggable losses, optimizers and layers.",
        subcommands = {TrainCommand.class, ListCommand.class, DescribeCommand.class, LossCommand.class, MetricCommand.class,
            PluginsCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 success, 1 invalid input, 2 invalid command line, 3 internal error."})
public final class DescentCommand implements Runnable {
    /** Writes the one-line JSON objects of {@code --json}. */
    static final ObjectMapper JSON = new ObjectMapper();
    static final int INVALID_INPUT = 1;
    static final int INTERNAL_ERROR = 3;

    /** The environment variable naming the plugin folder when {@code --plugins} is not given. */
    static final String PLUGINS_VARIABLE = "DESCENT_PLUGINS";
    /** The plugin folder used when neither {@code --plugins} nor the variable is given, if it exists. */
    static final Path DEFAULT_PLUGINS = Path.of("plugins");

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log what happens and show the stack trace of an error.")
    boolean verbose;

    @Option(names = "--plugins", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Plugin folder (default: $" + PLUGINS_VARIABLE + ", else ./plugins if it exists).")
    Path pluginsOption;

    @Option(names = "--lock", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Refuse any plugin jar whose SHA-256 differs from the one FILE records"
                    + " (written by 'descent plugins lock FILE').")
    Path lockOption;

    /** Gives the registries; null to build them from the options. */
    private final Supplier<Descent> fixedDescent;
    private final Function<String, String> environment;
    private Descent descent;

    public DescentCommand() {
        this(null, System::getenv);
    }

    /** A command whose registries come from {@code fixedDescent}, whatever the options say (tests). */
    DescentCommand(Supplier<Descent> fixedDescent) {
        this(fixedDescent, System::getenv);
    }

    DescentCommand(Supplier<Descent> fixedDescent, Function<String, String> environment) {
        this.fixedDescent = fixedDescent;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(execute(new DescentCommand(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /** Runs one command line with the given streams and returns the exit status; used by main and tests. */
    static int execute(DescentCommand command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(command);
        // "--plugins plugins list": a folder named like a subcommand is still the option's value.
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see '"
                    + failed.getCommandSpec().qualifiedName() + " --help')");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            Throwable cause = unwrap(e);
            boolean userError = cause instanceof IllegalArgumentException;
            String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": "
                    + (userError ? message : "internal error: " + cause.getClass().getSimpleName() + ": " + message
                            + (command.verbose ? "" : " (--verbose shows the stack trace)")));
            if (command.verbose) {
                cause.printStackTrace(failed.getErr());
            }
            return userError ? INVALID_INPUT : INTERNAL_ERROR;
        });
        commandLine.setExecutionStrategy(parseResult -> {
            if (command.verbose) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** Guice wraps what a provider or module throws; the user wants the original message. */
    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CreationException || current instanceof ProvisionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof CreationException creation && !creation.getErrorMessages().isEmpty()
                && creation.getErrorMessages().iterator().next().getCause() != null) {
            return creation.getErrorMessages().iterator().next().getCause();
        }
        return current;
    }

    /** The registries, built on first use so that {@code --help} and {@code --version} stay instant. */
    Descent descent() {
        if (descent == null) {
            descent = fixedDescent != null ? fixedDescent.get() : builder().build();
        }
        return descent;
    }

    /** A builder configured by the options: plugin folder and lock file. */
    Descent.Builder builder() {
        Descent.Builder builder = Descent.builder();
        Path folder = pluginFolder();
        if (folder != null) {
            builder.plugins(folder);
        }
        if (lockOption != null) {
            builder.lock(lockOption);
        }
        return builder;
    }

    /** {@code --plugins}, else {@code $DESCENT_PLUGINS}, else {@code ./plugins} if it exists, else null. */
    Path pluginFolder() {
        if (pluginsOption != null) {
            return pluginsOption;
        }
        String variable = environment.apply(PLUGINS_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return Files.isDirectory(DEFAULT_PLUGINS) ? DEFAULT_PLUGINS : null;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // "descent" alone: show what it can do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Descent's version, {@code 0.1.0}, from the build; {@code unknown} outside a built jar. */
    static String version() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DescentCommand.class.getResourceAsStream("/descent-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties.getProperty("version", "unknown");
    }

    /** {@code descent 0.1.0 (API 2.0, Java 17.0.15)}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"descent " + version() + " (API " + ApiVersion.CURRENT + ", Java "
                    + Runtime.version() + ")"};
        }
    }
}
