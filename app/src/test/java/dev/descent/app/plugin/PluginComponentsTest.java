package dev.descent.app.plugin;

import static dev.descent.app.plugin.PluginSources.LAYER_SPI;
import static dev.descent.app.plugin.PluginSources.LOSS_SPI;
import static dev.descent.app.plugin.PluginSources.OPTIMIZER_SPI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Layer;
import dev.descent.api.Loss;
import dev.descent.api.MergeLayer;
import dev.descent.api.Metric;
import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import dev.descent.api.Trainable;
import dev.descent.app.Descent;
import dev.descent.app.registry.Kind;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin's component looks like to the host: every API interface kept, each call direct (no
 * {@code Method.invoke}) and made with the plugin's class loader as the context class loader. The plugin's
 * own methods check the last two themselves ({@link PluginSources#multiContractPlugin}) and throw if either
 * fails.
 */
class PluginComponentsTest {
    @TempDir
    Path folder;

    private Descent descent;

    @BeforeEach
    void loadPlugin() throws IOException {
        TestJars.Builder jar = TestJars.builder();
        PluginSources.multiContractPlugin().forEach(jar::source);
        jar.service(LAYER_SPI, "org.acme.PlusProvider")
                .service(LOSS_SPI, "org.acme.WeightedProvider")
                .service(OPTIMIZER_SPI, "org.acme.DescentProvider")
                .manifest("Descent-Plugin-Id", "acme")
                .manifest("Descent-Api-Version", "2.0")
                .write(folder.resolve("acme.jar"));
        descent = Descent.builder().plugins(folder).build();
        assertThat(descent.plugins()).singleElement().satisfies(p -> assertThat(p.reason()).isNull());
    }

    @Test
    void aPluginMergeLayerStaysAMergeLayerAndItsCallsWork() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Layer layer = descent.layers().create("plus");

        assertThat(layer).isInstanceOf(MergeLayer.class);
        MergeLayer plus = (MergeLayer) layer;
        assertThat(plus.outputShape(List.of(new int[] {2}, new int[] {2}))).containsExactly(2);
        plus.initialize(List.of(new int[] {2}, new int[] {2}), new SplittableRandom(1));
        Tensor sum = plus.forward(List.of(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2),
                Tensor.of(new float[] {10, 20, 30, 40}, 2, 2)), Pass.training(new SplittableRandom(1)));
        assertThat(sum.data()).containsExactly(11, 22, 33, 44);
        List<Tensor> gradients = plus.backward(Tensor.of(new float[] {1, -1, 2, -2}, 2, 2));
        assertThat(gradients).hasSize(2).allSatisfy(g -> assertThat(g.data()).containsExactly(1, -1, 2, -2));
        // The single-input methods reach the plugin's own (MergeLayer's defaults, in its loader).
        assertThat(layer.outputShape(new int[] {3})).containsExactly(3);
        assertThat(layer.forward(Tensor.of(new float[] {5, 6}, 1, 2), Pass.INFERENCE).data()).containsExactly(5, 6);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void aPluginLossWithParametersStaysTrainableAndItsOptimizerStepsThem() {
        Loss loss = descent.losses().create("weighted");
        Optimizer optimizer = descent.optimizers().create("plain(lr=0.5)");

        assertThat(loss).isInstanceOf(Trainable.class);
        List<Parameter> parameters = ((Trainable) loss).parameters();
        assertThat(parameters).extracting(Parameter::name).containsExactly("w");
        Tensor gradient = Tensor.zeros(2);
        assertThat(loss.compute(Tensor.vector(3, 1), Tensor.vector(1, 0), gradient)).isEqualTo(3.0);
        assertThat(gradient.data()).containsExactly(1, 1);

        parameters.get(0).gradient().data()[0] = 1f;
        optimizer.step(parameters);

        assertThat(parameters.get(0).value().data()).containsExactly(-0.5f);
        assertThat(loss.compute(Tensor.vector(3, 1), Tensor.vector(1, 0))).isCloseTo(3 * Math.exp(-0.5),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(optimizer.learningRate()).isEqualTo(0.5);
        assertThat(loss.name()).isEqualTo("weighted");
    }

    @Test
    void unwrapGivesThePluginsOwnObject() {
        Layer layer = descent.layers().create("plus");

        assertThat(PluginCalls.unwrap(layer)).isNotSameAs(layer);
        assertThat(PluginCalls.unwrap(layer).getClass().getName()).isEqualTo("org.acme.PlusProvider$Plus");
        assertThat(PluginCalls.unwrap(PluginCalls.unwrap(layer))).isSameAs(PluginCalls.unwrap(layer));
        assertThat(layer.toString()).startsWith("org.acme.PlusProvider$Plus@");
    }

    @Test
    void everyWrapperCallsThroughEveryMethodOfItsContractsDefaultsIncluded() {
        List<String> leftToTheInterface = new ArrayList<>();
        for (Class<? extends PluginComponent> wrapper : PluginComponents.WRAPPERS) {
            for (Class<?> contract : PluginComponents.contracts(wrapper)) {
                for (Method method : contract.getMethods()) {
                    if (Modifier.isStatic(method.getModifiers())) {
                        continue;
                    }
                    Method implementation = method(wrapper, method);
                    if (!PluginComponent.class.isAssignableFrom(implementation.getDeclaringClass())) {
                        leftToTheInterface.add(wrapper.getSimpleName() + " " + contract.getSimpleName() + "."
                                + method.getName());
                    }
                }
            }
        }

        assertThat(leftToTheInterface).isEmpty();
    }

    @Test
    void everyComponentInterfaceOfTheApiHasADirectWrapper() {
        Set<Set<Class<?>>> wrapped = new HashSet<>();
        PluginComponents.WRAPPERS.forEach(w -> wrapped.add(PluginComponents.contracts(w)));
        List<String> unwrapped = new ArrayList<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().acceptPackagesNonRecursive("dev.descent.api")
                .scan()) {
            for (ClassInfo info : scan.getAllInterfaces()) {
                Class<?> type = info.loadClass();
                boolean component = List.of(Kind.values()).stream().anyMatch(k -> k.componentType().isAssignableFrom(type));
                Set<Class<?>> contracts = new HashSet<>(PluginComponents.contracts(type));
                contracts.add(type);
                if (component && !wrapped.contains(contracts)) {
                    unwrapped.add(type.getName());
                }
            }
        }

        assertThat(unwrapped).as("API component interfaces without a wrapper in PluginComponents").isEmpty();
        assertThat(wrapped).contains(Set.of(Loss.class, Trainable.class), Set.of(Layer.class, Trainable.class),
                Set.of(MergeLayer.class, Layer.class, Trainable.class));
    }

    @Test
    void anUnusualMixOfContractsIsKeptWholeThroughAProxy() throws IOException {
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0], null)) {
            Object wrapped = PluginComponents.wrap(new LossAndMetric(pluginLoader), pluginLoader);

            assertThat(wrapped).isInstanceOf(Loss.class).isInstanceOf(Metric.class);
            assertThat(((Loss) wrapped).compute(Tensor.vector(1), Tensor.vector(1))).isEqualTo(1.0);
            assertThat(((Metric) wrapped).compute().data()).containsExactly(1f);
            assertThat(PluginCalls.unwrap(wrapped)).isInstanceOf(LossAndMetric.class);
            assertThat(PluginComponents.wrap(wrapped, pluginLoader)).isSameAs(wrapped);
        }
    }

    @Test
    void aComponentWithAKnownMixGetsItsDirectWrapper() throws IOException {
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0], null)) {
            Object wrapped = PluginComponents.wrap(new LossAndMetric(pluginLoader).asLoss(), pluginLoader);

            assertThat(wrapped).isInstanceOf(PluginLoss.class).isNotInstanceOf(Trainable.class);
            assertThat(((Loss) wrapped).compute(Tensor.vector(1), Tensor.vector(1))).isEqualTo(1.0);
            assertThat(PluginComponents.wrap(wrapped, pluginLoader)).isSameAs(wrapped);
        }
    }

    @Test
    void aPluginLayerTakesItsInitializerFromTheHost() throws IOException {
        TestJars.builder().source("org.init.ScaleProvider", PluginSources.scaleLayer("org.init.ScaleProvider",
                        "scale", false))
                .service(LAYER_SPI, "org.init.ScaleProvider")
                .manifest("Descent-Plugin-Id", "init")
                .write(folder.resolve("init.jar"));
        Descent withInit = Descent.builder().plugins(folder).build();

        Layer ones = withInit.layers().create("scale");
        Layer zeros = withInit.layers().create("scale(init=zeros)");
        ones.initialize(new int[] {1}, new SplittableRandom(1));
        zeros.initialize(new int[] {1}, new SplittableRandom(1));

        assertThat(ones.parameters().get(0).value().data()).containsExactly(1f);
        assertThat(zeros.parameters().get(0).value().data()).containsExactly(0f);
        assertThat(withInit.layers().describe("scale").params().get(0).typeText()).isEqualTo("initializer spec");
    }

    @Test
    void aPluginsExceptionPassesUnchangedAndTheContextLoaderIsRestored() throws IOException {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0], null)) {
            IllegalArgumentException thrown = new IllegalArgumentException("bad shape");
            Layer layer = (Layer) PluginComponents.wrap(new Layer() {
                @Override
                public int[] outputShape(int[] inputShape) {
                    return inputShape;
                }

                @Override
                public Tensor forward(Tensor input, Pass pass) {
                    Thread.currentThread().setContextClassLoader(null); // a careless plugin
                    throw thrown;
                }

                @Override
                public Tensor backward(Tensor outputGradient, boolean inputGradient) {
                    return outputGradient;
                }
            }, pluginLoader);

            assertThatThrownBy(() -> layer.forward(Tensor.zeros(1, 1), Pass.INFERENCE)).isSameAs(thrown);
            assertThat(layer).isInstanceOf(PluginLayer.class);
        }
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    private static Method method(Class<?> type, Method method) {
        try {
            return type.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** Both a loss and a metric: 1 when called with {@code expected} as context class loader, else 0. */
    private static final class LossAndMetric implements Loss, Metric {
        private final ClassLoader expected;

        LossAndMetric(ClassLoader expected) {
            this.expected = expected;
        }

        private float inLoader() {
            return Thread.currentThread().getContextClassLoader() == expected ? 1f : 0f;
        }

        Loss asLoss() {
            LossAndMetric self = this;
            return new Loss() {
                @Override
                public String name() {
                    return "mix";
                }

                @Override
                public double compute(Tensor p, Tensor t, Tensor g) {
                    return self.compute(p, t, g);
                }

                @Override
                public Tensor unreduced(Tensor p, Tensor t) {
                    return self.unreduced(p, t);
                }
            };
        }

        @Override
        public String name() {
            return "mix";
        }

        @Override
        public double compute(Tensor p, Tensor t, Tensor g) {
            return inLoader();
        }

        @Override
        public Tensor unreduced(Tensor p, Tensor t) {
            return Tensor.zerosLike(p);
        }

        @Override
        public void update(Tensor predictions, Tensor targets) {}

        @Override
        public Tensor compute() {
            return Tensor.vector(inLoader());
        }

        @Override
        public void reset() {}
    }
}
