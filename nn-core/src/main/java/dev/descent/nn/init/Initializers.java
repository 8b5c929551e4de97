package dev.descent.nn.init;

import dev.descent.api.Initializer;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Shapes;
import dev.descent.api.Spec;
import dev.descent.api.Suggestions;
import dev.descent.api.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The initialisers a layer's {@code init} parameter names, after {@code torch.nn.init}:
 * {@code kaiming_uniform(a, mode, nonlinearity)}, {@code kaiming_normal(...)}, {@code xavier_uniform(gain)}
 * (Keras's {@code glorot_uniform}), {@code xavier_normal(gain)}, {@code normal(mean, std)},
 * {@code uniform(a, b)}, {@code zeros}, {@code ones}. Every draw comes from the generator handed to
 * {@link Initializer#initialize}, so the model's seed fixes the weights (PyTorch's own generator is not
 * reproduced: the same seed gives other numbers than PyTorch, from the same distribution).
 *
 * <p>The layer default {@link #TORCH_DEFAULT} is PyTorch's {@code reset_parameters} of {@code nn.Linear}
 * and {@code nn.Conv2d}: {@code kaiming_uniform} with {@code a = √5}, a bound of {@code 1/√fan_in}.
 */
public final class Initializers {
    /** PyTorch's default for linear and convolution weights: kaiming_uniform with a = √5. */
    public static final String TORCH_DEFAULT = "kaiming_uniform(a=2.23606797749979)";

    private static final Map<String, Kind> KINDS = Map.of(
            "kaiming_uniform", new Kind(kaimingParams(), Initializers::kaimingUniform),
            "kaiming_normal", new Kind(kaimingParams(), Initializers::kaimingNormal),
            "xavier_uniform", new Kind(List.of(gain()), p -> xavier(p.real("gain"), true)),
            "xavier_normal", new Kind(List.of(gain()), p -> xavier(p.real("gain"), false)),
            "normal", new Kind(List.of(ParamSpec.real("mean", 0.0, "mean of the normal distribution"),
                    ParamSpec.real("std", 1.0, "standard deviation").atLeast(0)), Initializers::normal),
            "uniform", new Kind(List.of(ParamSpec.real("a", 0.0, "lower bound"),
                    ParamSpec.real("b", 1.0, "upper bound")), Initializers::uniform),
            "zeros", new Kind(List.of(), p -> constant(0f)),
            "ones", new Kind(List.of(), p -> constant(1f)));

    private record Kind(List<ParamSpec> params, Function<Params, Initializer> factory) {}

    private Initializers() {}

    /**
     * The {@code init} parameter of a layer: a nested spec naming one of these initialisers.
     *
     * @param defaultSpec the layer's default, e.g. {@link #TORCH_DEFAULT}
     */
    public static ParamSpec param(String defaultSpec) {
        return ParamSpec.component("init", Initializer.class, defaultSpec,
                "how the weights are drawn: one of " + String.join(", ", names()));
    }

    /** The names, sorted. */
    public static List<String> names() {
        return KINDS.keySet().stream().sorted().toList();
    }

    /**
     * The initialiser a spec names, its arguments validated.
     *
     * @throws IllegalArgumentException for an unknown name (suggesting the nearest) or a bad argument
     */
    public static Initializer create(Spec spec) {
        Kind kind = KINDS.get(spec.name());
        if (kind == null) {
            throw new IllegalArgumentException("unknown initializer '" + spec.name() + "'"
                    + Suggestions.didYouMean(spec.name(), KINDS.keySet()) + "; known: " + String.join(", ", names()));
        }
        Params params = Params.resolve("initializer '" + spec.name() + "'", kind.params(), spec.arguments(),
                dev.descent.api.ComponentResolver.NONE);
        return kind.factory().apply(params);
    }

    /** {@code create(Spec.parse(spec))}. */
    public static Initializer create(String spec) {
        return create(Spec.parse(spec));
    }

    private static List<ParamSpec> kaimingParams() {
        return List.of(
                ParamSpec.real("a", 0.0, "negative slope of the leaky_relu after this layer"),
                ParamSpec.choice("mode", "fan_in", List.of("fan_in", "fan_out"),
                        "fan_in keeps the forward's variance, fan_out the backward's"),
                ParamSpec.choice("nonlinearity", "leaky_relu", List.of("leaky_relu", "relu", "linear", "conv1d",
                        "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid",
                        "tanh", "selu"), "the activation that follows, for its gain (torch.nn.init.calculate_gain)"));
    }

    private static ParamSpec gain() {
        return ParamSpec.real("gain", 1.0, "scale of the bound or standard deviation").atLeast(0);
    }

    /** {@code [fan_in, fan_out]} as PyTorch's {@code _calculate_fan_in_and_fan_out}. */
    public static int[] fans(int[] shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("fan in and fan out need a weight of rank 2 or more, got shape "
                    + Shapes.toString(shape));
        }
        long receptive = 1;
        for (int axis = 2; axis < shape.length; axis++) {
            receptive *= shape[axis];
        }
        return new int[] {(int) (shape[1] * receptive), (int) (shape[0] * receptive)};
    }

    private static double kaimingGain(Params params) {
        return switch (params.string("nonlinearity")) {
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> Math.sqrt(2.0 / (1 + params.real("a") * params.real("a")));
            case "tanh" -> 5.0 / 3;
            case "selu" -> 3.0 / 4;
            default -> 1.0; // linear, the convolutions, sigmoid
        };
    }

    private static int fan(Params params, int[] shape) {
        int[] fans = fans(shape);
        return params.string("mode").equals("fan_in") ? fans[0] : fans[1];
    }

    private static Initializer kaimingUniform(Params params) {
        double gain = kaimingGain(params);
        return (weight, random) -> {
            double bound = gain * Math.sqrt(3.0 / fan(params, weight.shapeView()));
            fill(weight, () -> (float) random.nextDouble(-bound, bound));
        };
    }

    private static Initializer kaimingNormal(Params params) {
        double gain = kaimingGain(params);
        return (weight, random) -> {
            double std = gain / Math.sqrt(fan(params, weight.shapeView()));
            fill(weight, () -> (float) (random.nextGaussian() * std));
        };
    }

    private static Initializer xavier(double gain, boolean uniform) {
        return (weight, random) -> {
            int[] fans = fans(weight.shapeView());
            double std = gain * Math.sqrt(2.0 / (fans[0] + fans[1]));
            if (uniform) {
                double bound = Math.sqrt(3.0) * std;
                fill(weight, () -> (float) random.nextDouble(-bound, bound));
            } else {
                fill(weight, () -> (float) (random.nextGaussian() * std));
            }
        };
    }

    private static Initializer normal(Params params) {
        double mean = params.real("mean");
        double std = params.real("std");
        if (!Double.isFinite(mean) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("initializer 'normal': mean and std must be finite, got mean=" + mean
                    + ", std=" + std);
        }
        return (weight, random) -> fill(weight, () -> (float) (mean + random.nextGaussian() * std));
    }

    private static Initializer uniform(Params params) {
        double a = params.real("a");
        double b = params.real("b");
        if (!Double.isFinite(a) || !Double.isFinite(b) || a > b) {
            throw new IllegalArgumentException("initializer 'uniform': a and b must be finite with a <= b, got a=" + a
                    + ", b=" + b);
        }
        if (a == b) {
            return constant((float) a); // torch's uniform_(a, a) fills with a; Java's nextDouble(a, a) refuses
        }
        return (weight, random) -> fill(weight, () -> (float) random.nextDouble(a, b));
    }

    private static Initializer constant(float value) {
        return (weight, random) -> weight.fill(value);
    }

    private static void fill(Tensor weight, java.util.function.DoubleSupplier draw) {
        float[] values = weight.array();
        for (int i = weight.offset(), end = weight.offset() + weight.size(); i < end; i++) {
            values[i] = (float) draw.getAsDouble();
        }
    }
}
