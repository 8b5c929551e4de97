package dev.descent.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.app.registry.Description;
import dev.descent.app.registry.Registry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code descent list [losses|optimizers|layers|schedules|metrics|transforms]}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the registered components, built-in and from plugins.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    DescentCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KIND",
            description = "losses, optimizers, layers, schedules, metrics or transforms (default: all).")
    String kind;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Registry<?>> registries = parent.descent().registries();
        if (kind != null) {
            registries = registries.stream()
                    .filter(r -> r.category().equals(kind) || r.kind().equals(kind))
                    .toList();
            if (registries.isEmpty()) {
                throw new IllegalArgumentException("unknown kind '" + kind + "'; expected one of "
                        + String.join(", ", parent.descent().registries().stream().map(Registry::category).toList()));
            }
        }
        PrintWriter out = parent.spec.commandLine().getOut();
        if (json) {
            ObjectNode result = DescentCommand.JSON.createObjectNode();
            for (Registry<?> registry : registries) {
                ArrayNode entries = result.putArray(registry.category());
                for (Description description : registry.describeAll()) {
                    ObjectNode entry = entries.addObject();
                    entry.put("name", description.name());
                    entry.set("aliases", DescentCommand.JSON.valueToTree(description.aliases()));
                    entry.put("description", description.description());
                    entry.put("origin", description.origin());
                }
            }
            out.println(DescentCommand.JSON.writeValueAsString(result));
            return 0;
        }
        boolean first = true;
        for (Registry<?> registry : registries) {
            List<Description> descriptions = registry.describeAll();
            out.println((first ? "" : System.lineSeparator()) + registry.category() + " (" + descriptions.size() + ")");
            first = false;
            int width = descriptions.stream().mapToInt(d -> label(d).length()).max().orElse(0);
            for (Description description : descriptions) {
                out.printf("  %-" + width + "s  %s%s%n", label(description), description.description(),
                        description.plugin() == null ? "" : " [" + description.origin() + "]");
            }
        }
        return 0;
    }

    /** {@code l1 (mae)}: the name with its aliases. */
    private static String label(Description description) {
        return description.aliases().isEmpty() ? description.name()
                : description.name() + " (" + String.join(", ", description.aliases()) + ")";
    }
}
