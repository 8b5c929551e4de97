package dev.descent.app.registry;

import dev.descent.api.ParamSpec;
import java.util.List;

/**
 * What is known of one registered component: shown by {@code descent describe} and
 * {@link Registry#describe}.
 *
 * @param kind {@code loss}, {@code optimizer}, ...
 * @param name the canonical key: the name, or {@code pluginId:name}
 * @param aliases other names that resolve to it
 * @param description one line
 * @param whenToUse when to choose it, or empty
 * @param params the parameters with types, defaults and ranges
 * @param plugin the id of the plugin that brings it, or null for a built-in
 * @param providerClass the provider's class name
 */
public record Description(String kind, String name, List<String> aliases, String description,
        String whenToUse, List<ParamSpec> params, String plugin, String providerClass) {

    public Description {
        aliases = List.copyOf(aliases);
        params = List.copyOf(params);
    }

    /** {@code built-in} or {@code plugin 'acme'}. */
    public String origin() {
        return plugin == null ? "built-in" : "plugin '" + plugin + "'";
    }

    /** A spec that uses every parameter at its default, e.g. {@code sgd(lr=0.001, momentum=0, ...)}. */
    public String exampleSpec() {
        List<String> arguments = params.stream()
                .filter(p -> p.defaultValue() != null)
                .map(p -> p.name() + "=" + p.defaultText())
                .toList();
        return arguments.isEmpty() ? name : name + "(" + String.join(", ", arguments) + ")";
    }
}
