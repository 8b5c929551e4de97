package dev.descent.testkit;

import static dev.descent.testkit.CheckRun.fail;
import static dev.descent.testkit.CheckRun.number;

import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.testkit.ComponentChecks.SpecCase;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The checks of one optimizer spec, on the convex quadratic {@code f(w) = 0.5 Σ a_i (w_i - c_i)^2} over two
 * parameters, {@code weight} [2, 3] and {@code bias} [3], so that per-parameter state keyed by name is
 * exercised. Its gradient is {@code a_i (w_i - c_i)}.
 */
final class OptimizerChecks {
    private static final long SEED = 0x0971L;
    private static final int DESCENT_STEPS = 50;
    /** Steps before the state is taken, and after it is loaded. */
    private static final int ROUND_TRIP_STEPS = 3;
    private static final int DETERMINISM_STEPS = 10;
    private static final String[] NAMES = {"weight", "bias"};
    private static final int[][] SHAPES = {{2, 3}, {3}};

    private final OptimizerProvider provider;
    private final OptimizerCheckConfig config;
    private final SpecCase spec;
    private final Quadratic quadratic = Quadratic.random(SEED);

    private OptimizerChecks(OptimizerProvider provider, OptimizerCheckConfig config, SpecCase spec) {
        this.provider = provider;
        this.config = config;
        this.spec = spec;
    }

    static void run(CheckRun run, OptimizerProvider provider, OptimizerCheckConfig config, SpecCase spec) {
        OptimizerChecks checks = new OptimizerChecks(provider, config, spec);
        run.run(spec.name(ContractChecks.OPTIMIZER_DECREASES), checks::decreases);
        run.run(spec.name(ContractChecks.OPTIMIZER_STATE), checks::stateRoundTrip);
        run.run(spec.name(ContractChecks.OPTIMIZER_LEARNING_RATE), checks::learningRate);
        run.run(spec.name(ContractChecks.OPTIMIZER_DETERMINISM), checks::determinism);
    }

    /** Curvatures a in [0.5, 2), centres c in [-1, 1) and a start in [-2, 2), fixed by a seed. */
    private record Quadratic(float[][] curvature, float[][] centre, float[][] origin) {
        static Quadratic random(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            float[][] a = new float[NAMES.length][];
            float[][] c = new float[NAMES.length][];
            float[][] s = new float[NAMES.length][];
            for (int p = 0; p < NAMES.length; p++) {
                int size = Math.toIntExact(dev.descent.api.Shapes.size(SHAPES[p]));
                a[p] = new float[size];
                c[p] = new float[size];
                s[p] = new float[size];
                for (int i = 0; i < size; i++) {
                    a[p][i] = (float) random.nextDouble(0.5, 2);
                    c[p][i] = (float) random.nextDouble(-1, 1);
                    s[p][i] = (float) random.nextDouble(-2, 2);
                }
            }
            return new Quadratic(a, c, s);
        }

        /** Fresh parameters at the start. */
        List<Parameter> start() {
            List<Parameter> parameters = new ArrayList<>();
            for (int p = 0; p < NAMES.length; p++) {
                parameters.add(Parameter.of(NAMES[p], Tensor.of(origin[p].clone(), SHAPES[p])));
            }
            return parameters;
        }

        double value(List<Parameter> parameters) {
            double sum = 0;
            for (int p = 0; p < parameters.size(); p++) {
                float[] w = parameters.get(p).value().data();
                for (int i = 0; i < w.length; i++) {
                    double d = (double) w[i] - centre[p][i];
                    sum += 0.5 * curvature[p][i] * d * d;
                }
            }
            return sum;
        }

        /** Writes {@code a_i (w_i - c_i)} into each gradient, overwriting it, as a trainer would after zeroing. */
        void gradient(List<Parameter> parameters) {
            for (int p = 0; p < parameters.size(); p++) {
                float[] w = parameters.get(p).value().data();
                float[] g = parameters.get(p).gradient().data();
                for (int i = 0; i < w.length; i++) {
                    g[i] = (float) (curvature[p][i] * ((double) w[i] - centre[p][i]));
                }
            }
        }
    }

    private Optimizer create() {
        return Components.create(provider, spec.spec(), config.resolver());
    }

    private void steps(Optimizer optimizer, List<Parameter> parameters, int count) {
        for (int k = 0; k < count; k++) {
            quadratic.gradient(parameters);
            optimizer.step(parameters);
        }
    }

    private String decreases() {
        Optimizer optimizer = create();
        List<Parameter> parameters = quadratic.start();
        double before = quadratic.value(parameters);
        steps(optimizer, parameters, DESCENT_STEPS);
        double after = quadratic.value(parameters);
        if (!(after < before)) {
            throw fail("f(w) = 0.5 Σ a_i (w_i - c_i)^2 went from " + number(before) + " to " + number(after) + " in "
                    + DESCENT_STEPS + " steps with the gradient a_i (w_i - c_i); expected it to decrease");
        }
        return "f went from " + number(before) + " to " + number(after) + " in " + DESCENT_STEPS + " steps";
    }

