package dev.descent.testkit;

import static dev.descent.testkit.CheckRun.fail;
import static dev.descent.testkit.CheckRun.number;

import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Shapes;
import dev.descent.api.Spec;
import dev.descent.api.SpecValue;
import dev.descent.api.Tensor;
import dev.descent.testkit.ComponentChecks.SpecCase;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** The checks of one loss spec. */
final class LossChecks {
    private static final long SEED = 0x10557L;
    /** Points at which the gradient is compared. */
    private static final int GRADIENT_POINTS = 3;
    /**
     * Relative slack of the reduction identities: the unreduced values are floats (each off by up to 6e-8
     * relative) and a plugin may sum in float, while a wrong reduction is off by a factor.
     */
    private static final double REDUCTION_TOLERANCE = 1e-4;

    private final LossProvider provider;
    private final LossCheckConfig config;
    private final SpecCase spec;

    private LossChecks(LossProvider provider, LossCheckConfig config, SpecCase spec) {
        this.provider = provider;
        this.config = config;
        this.spec = spec;
    }

    static void run(CheckRun run, LossProvider provider, LossCheckConfig config, SpecCase spec) {
        LossChecks checks = new LossChecks(provider, config, spec);
        run.run(spec.name(ContractChecks.LOSS_FINITE), checks::finite);
        run.run(spec.name(ContractChecks.LOSS_GRADIENT), checks::gradient);
        run.run(spec.name(ContractChecks.LOSS_INPUTS_UNCHANGED), checks::inputsUnchanged);
        run.run(spec.name(ContractChecks.LOSS_GRADIENT_OVERWRITTEN), checks::gradientOverwritten);
        run.run(spec.name(ContractChecks.LOSS_SHAPE_ERRORS), checks::shapeErrors);
        if (checks.hasReductionChoices()) {
            run.run(spec.name(ContractChecks.LOSS_REDUCTION), checks::reduction);
        }
        run.run(spec.name(ContractChecks.LOSS_DETERMINISM), checks::determinism);
    }

    private Loss create(Spec which) {
        return Components.create(provider, which, config.resolver());
    }

    private Loss create() {
        return create(spec.spec());
    }

