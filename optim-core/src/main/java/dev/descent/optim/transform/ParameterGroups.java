package dev.descent.optim.transform;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.optim.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An optimizer per group of parameters, as PyTorch's {@code param_groups}: the usual use is AdamW without weight
 * decay on biases and norms. Each {@link Group} names its parameters by globs on {@link Parameter#name()}
 * ({@code *} any run of characters, dots included; {@code ?} one character); a parameter goes to the first group
 * that matches, else to the base optimizer ({@code otherwise}).
 *
 * <pre>{@code
 * ParameterGroups optimizer = ParameterGroups.builder()
 *         .group(List.of("*.bias", "*.norm.*"), adamwWithoutDecay)
 *         .otherwise(adamw);
 * }</pre>
 *
 * <p>The learning rate is the base's. {@link #setLearningRate} gives every group a rate in the same proportion to
 * the new one as its initial rate to the base's initial rate, as PyTorch's schedulers scale each group's own
 * {@code base_lr} (exactly so for multiplicative schedules such as step_lr; for cosine_annealing with a non-zero
 * minimum PyTorch would not scale the minimum). With a base rate of 0 at the start, every group takes the new rate
 * as it is. {@link #state()} nests group i's state under {@code i/...}, the base's under {@code optimizer/...}.
 */
public final class ParameterGroups implements Optimizer {
    static final String NAME = "param_groups";

    private final List<Group> groups;
    private final Optimizer otherwise;
    private final double[] initialRates;
    private final double initialRate;

    private ParameterGroups(List<Group> groups, Optimizer otherwise) {
        this.groups = List.copyOf(groups);
        this.otherwise = requireNonNull(otherwise, "the base optimizer is null");
        this.initialRates = this.groups.stream().mapToDouble(group -> group.optimizer().learningRate()).toArray();
        this.initialRate = otherwise.learningRate();
    }

    /** Groups are added in order of precedence; {@link Builder#otherwise} ends with the base optimizer. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void step(List<Parameter> parameters) {
        requireNonNull(parameters, "parameters is null");
        Checks.requireDistinctNames(NAME, parameters);
        List<List<Parameter>> parts = new ArrayList<>();
        for (int i = 0; i <= groups.size(); i++) {
            parts.add(new ArrayList<>());
        }
        for (Parameter parameter : parameters) {
            parts.get(groupOf(parameter.name())).add(parameter);
        }
        for (int i = 0; i <= groups.size(); i++) {
            if (!parts.get(i).isEmpty()) {
                optimizer(i).step(parts.get(i));
            }
        }
    }

    /** The index of the first group matching {@code name}, or the number of groups for the base optimizer. */
    int groupOf(String name) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).matches(name)) {
                return i;
            }
        }
        return groups.size();
    }

    private Optimizer optimizer(int i) {
        return i < groups.size() ? groups.get(i).optimizer() : otherwise;
    }

    /** The groups in order of precedence. */
    public List<Group> groups() {
        return groups;
    }

    /** The optimizer of the parameters no group matches. */
    public Optimizer otherwise() {
        return otherwise;
    }

    @Override
    public double learningRate() {
        return otherwise.learningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        otherwise.setLearningRate(learningRate); // first: it refuses an invalid rate before any group changes
        for (int i = 0; i < groups.size(); i++) {
            double rate = initialRate == 0 ? learningRate : initialRates[i] * (learningRate / initialRate);
            groups.get(i).optimizer().setLearningRate(rate);
        }
    }

    @Override
    public State state() {
        return Transforms.nest(groups.stream().map(group -> group.optimizer().state()).toList(), otherwise.state());
    }

    /**
     * Gives each group and the base its nested state; one with none in {@code state} is given an empty one.
     *
     * @throws IllegalArgumentException for an entry outside the groups (nothing is changed then), or one an
     *     optimizer refuses (the groups before it have loaded theirs)
     */
    @Override
    public void loadState(State state) {
        requireNonNull(state, "state is null");
        List<State> nested = Transforms.unnest(NAME, state, groups.size());
        for (int i = 0; i <= groups.size(); i++) {
            optimizer(i).loadState(nested.get(i));
        }
    }

    /** {@code param_groups(groups=[group(match=['*.bias'], optimizer=...)], optimizer=...)}, for reading. */
    @Override
    public String toString() {
        return groups.stream().map(Group::toString)
                .collect(Collectors.joining(", ", NAME + "(groups=[", "], optimizer=" + otherwise + ")"));
    }

    /** The parameters some globs name, and their optimizer. */
    public static final class Group {
        private final List<String> globs;
        private final List<Pattern> patterns;
        private final Optimizer optimizer;

        private Group(List<String> globs, Optimizer optimizer) {
            requireNonNull(globs, "globs is null");
            if (globs.isEmpty()) {
                throw new IllegalArgumentException(NAME + ": a group needs at least one glob to match parameter"
                        + " names, such as '*.bias'");
            }
            this.globs = List.copyOf(globs);
            this.patterns = this.globs.stream().map(Group::compile).toList();
            this.optimizer = requireNonNull(optimizer, "optimizer is null");
        }

        private static Pattern compile(String glob) {
            if (glob.isEmpty()) {
                throw new IllegalArgumentException(NAME + ": a glob must not be empty; '*' matches every name");
            }
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (char c : glob.toCharArray()) {
                if (c == '*' || c == '?') {
                    regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                    literal.setLength(0);
                } else {
                    literal.append(c);
                }
            }
            return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString(), Pattern.DOTALL);
        }

        /** Whether one of the globs matches the whole of {@code name}. */
        public boolean matches(String name) {
            return patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
        }

        public List<String> globs() {
            return globs;
        }

        public Optimizer optimizer() {
            return optimizer;
        }

        @Override
        public String toString() {
            return "group(match=" + globs.stream().map(glob -> "'" + glob + "'").toList() + ", optimizer="
                    + optimizer + ")";
        }
    }

    /** Collects the groups, in order of precedence. */
    public static final class Builder {
        private final List<Group> groups = new ArrayList<>();

        private Builder() {}

        /** The parameters whose names {@code glob} matches, such as {@code *.bias}, step with {@code optimizer}. */
        public Builder group(String glob, Optimizer optimizer) {
            return group(List.of(glob), optimizer);
        }

        /** The parameters whose names one of {@code globs} matches step with {@code optimizer}. */
        public Builder group(List<String> globs, Optimizer optimizer) {
            groups.add(new Group(globs, optimizer));
            return this;
        }

        /**
         * Ends the groups: the parameters none matches step with {@code base}.
         *
         * @throws IllegalArgumentException when one optimizer serves two groups, or a group and the base: its
         *     state and learning rate would be mixed up; give each its own
         */
        public ParameterGroups otherwise(Optimizer base) {
            Set<Optimizer> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            distinct.add(requireNonNull(base, "the base optimizer is null"));
            for (int i = 0; i < groups.size(); i++) {
                if (!distinct.add(groups.get(i).optimizer())) {
                    throw new IllegalArgumentException(NAME + ": the optimizer of group " + i + " also serves another"
                            + " group or the base; give each group its own optimizer");
                }
            }
            return new ParameterGroups(groups, base);
        }
    }
}
