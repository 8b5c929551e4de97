package dev.descent.optim.transform;

import static java.util.Objects.requireNonNull;

import dev.descent.api.GradientTransform;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.optim.Checks;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adds Gaussian noise to the gradients, with a variance that decays over the steps: optax's {@code add_noise}
 * (Neelakantan et al. 2015, "Adding gradient noise improves learning for very deep networks"). At step t,
 * counted from 0,
 *
 * <pre>
 * g = g + sqrt(eta / (1 + t)^gamma) * n,     n ~ N(0, 1) drawn for each element
 * </pre>
 *
 * <p>The noise is a pure function of (seed, t, parameter name, element): each parameter's draws come from a
 * {@link SplittableRandom} seeded from a mix of the first three, element i taking the i-th draw. So the state is
 * the step count alone ({@code step}), resuming is exact, and adding or reordering parameters changes no other
 * parameter's noise. The draws are those of Java's {@code nextGaussian}, not jax's, so the noise is optax's in
 * distribution, not in value.
 */
public final class AddNoise implements GradientTransform {
    static final String NAME = "add_noise";
    static final String STEP_KEY = "step";

    private final double eta;
    private final double gamma;
    private final long seed;
    private long step;

    /**
     * @param eta the variance of the noise at the first step, {@code >= 0}
     * @param gamma how fast the variance decays, {@code >= 0}: it is divided by {@code (1 + t)^gamma}
     * @param seed picks the noise; the same seed gives the same noise
     */
    public AddNoise(double eta, double gamma, long seed) {
        this.eta = Checks.atLeast(NAME, "eta", eta, 0);
        this.gamma = Checks.atLeast(NAME, "gamma", gamma, 0);
        this.seed = seed;
    }

    @Override
    public boolean beforeStep(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        float deviation = (float) standardDeviation(step);
        for (Parameter parameter : parameters) {
            SplittableRandom random = new SplittableRandom(streamSeed(seed, step, parameter.name()));
            float[] g = parameter.gradient().data();
            for (int i = 0; i < g.length; i++) {
                g[i] += deviation * (float) random.nextGaussian();
            }
        }
        step++;
        return true;
    }

    /** The standard deviation of the noise at step {@code t} (from 0): {@code sqrt(eta / (1 + t)^gamma)}. */
    public double standardDeviation(long t) {
        return Math.sqrt(eta / Math.pow(1 + t, gamma));
    }

    /** The steps taken so far, which is the step the next call adds noise for. */
    public long step() {
        return step;
    }

    // Distinct (seed, step, name) should give unrelated streams: each part goes through SplitMix64's finaliser.
    static long streamSeed(long seed, long step, String name) {
        long nameHash = 0xcbf29ce484222325L; // FNV-1a over the name's characters
        for (int i = 0; i < name.length(); i++) {
            nameHash = (nameHash ^ name.charAt(i)) * 0x100000001b3L;
        }
        return mix(mix(mix(seed) + step) ^ nameHash);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public State state() {
        return State.builder().put(STEP_KEY, step).build();
    }

    /** @throws IllegalArgumentException for another entry than {@code step}, or a step that is not a count */
    @Override
    public void loadState(State state) {
        requireNonNull(state, "state is null");
        Transforms.requireOnly(NAME, state, List.of(STEP_KEY), List.of());
        step = Checks.count(NAME, state, STEP_KEY, Double.MAX_VALUE);
    }

    @Override
    public String toString() {
        return NAME + "(eta=" + Checks.format(eta) + ", gamma=" + Checks.format(gamma) + ", seed=" + seed + ")";
    }
}
