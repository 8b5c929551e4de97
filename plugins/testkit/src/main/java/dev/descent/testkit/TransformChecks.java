package dev.descent.testkit;

import static dev.descent.testkit.CheckRun.fail;

import dev.descent.api.GradientTransform;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.api.TransformProvider;
import dev.descent.testkit.ComponentChecks.SpecCase;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The checks of one gradient transform spec, over {@value #STEPS} steps on two parameters, {@code weight}
 * [2, 3] and {@code bias} [3], each step with fresh gradients in [-1, 1) and the parameters moved a little
 * between steps (as an optimizer would), so that state keyed by name is exercised.
 */
final class TransformChecks {
    private static final long SEED = 0x7A5FL;
    private static final int STEPS = 6;
    /** Steps before the state is taken. */
    private static final int STOP = 3;
    private static final String[] NAMES = {"weight", "bias"};
    private static final int[][] SHAPES = {{2, 3}, {3}};

    private final TransformProvider provider;
    private final TransformCheckConfig config;
    private final SpecCase spec;

    private TransformChecks(TransformProvider provider, TransformCheckConfig config, SpecCase spec) {
        this.provider = provider;
        this.config = config;
        this.spec = spec;
    }

    static void run(CheckRun run, TransformProvider provider, TransformCheckConfig config, SpecCase spec) {
        TransformChecks checks = new TransformChecks(provider, config, spec);
        run.run(spec.name(ContractChecks.TRANSFORM_FINITE), checks::finite);
        run.run(spec.name(ContractChecks.TRANSFORM_STATE), checks::stateRoundTrip);
        run.run(spec.name(ContractChecks.TRANSFORM_DETERMINISM), checks::determinism);
    }

    private GradientTransform create() {
        return Components.create(provider, spec.spec(), config.resolver());
    }

    /** What one run of steps saw: each step's gradients after the transform (null when held back). */
    private record Trace(float[][][] gradients, State state) {}

    private String finite() {
        List<Parameter> parameters = parameters();
        GradientTransform transform = create();
        int held = 0;
        for (int step = 0; step < STEPS; step++) {
            fillGradients(parameters, step);
            float[][] before = values(parameters);
            boolean goesOn = transform.beforeStep(parameters);
            requireUnchanged(parameters, before, "beforeStep of step " + (step + 1));
            if (!goesOn) {
                held++;
                continue;
            }
            for (Parameter parameter : parameters) {
                for (float g : parameter.gradient().data()) {
                    if (!Float.isFinite(g)) {
                        throw fail("step " + (step + 1) + " left a gradient of '" + parameter.name() + "' at " + g
                                + " from finite gradients in [-1, 1)");
                    }
                }
            }
            move(parameters);
            float[][] moved = values(parameters);
            transform.afterStep(parameters);
            requireUnchanged(parameters, moved, "afterStep of step " + (step + 1));
        }
        return STEPS + " steps on finite gradients leave finite gradients and the parameters alone" + (held == 0
                ? "" : "; " + held + " of them held back");
    }

    private static void requireUnchanged(List<Parameter> parameters, float[][] before, String where) {
        for (int p = 0; p < parameters.size(); p++) {
            if (!Arrays.equals(parameters.get(p).value().data(), before[p])) {
                throw fail(where + " changed the value of parameter '" + parameters.get(p).name()
                        + "'; a transform may rewrite gradients only, the optimizer moves the parameters");
            }
        }
    }

    private String stateRoundTrip() {
        Trace straight = trace(create(), parameters(), 0, STEPS);

        List<Parameter> first = parameters();
        GradientTransform before = create();
        trace(before, first, 0, STOP);
        State state = before.state();
        GradientTransform after = create();
        after.loadState(state);
        Trace resumed = trace(after, first, STOP, STEPS);
        for (int step = STOP; step < STEPS; step++) {
            requireSame(straight.gradients()[step], resumed.gradients()[step], "step " + (step + 1)
                    + " after loadState of the state taken after step " + STOP);
        }
        return "state after " + STOP + " steps, loaded into a fresh transform, continues bit for bit ("
                + state.tensors().size() + " tensors, " + state.numbers().size() + " numbers)";
    }

    private String determinism() {
        Trace first = trace(create(), parameters(), 0, STEPS);
        Trace second = trace(create(), parameters(), 0, STEPS);
        for (int step = 0; step < STEPS; step++) {
            requireSame(first.gradients()[step], second.gradients()[step], "step " + (step + 1) + " of a second"
                    + " transform of one spec");
        }
        return "two transforms of one spec give identical gradients over " + STEPS + " steps";
    }

    private static void requireSame(float[][] expected, float[][] actual, String where) {
        if (expected == null || actual == null) {
            if (expected != actual) {
                throw fail(where + " was " + (actual == null ? "held back" : "not held back") + "; expected it "
                        + (expected == null ? "held back" : "to go on"));
            }
            return;
        }
        for (int p = 0; p < expected.length; p++) {
            for (int i = 0; i < expected[p].length; i++) {
                if (Float.floatToIntBits(expected[p][i]) != Float.floatToIntBits(actual[p][i])) {
                    throw fail(where + ": gradient " + i + " of '" + NAMES[p] + "' is " + actual[p][i] + "; expected "
                            + expected[p][i] + ", bit for bit");
                }
            }
        }
    }

    /** Steps {@code from} .. {@code to - 1} on {@code parameters}, recording the transformed gradients. */
    private static Trace trace(GradientTransform transform, List<Parameter> parameters, int from, int to) {
        float[][][] gradients = new float[STEPS][][];
        for (int step = from; step < to; step++) {
            if (step(transform, parameters, step)) {
                gradients[step] = parameters.stream().map(p -> p.gradient().data().clone()).toArray(float[][]::new);
            }
        }
        return new Trace(gradients, transform.state());
    }

    /** One step: the gradients of step {@code step}, beforeStep, then, if it went on, a move and afterStep. */
    private static boolean step(GradientTransform transform, List<Parameter> parameters, int step) {
        fillGradients(parameters, step);
        if (!transform.beforeStep(parameters)) {
            return false;
        }
        move(parameters);
        transform.afterStep(parameters);
        return true;
    }

    /** Gradients in [-1, 1), a function of the step alone. */
    private static void fillGradients(List<Parameter> parameters, int step) {
        SplittableRandom random = new SplittableRandom(SEED + step);
        for (Parameter parameter : parameters) {
            float[] gradient = parameter.gradient().data();
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = (float) random.nextDouble(-1, 1);
            }
        }
    }

    /** A small gradient step, standing in for the optimizer. */
    private static void move(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            float[] value = parameter.value().data();
            float[] gradient = parameter.gradient().data();
            for (int i = 0; i < value.length; i++) {
                value[i] -= 0.01f * gradient[i];
            }
        }
    }

    private static List<Parameter> parameters() {
        SplittableRandom random = new SplittableRandom(SEED);
        return java.util.stream.IntStream.range(0, NAMES.length).mapToObj(p -> {
            Tensor value = Tensor.zeros(SHAPES[p]);
            float[] data = value.data();
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextDouble(-2, 2);
            }
            return Parameter.of(NAMES[p], value);
        }).toList();
    }

    private static float[][] values(List<Parameter> parameters) {
        return parameters.stream().map(p -> p.value().data().clone()).toArray(float[][]::new);
    }
}
