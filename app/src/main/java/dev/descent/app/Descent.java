package dev.descent.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.descent.app.inject.BuiltInProviders;
import dev.descent.app.inject.DescentModule;
import dev.descent.app.plugin.LoadedPlugins;
import dev.descent.app.plugin.Plugin;
import dev.descent.app.plugin.PluginLoader;
import dev.descent.app.plugin.PluginLock;
import dev.descent.app.registry.Layers;
import dev.descent.app.registry.Metrics;
import dev.descent.app.registry.Losses;
import dev.descent.app.registry.Optimizers;
import dev.descent.app.registry.Registry;
import dev.descent.app.registry.Schedules;
import dev.descent.app.registry.Transforms;
import dev.descent.api.ApiVersion;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point for embedding programs: the registries of losses, optimizers, layers, schedules,
 * metrics and gradient transforms.
 *
 * <pre>{@code
 * Descent descent = Descent.builder().plugins(Path.of("plugins")).build();   // with a plugin folder
 * Loss loss = descent.losses().create("mse(reduction=sum)");
 * Optimizer sgd = descent.optimizers().create("sgd(lr=0.1, momentum=0.9)");
 * }</pre>
 *
 * The same objects come from a Guice injector built on {@link DescentModule}.
 */
public final class Descent {
    private final Losses losses;
    private final Optimizers optimizers;
    private final Layers layers;
    private final Schedules schedules;
    private final Metrics metrics;
    private final Transforms transforms;
    private final LoadedPlugins plugins;

    @Inject
    Descent(Losses losses, Optimizers optimizers, Layers layers, Schedules schedules, Metrics metrics,
            Transforms transforms, LoadedPlugins plugins) {
        this.losses = losses;
        this.optimizers = optimizers;
        this.layers = layers;
        this.schedules = schedules;
        this.metrics = metrics;
        this.transforms = transforms;
        this.plugins = plugins;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Losses losses() {
        return losses;
    }

    public Optimizers optimizers() {
        return optimizers;
    }

    public Layers layers() {
        return layers;
    }

    public Schedules schedules() {
        return schedules;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** The gradient transforms ({@code clip_grad_norm}, {@code ema}, …) that {@code chain} composes with an optimizer. */
    public Transforms transforms() {
        return transforms;
    }

    /** Every plugin of the plugin folder, loaded or refused with its reason. */
    public List<Plugin> plugins() {
        return plugins.plugins();
    }

    /** Every registry, in the order {@code descent list} shows them. */
    public List<Registry<?>> registries() {
        return List.of(losses, optimizers, layers, schedules, metrics, transforms);
    }

    /** Configures a {@link Descent}: a plugin folder, a lock file, extra Guice modules. */
    public static final class Builder {
        private final List<Module> modules = new ArrayList<>();
        private Path pluginFolder;
        private Path lockFile;

        private Builder() {}

        /**
         * Loads the plugins of {@code folder}: each jar, or sub-folder holding a plugin jar with its
         * dependencies, in its own class loader. A broken plugin is refused (see {@link Descent#plugins()})
         * and the others still load. The folder must exist.
         */
        public Builder plugins(Path folder) {
            this.pluginFolder = requireNonNull(folder, "folder is null");
            return this;
        }

        /** Refuses any plugin jar whose SHA-256 is not the one {@code file} records (see {@link PluginLock}). */
        public Builder lock(Path file) {
            this.lockFile = requireNonNull(file, "file is null");
            return this;
        }

        /** Guice modules installed next to {@link DescentModule}, e.g. to bind providers of your own. */
        public Builder modules(Module... extra) {
            for (Module module : extra) {
                modules.add(requireNonNull(module, "module is null"));
            }
            return this;
        }

        /**
         * @throws IllegalArgumentException if the plugin folder or lock file cannot be read
         */
        public Descent build() {
            ClassLoader host = ApiVersion.class.getClassLoader();
            BuiltInProviders builtIns = BuiltInProviders.discover(Descent.class.getClassLoader());
            LoadedPlugins plugins = LoadedPlugins.none();
            if (pluginFolder != null) {
                PluginLock lock = lockFile == null ? null : PluginLock.read(lockFile);
                plugins = new PluginLoader(host, builtIns, lock).load(pluginFolder);
            } else if (lockFile != null) {
                throw new IllegalArgumentException("a lock file was given without a plugin folder");
            }
            List<Module> all = new ArrayList<>(List.of(new DescentModule(builtIns, plugins)));
            all.addAll(modules);
            return Guice.createInjector(all).getInstance(Descent.class);
        }
    }
}