    private String stateRoundTrip() {
        int total = 2 * ROUND_TRIP_STEPS;
        // A learning rate other than the spec's, so that a state without it shows.
        Optimizer uninterrupted = create();
        double lr = changedLearningRate(uninterrupted);
        List<Parameter> reference = quadratic.start();
        steps(uninterrupted, reference, total);

        Optimizer first = create();
        first.setLearningRate(lr);
        List<Parameter> firstParameters = quadratic.start();
        steps(first, firstParameters, ROUND_TRIP_STEPS);
        State state = first.state();
        List<Parameter> checkpoint = copy(firstParameters);
        // The first optimizer goes on: taking its state must not disturb it, nor its later steps the state.
        steps(first, firstParameters, ROUND_TRIP_STEPS);
        requireSame("the optimizer whose state() was taken", firstParameters, reference, total);

        for (String run : new String[] {"a fresh optimizer", "a second fresh optimizer"}) {
            Optimizer resumed = create();
            resumed.loadState(state);
            if (Double.compare(resumed.learningRate(), lr) != 0) {
                throw fail("after loadState, " + run + " has learning rate " + resumed.learningRate() + " but the state"
                        + " was taken at " + lr + "; state() must include the learning rate");
            }
            List<Parameter> resumedParameters = copy(checkpoint);
            steps(resumed, resumedParameters, ROUND_TRIP_STEPS);
            requireSame(run + " given loadState(state after " + ROUND_TRIP_STEPS + " steps)", resumedParameters,
                    reference, total);
        }
        return ROUND_TRIP_STEPS + " steps, state(), loadState into a fresh optimizer, " + ROUND_TRIP_STEPS
                + " more: bit for bit the uninterrupted run (state " + state + ")";
    }

    /** Halves the learning rate of {@code optimizer} (or sets 0.01 where it is 0) and returns it. */
    private static double changedLearningRate(Optimizer optimizer) {
        double current = optimizer.learningRate();
        double changed = current > 0 && Double.isFinite(current) ? current / 2 : 0.01;
        optimizer.setLearningRate(changed);
        return changed;
    }

    /** New parameters with the values of {@code parameters} and their names, as a checkpoint restores them. */
    private static List<Parameter> copy(List<Parameter> parameters) {
        return parameters.stream().map(p -> Parameter.of(p.name(), p.value().copy())).toList();
    }

    private static void requireSame(String run, List<Parameter> actual, List<Parameter> expected, int steps) {
        for (int p = 0; p < expected.size(); p++) {
            float[] a = actual.get(p).value().data();
            float[] e = expected.get(p).value().data();
            for (int i = 0; i < e.length; i++) {
                if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(e[i])) {
                    throw fail("after " + steps + " steps in all, " + run + " has " + expected.get(p).name()
                            + GradientCheck.index(i, expected.get(p).value().shape()) + " = " + a[i]
                            + " but the uninterrupted run has " + e[i]
                            + "; state() must hold everything a later step depends on, and loadState restore it");
                }
            }
        }
    }

    private String learningRate() {
        Optimizer optimizer = create();
        double initial = optimizer.learningRate();
        ParamSpec lrParam = provider.params().stream()
                .filter(param -> param.name().equals("lr") && param.type() == ParamSpec.Type.REAL)
                .findFirst().orElse(null);
        if (lrParam != null) {
            Params params = Params.resolve(Components.owner(provider), provider.params(), spec.spec().arguments(),
                    config.resolver());
            if (Double.compare(initial, params.real("lr")) != 0) {
                throw fail("learningRate() is " + initial + " but the spec sets lr=" + params.real("lr")
                        + "; expected the configured rate");
            }
        }
        if (!(initial >= 0) || Double.isInfinite(initial)) {
            throw fail("learningRate() is " + initial + "; expected a finite rate >= 0");
        }
        double changed = changedLearningRate(optimizer);
        if (Double.compare(optimizer.learningRate(), changed) != 0) {
            throw fail("setLearningRate(" + changed + ") then learningRate() gave " + optimizer.learningRate()
                    + "; expected " + changed);
        }
        optimizer.setLearningRate(initial);
        if (Double.compare(optimizer.learningRate(), initial) != 0) {
            throw fail("setLearningRate(" + initial + ") then learningRate() gave " + optimizer.learningRate()
                    + "; expected " + initial);
        }
        return "learningRate() " + initial + (lrParam == null ? "" : " as the spec's lr") + "; set to " + changed
                + " and back, read back exactly";
    }

    private String determinism() {
        List<Parameter> first = quadratic.start();
        steps(create(), first, DETERMINISM_STEPS);
        List<Parameter> second = quadratic.start();
        steps(create(), second, DETERMINISM_STEPS);
        for (int p = 0; p < first.size(); p++) {
            float[] a = first.get(p).value().data();
            float[] b = second.get(p).value().data();
            for (int i = 0; i < a.length; i++) {
                if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                    throw fail("two optimizers from one spec, " + DETERMINISM_STEPS + " steps each from one start,"
                            + " end with " + first.get(p).name() + GradientCheck.index(i, first.get(p).value().shape())
                            + " = " + a[i] + " and " + b[i] + "; expected identical bits");
                }
            }
        }
        return "two optimizers from one spec end " + DETERMINISM_STEPS + " steps bit for bit equal";
    }
}