    /** Predictions and targets drawn for the configured shape from a generator seeded with {@code seed}. */
    private Tensor[] point(long seed, int[] targetShape) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor predictions = config.predictions().generate(config.shape(), random);
        Tensor targets = config.targets().generate(targetShape, random);
        return new Tensor[] {predictions, targets};
    }

    private Tensor[] point(long seed) {
        return point(seed, config.shape());
    }

    private String finite() {
        Loss loss = create();
        Tensor[] point = point(SEED);
        double value = loss.compute(point[0], point[1]);
        Tensor gradient = Tensor.zerosLike(point[0]);
        double withGradient = loss.compute(point[0], point[1], gradient);
        Tensor unreduced = loss.unreduced(point[0], point[1]);
        if (!Double.isFinite(value) || !Double.isFinite(withGradient)) {
            throw fail("compute gave " + value + " (" + withGradient + " with a gradient) on predictions "
                    + point[0] + " and targets " + point[1] + "; expected a finite value");
        }
        int gradientIndex = firstNonFinite(gradient);
        if (gradientIndex >= 0) {
            throw fail("the gradient holds " + gradient.data()[gradientIndex] + " at "
                    + GradientCheck.index(gradientIndex, gradient.shape()) + " on predictions " + point[0]
                    + " and targets " + point[1] + "; expected finite values");
        }
        int unreducedIndex = firstNonFinite(unreduced);
        if (unreducedIndex >= 0) {
            throw fail("unreduced holds " + unreduced.data()[unreducedIndex] + " at "
                    + GradientCheck.index(unreducedIndex, unreduced.shape()) + " on predictions " + point[0]
                    + " and targets " + point[1] + "; expected finite values");
        }
        return "value " + number(value) + ", finite gradient and unreduced values on random inputs of shape "
                + Shapes.toString(point[0].shape());
    }

    private static int firstNonFinite(Tensor tensor) {
        float[] data = tensor.data();
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    private String gradient() {
        Loss loss = create();
        GradientCheck.Comparison worst = null;
        int[] shape = null;
        for (int k = 0; k < GRADIENT_POINTS; k++) {
            Tensor[] point = point(SEED + 1 + k);
            Tensor predictions = point[0];
            Tensor targets = point[1];
            Tensor analytic = Tensor.zerosLike(predictions);
            loss.compute(predictions, targets, analytic);
            GradientCheck.Comparison comparison = GradientCheck.compare(p -> loss.compute(p, targets), predictions,
                    analytic);
            if (!comparison.passed()) {
                throw fail("at random point " + (k + 1) + " of " + GRADIENT_POINTS + ", "
                        + comparison.describe("compute gives", predictions.shape()) + "; predictions " + predictions
                        + ", targets " + targets);
            }
            if (worst == null || comparison.error() > worst.error()) {
                worst = comparison;
                shape = predictions.shape();
            }
        }
        return "at " + GRADIENT_POINTS + " random points, " + worst.describe("compute gives", shape);
    }

    private String inputsUnchanged() {
        Loss loss = create();
        Tensor[] point = point(SEED + 10);
        Tensor predictions = point[0].copy();
        Tensor targets = point[1].copy();
        loss.compute(predictions, targets, Tensor.zerosLike(predictions));
        requireUnchanged("compute with a gradient", predictions, point[0], targets, point[1]);
        loss.compute(predictions, targets);
        requireUnchanged("compute", predictions, point[0], targets, point[1]);
        loss.unreduced(predictions, targets);
        requireUnchanged("unreduced", predictions, point[0], targets, point[1]);
        return "compute (with and without a gradient) and unreduced leave predictions and targets as they were";
    }

    private static void requireUnchanged(String call, Tensor predictions, Tensor originalPredictions, Tensor targets,
            Tensor originalTargets) {
        if (!Arrays.equals(predictions.data(), originalPredictions.data())) {
            throw fail(call + " changed its predictions from " + originalPredictions + " to " + predictions
                    + "; a loss must not modify its inputs");
        }
        if (!Arrays.equals(targets.data(), originalTargets.data())) {
            throw fail(call + " changed its targets from " + originalTargets + " to " + targets
                    + "; a loss must not modify its inputs");
        }
    }

    private String gradientOverwritten() {
        Loss loss = create();
        Tensor[] point = point(SEED + 20);
        Tensor fromZeros = Tensor.zerosLike(point[0]);
        loss.compute(point[0], point[1], fromZeros);
        // NaN shows through any sum with what the buffer held.
        Tensor fromNaN = Tensor.zerosLike(point[0]);
        fromNaN.fill(Float.NaN);
        loss.compute(point[0], point[1], fromNaN);
        float[] expected = fromZeros.data();
        float[] actual = fromNaN.data();
        for (int i = 0; i < actual.length; i++) {
            if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i]) || Float.isNaN(actual[i])) {
                throw fail("a gradient buffer filled with NaN holds " + actual[i] + " at "
                        + GradientCheck.index(i, fromNaN.shape()) + " after compute, where a zero buffer gets "
                        + expected[i] + "; compute must overwrite the buffer, not add to it");
            }
        }
        return "a buffer filled with NaN receives the same gradient as a zero one";
    }

    private String shapeErrors() {
        Loss loss = create();
        Tensor[] point = point(SEED + 30, config.mismatchedShape());
        String predictionsShape = Shapes.toString(point[0].shape());
        String targetsShape = Shapes.toString(point[1].shape());
        String name = provider.name();
        requireShapeError("compute", () -> loss.compute(point[0], point[1], Tensor.zerosLike(point[0])), name,
                predictionsShape, targetsShape);
        String message = requireShapeError("unreduced", () -> loss.unreduced(point[0], point[1]), name,
                predictionsShape, targetsShape);
        return "predictions " + predictionsShape + " with targets " + targetsShape + " are refused: " + message;
    }

    private static String requireShapeError(String call, Supplier<Object> body, String name, String predictions,
            String targets) {
        String expected = "an IllegalArgumentException whose message names the loss '" + name + "' and both shapes, "
                + predictions + " and " + targets + " (Shapes.requireSameShape writes one)";
        try {
            body.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains(name) && message.contains(predictions) && message.contains(targets)) {
                return message;
            }
            throw fail(call + " with predictions " + predictions + " and targets " + targets + " threw '" + message
                    + "'; expected " + expected);
        } catch (RuntimeException e) {
            throw fail(call + " with predictions " + predictions + " and targets " + targets + " threw "
                    + CheckRun.describe(e) + "; expected " + expected);
        }
        throw fail(call + " accepted predictions " + predictions + " with targets " + targets + "; expected " + expected);
    }

    /** Whether the loss declares a {@code reduction} parameter offering mean, sum and none. */
    boolean hasReductionChoices() {
        return provider.params().stream().anyMatch(param -> param.name().equals("reduction")
                && param.type() == ParamSpec.Type.STRING
                && param.choices().containsAll(List.of("mean", "sum", "none")));
    }

    private Loss withReduction(String reduction) {
        Map<String, SpecValue> arguments = new LinkedHashMap<>(spec.spec().arguments());
        arguments.put("reduction", Spec.of(reduction));
        return create(new Spec(spec.spec().namespace(), spec.spec().name(), arguments));
    }

    private String reduction() {
        Tensor[] point = point(SEED + 40);
        double mean = withReduction("mean").compute(point[0], point[1]);
        Loss sumLoss = withReduction("sum");
        double sum = sumLoss.compute(point[0], point[1]);
        Loss noneLoss = withReduction("none");
        double none = noneLoss.compute(point[0], point[1]);
        Tensor unreduced = noneLoss.unreduced(point[0], point[1]);
        double unreducedSum = 0;
        double unreducedMagnitude = 0;
        for (float value : unreduced.data()) {
            unreducedSum += value;
            unreducedMagnitude += Math.abs(value);
        }
        int n = unreduced.size();
        double slack = REDUCTION_TOLERANCE * Math.max(1, unreducedMagnitude);
        if (config.linearReduction()) {
            if (!(Math.abs(sum - mean * n) <= REDUCTION_TOLERANCE * Math.max(1, Math.abs(sum)))) {
                throw fail("reduction=sum gives " + number(sum) + " but reduction=mean gives " + number(mean)
                        + ", and mean × n = " + number(mean * n) + " with n = " + n + " unreduced values of shape "
                        + Shapes.toString(unreduced.shape()) + "; expected sum = mean × n (the mean is over every"
                        + " element, not over the batch); a loss that transforms after reducing, as a root mean"
                        + " square does, declares its reduction non-linear (LossContract.linearReduction())");
            }
            if (!(Math.abs(unreducedSum - sum) <= slack)) {
                throw fail("the unreduced values sum to " + number(unreducedSum) + " but reduction=sum gives "
                        + number(sum) + "; expected them equal");
            }
        }
        if (!(Math.abs(none - unreducedSum) <= slack)) {
            throw fail("reduction=none: compute gives " + number(none) + " but the unreduced values sum to "
                    + number(unreducedSum) + "; compute with none must return their sum, as PyTorch's backward with"
                    + " a gradient of ones");
        }
        return config.linearReduction()
                ? "mean " + number(mean) + " × n " + n + " = sum " + number(sum) + " = sum of unreduced "
                        + number(unreducedSum) + " = compute with none " + number(none)
                : "sum of unreduced " + number(unreducedSum) + " = compute with none " + number(none)
                        + " (sum = mean × n not checked: the reduction is declared non-linear)";
    }

    private String determinism() {
        Loss loss = create();
        Tensor[] point = point(SEED + 50);
        Tensor first = Tensor.zerosLike(point[0]);
        double firstValue = loss.compute(point[0], point[1], first);
        Tensor second = Tensor.zerosLike(point[0]);
        double secondValue = loss.compute(point[0], point[1], second);
        Tensor third = Tensor.zerosLike(point[0]);
        double thirdValue = create().compute(point[0], point[1], third);
        requireSameBits("two computes of one loss", firstValue, first, secondValue, second);
        requireSameBits("computes of two losses from one spec", firstValue, first, thirdValue, third);
        Tensor unreduced = loss.unreduced(point[0], point[1]);
        Tensor unreducedAgain = loss.unreduced(point[0], point[1]);
        if (!Arrays.equals(unreduced.data(), unreducedAgain.data())) {
            throw fail("two unreduced calls on one input gave " + unreduced + " and " + unreducedAgain
                    + "; expected identical values");
        }
        return "value " + number(firstValue) + ", gradient and unreduced values bit for bit the same on every call";
    }

    private static void requireSameBits(String what, double firstValue, Tensor first, double secondValue,
            Tensor second) {
        if (Double.doubleToLongBits(firstValue) != Double.doubleToLongBits(secondValue)) {
            throw fail(what + " on one input gave " + firstValue + " and " + secondValue + "; expected identical bits");
        }
        if (!Arrays.equals(first.data(), second.data())) {
            throw fail(what + " on one input gave gradients " + first + " and " + second + "; expected identical bits");
        }
    }
}
