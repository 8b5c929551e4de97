package dev.descent.app.plugin;

import java.util.LinkedHashMap;
import java.util.Map;

/** Java sources of small plugins, compiled into real jars by the loader's tests. */
public final class PluginSources {
    private PluginSources() {}

    public static final String LOSS_SPI = "dev.descent.api.LossProvider";

    /**
     * A loss provider {@code name} in {@code org.acme.<Class>} whose value is {@code constant} and whose
     * extra code runs where {@code body} says: {@code static} (a static initialiser), {@code constructor},
     * or {@code create} (inside create), each given as Java statements.
     */
    public static String constantLoss(String className, String name, String valueExpression, String staticBlock,
            String constructorBody, String createBody) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String pkg = className.substring(0, className.lastIndexOf('.'));
        return """
                package %s;

                import dev.descent.api.*;
                import java.util.List;

                public class %s implements LossProvider {
                    static { %s }

                    public %s() { %s }

                    @Override public String name() { return "%s"; }
                    @Override public String description() { return "test loss %s"; }
                    @Override public List<ParamSpec> params() { return List.of(Reduction.PARAM); }

                    @Override public Loss create(Params params) {
                        %s
                        return new Loss() {
                            @Override public String name() { return "%s"; }
                            @Override public double compute(Tensor p, Tensor t, Tensor g) {
                                if (g != null) { g.fill(0f); }
                                return %s;
                            }
                            @Override public Tensor unreduced(Tensor p, Tensor t) { return Tensor.zerosLike(p); }
                        };
                    }
                }
                """.formatted(pkg, simple, staticBlock, simple, constructorBody, name, name, createBody, name,
                valueExpression);
    }

    /** A well-behaved loss provider whose value is {@code value}. */
    public static String constantLoss(String className, String name, double value) {
        return constantLoss(className, name, Double.toString(value), "", "", "");
    }

    public static final String LAYER_SPI = "dev.descent.api.LayerProvider";
    public static final String OPTIMIZER_SPI = "dev.descent.api.OptimizerProvider";

    /**
     * Sources of a plugin whose components implement more than their kind's interface, each method of which
     * calls {@code org.acme.Host.call(this)}: it throws unless the thread's context class loader is the
     * plugin's and the plugin's code was called by Descent's directly, not through {@code Method.invoke} or a
     * {@code Proxy}.
     * <ul>
     *   <li>{@code org.acme.PlusProvider}, layer {@code plus}: a {@code MergeLayer} summing its inputs;
     *   <li>{@code org.acme.WeightedProvider}, loss {@code weighted}: {@code exp(w) * sum(p - t)}, also
     *       {@code Trainable} with the parameter {@code w} (0 at the start);
     *   <li>{@code org.acme.DescentProvider}, optimizer {@code plain}: {@code p -= lr * g}.
     * </ul>
     */
    public static Map<String, String> multiContractPlugin() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("org.acme.Host", """
                package org.acme;

                public final class Host {
                    private Host() {}

                    public static void call(Object component) {
                        ClassLoader context = Thread.currentThread().getContextClassLoader();
                        if (context != component.getClass().getClassLoader()) {
                            throw new IllegalStateException("context class loader is " + context);
                        }
                        // Below the plugin's own frames, the caller must be Descent's code, not reflection.
                        String plugin = Host.class.getClassLoader().getName();
                        StackTraceElement[] frames = new Throwable().getStackTrace();
                        int caller = 1;
                        while (caller < frames.length && plugin.equals(frames[caller].getClassLoaderName())) {
                            caller++;
                        }
                        String name = frames[caller].getClassName();
                        if (!name.startsWith("dev.descent.") || name.contains("$Proxy")) {
                            throw new IllegalStateException("called through " + frames[caller]);
                        }
                    }
                }
                """);
        sources.put("org.acme.PlusProvider", """
                package org.acme;

                import dev.descent.api.*;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.random.RandomGenerator;

                public class PlusProvider implements LayerProvider {
                    @Override public String name() { return "plus"; }
                    @Override public String description() { return "the sum of its inputs"; }
                    @Override public Layer create(Params params) { return new Plus(); }

                    static final class Plus implements MergeLayer {
                        private final BatchBuffer output = new BatchBuffer();
                        private final List<BatchBuffer> gradients = new ArrayList<>();
                        private final List<Tensor> gradientList = new ArrayList<>();
                        private int inputs = -1;

                        @Override public int[] outputShape(List<int[]> shapes) {
                            Host.call(this);
                            return shapes.get(0).clone();
                        }

                        @Override public void initialize(List<int[]> shapes, RandomGenerator random) {
                            Host.call(this);
                        }

                        @Override public Tensor forward(List<Tensor> in, Pass pass) {
                            Host.call(this);
                            Tensor out = output.zeroed(in.get(0).shapeView());
                            float[] o = out.data();
                            for (Tensor t : in) {
                                float[] x = t.data();
                                for (int i = 0; i < o.length; i++) { o[i] += x[i]; }
                            }
                            if (pass.training()) { inputs = in.size(); }
                            return out;
                        }

                        @Override public List<Tensor> backward(Tensor g) {
                            Host.call(this);
                            if (inputs < 0) { throw new IllegalStateException("plus: no training forward"); }
                            while (gradients.size() < inputs) { gradients.add(new BatchBuffer()); }
                            gradientList.clear();
                            for (int k = 0; k < inputs; k++) {
                                Tensor d = gradients.get(k).get(g.shapeView());
                                System.arraycopy(g.data(), 0, d.data(), 0, d.size());
                                gradientList.add(d);
                            }
                            return gradientList;
                        }
                    }
                }
                """);
        sources.put("org.acme.WeightedProvider", """
                package org.acme;

                import dev.descent.api.*;
                import java.util.List;

                public class WeightedProvider implements LossProvider {
                    @Override public String name() { return "weighted"; }
                    @Override public String description() { return "exp(w) times the sum of p - t, w learned"; }
                    @Override public Loss create(Params params) { return new Weighted(); }

                    static final class Weighted implements Loss, Trainable {
                        private final Parameter w = Parameter.of("w", Tensor.vector(0f));

                        @Override public String name() { Host.call(this); return "weighted"; }

                        @Override public double compute(Tensor p, Tensor t, Tensor g) {
                            Host.call(this);
                            Shapes.requireSameShape("weighted", p, t);
                            double scale = Math.exp(w.value().data()[0]);
                            double sum = 0;
                            for (int i = 0; i < p.size(); i++) {
                                sum += p.data()[i] - t.data()[i];
                                if (g != null) { g.data()[i] = (float) scale; }
                            }
                            return scale * sum;
                        }

                        @Override public Tensor unreduced(Tensor p, Tensor t) {
                            Host.call(this);
                            Shapes.requireSameShape("weighted", p, t);
                            return Tensor.zerosLike(p);
                        }

                        @Override public List<Parameter> parameters() { Host.call(this); return List.of(w); }
                    }
                }
                """);
        sources.put("org.acme.DescentProvider", """
                package org.acme;

                import dev.descent.api.*;
                import java.util.List;

                public class DescentProvider implements OptimizerProvider {
                    @Override public String name() { return "plain"; }
                    @Override public String description() { return "p -= lr * g"; }
                    @Override public List<ParamSpec> params() {
                        return List.of(ParamSpec.real("lr", 0.1, "learning rate").atLeast(0));
                    }
                    @Override public Optimizer create(Params params) { return new Plain(params.real("lr")); }

                    static final class Plain implements Optimizer {
                        private double lr;

                        Plain(double lr) { this.lr = lr; }

                        @Override public void step(List<Parameter> parameters) {
                            Host.call(this);
                            for (Parameter parameter : parameters) {
                                float[] p = parameter.value().data();
                                float[] g = parameter.gradient().data();
                                for (int i = 0; i < p.length; i++) { p[i] -= (float) (lr * g[i]); }
                            }
                        }

                        @Override public double learningRate() { Host.call(this); return lr; }
                        @Override public void setLearningRate(double rate) { Host.call(this); lr = rate; }
                        @Override public State state() { Host.call(this); return State.builder().put("lr", lr).build(); }
                        @Override public void loadState(State state) { Host.call(this); lr = state.number("lr", lr); }
                    }
                }
                """);
        return sources;
    }

    /**
     * A layer provider {@code org.acme.<Class>} named {@code name}: {@code y = w * x} with one weight {@code w}
     * of shape [1] drawn by its {@code init} parameter (an {@code Initializer} spec, default {@code ones}),
     * which it takes from the host with {@code params.component}. With {@code stuckBatch} its output buffer is
     * sized by the first batch and never again, so a smaller batch gets the first batch's shape.
     */
    public static String scaleLayer(String className, String name, boolean stuckBatch) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String pkg = className.substring(0, className.lastIndexOf('.'));
        String output = stuckBatch
                ? "out == null ? (out = Tensor.zeros(x.shape())) : out"
                : "buffer.get(x.shapeView())";
        return """
                package %s;

                import dev.descent.api.*;
                import java.util.List;
                import java.util.random.RandomGenerator;

                public class %s implements LayerProvider {
                    @Override public String name() { return "%s"; }
                    @Override public String description() { return "y = w * x, one weight"; }
                    @Override public List<ParamSpec> params() {
                        return List.of(ParamSpec.component("init", Initializer.class, "ones", "how w is drawn"));
                    }

                    @Override public Layer create(Params params) {
                        Initializer init = params.component("init", Initializer.class);
                        return new Layer() {
                            private final Parameter w = Parameter.of("w", Tensor.zeros(1));
                            private final BatchBuffer buffer = new BatchBuffer();
                            private final BatchBuffer gradient = new BatchBuffer();
                            private Tensor out;
                            private Tensor input;

                            @Override public int[] outputShape(int[] shape) { return shape.clone(); }

                            @Override public void initialize(int[] shape, RandomGenerator random) {
                                init.initialize(w.value(), random);
                            }

                            @Override public Tensor forward(Tensor x, Pass pass) {
                                Tensor y = %s;
                                float scale = w.value().data()[0];
                                for (int i = 0; i < x.size(); i++) { y.data()[i] = scale * x.data()[i]; }
                                if (pass.training()) { input = x; }
                                return y;
                            }

                            @Override public Tensor backward(Tensor g, boolean inputGradient) {
                                if (input == null) { throw new IllegalStateException("%s: no training forward"); }
                                double sum = 0;
                                for (int i = 0; i < g.size(); i++) { sum += g.data()[i] * input.data()[i]; }
                                w.gradient().data()[0] += (float) sum;
                                if (!inputGradient) { return null; }
                                Tensor d = gradient.get(g.shapeView());
                                float scale = w.value().data()[0];
                                for (int i = 0; i < g.size(); i++) { d.data()[i] = scale * g.data()[i]; }
                                return d;
                            }

                            @Override public List<Parameter> parameters() { return List.of(w); }
                        };
                    }
                }
                """.formatted(pkg, simple, name, output, name);
    }
}
