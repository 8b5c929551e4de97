package dev.descent.app.plugin;

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
}
