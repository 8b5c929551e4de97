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

    /**
     * A spec that uses every parameter at its default, e.g. {@code sgd(lr=0.001, momentum=0, ...)}; a required
     * parameter, which has none, is a placeholder of its type: {@code step_lr(step_size=<integer >= 1>, ...)},
     * and a variadic one comes first, without a name: {@code chain(<list of gradient transform specs>)}.
     */
    public String exampleSpec() {
        List<String> arguments = new java.util.ArrayList<>();
        for (ParamSpec param : params) {
            if (param.isVariadic() && param.isRequired()) {
                arguments.add(0, placeholder(param));
            } else if (param.defaultValue() != null) {
                arguments.add(param.name() + "=" + param.defaultText());
            } else if (param.isRequired()) {
                arguments.add(param.name() + "=" + placeholder(param));
            }
        }
        return arguments.isEmpty() ? name : name + "(" + String.join(", ", arguments) + ")";
    }

    private static String placeholder(ParamSpec param) {
        String range = param.rangeText();
        return "<" + param.typeText() + (range.isEmpty() ? "" : " " + range) + ">";
    }
}
