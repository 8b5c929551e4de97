package dev.descent.optim.transform;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import dev.descent.api.SpecValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provides {@code param_groups}: {@link ParameterGroups}, written
 * {@code param_groups(optimizer=adamw(lr=0.001, weight_decay=0.01), groups=[group(match='*.bias', weight_decay=0)])}.
 * Each {@code group(...)} is read here, not looked up in a registry: {@code match} is a glob or a list of globs,
 * every other argument overrides the base optimizer's, and the group's optimizer is the base spec with those
 * arguments replaced, created through the host's registries, so any optimizer (plugins too) can be grouped and
 * its own validation reports a wrong override.
 */
public final class ParameterGroupsProvider implements OptimizerProvider {
    private static final String OPTIMIZER = "optimizer";
    private static final String GROUPS = "groups";
    private static final String GROUP = "group";
    private static final String MATCH = "match";
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.component(OPTIMIZER, Optimizer.class, null,
                    "the base optimizer: of the parameters no group matches, and the spec groups override"),
            ParamSpec.componentList(GROUPS, ParameterGroups.Group.class, List.of(),
                    "group(match='<glob>' or [globs], <base arguments to override>), first match wins:"
                            + " [group(match='*.bias', weight_decay=0)]"));

    public ParameterGroupsProvider() {}

    @Override
    public String name() {
        return ParameterGroups.NAME;
    }

    @Override
    public String description() {
        return "an optimizer per group of parameters chosen by name, each overriding arguments of a base"
                + " optimizer (PyTorch's param_groups)";
    }

    @Override
    public String whenToUse() {
        return "To treat some parameters differently, most often no weight decay on biases and norms:"
                + " param_groups(optimizer=adamw(weight_decay=0.01), groups=[group(match='*.bias', weight_decay=0)]).";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    /** @throws InvalidParameterException for a malformed group or an override its optimizer refuses */
    @Override
    public Optimizer create(Params params) {
        Spec base = params.componentSpec(OPTIMIZER);
        Optimizer otherwise = params.component(OPTIMIZER, Optimizer.class);
        ParameterGroups.Builder builder = ParameterGroups.builder();
        List<Spec> groups = params.componentSpecs(GROUPS);
        for (int i = 0; i < groups.size(); i++) {
            Spec group = groups.get(i);
            if (group.namespace() != null || !group.name().equals(GROUP)) {
                throw invalid(i, "must be written group(match='<glob>', <arguments to override>), got '" + group
                        + "'");
            }
            Map<String, SpecValue> overrides = new LinkedHashMap<>(group.arguments());
            SpecValue match = overrides.remove(MATCH);
            if (match == null) {
                throw invalid(i, "has no match; say which parameters it takes: group(match='*.bias', ...)");
            }
            for (String key : overrides.keySet()) {
                if (Spec.isPositional(key)) {
                    throw invalid(i, "takes its arguments by name, got " + overrides.get(key));
                }
            }
            List<String> globs = globs(i, match);
            Map<String, SpecValue> arguments = new LinkedHashMap<>(base.arguments());
            arguments.putAll(overrides);
            builder.group(globs, create(params, i, globs, new Spec(base.namespace(), base.name(), arguments)));
        }
        return builder.otherwise(otherwise);
    }

    private static Optimizer create(Params params, int group, List<String> globs, Spec spec) {
        try {
            return params.create(Optimizer.class, spec);
        } catch (InvalidParameterException e) {
            InvalidParameterException named = new InvalidParameterException(e.parameter(), ParameterGroups.NAME
                    + ": group " + group + " (match " + globs + "): " + e.getMessage());
            named.initCause(e);
            throw named;
        }
    }

    /** A glob, written quoted or as a bare word, or a list of them. */
    private static List<String> globs(int group, SpecValue match) {
        List<SpecValue> values = match instanceof SpecValue.ListValue list ? list.values() : List.of(match);
        List<String> globs = new ArrayList<>();
        for (SpecValue value : values) {
            if (value instanceof SpecValue.StringValue text && !text.value().isEmpty()) {
                globs.add(text.value());
            } else if (value instanceof Spec word && word.isBareWord()) {
                globs.add(word.name());
            } else {
                globs.clear();
                break;
            }
        }
        if (globs.isEmpty()) {
            throw invalid(group, "has match=" + match + ", which is neither a glob on parameter names such as"
                    + " '*.bias' nor a non-empty list of them");
        }
        return globs;
    }

    private static InvalidParameterException invalid(int group, String problem) {
        return new InvalidParameterException(GROUPS, ParameterGroups.NAME + ": group " + group + " " + problem);
    }
}
