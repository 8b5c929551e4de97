package dev.descent.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.api.ParamSpec;
import dev.descent.api.UnknownNameException;
import dev.descent.app.registry.Description;
import dev.descent.app.registry.Registry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code descent describe NAME}: what a component does and the parameters it takes. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describe a loss, optimizer, layer or schedule: its parameters, types, defaults and ranges.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    DescentCommand parent;

    @Parameters(index = "0", paramLabel = "NAME", description = "A name or alias, e.g. sgd, mae, acme:focal.")
    String name;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Description> found = new ArrayList<>();
        TreeSet<String> known = new TreeSet<>();
        for (Registry<?> registry : parent.descent().registries()) {
            if (registry.contains(name)) {
                found.add(registry.describe(name));
            }
            known.addAll(registry.names());
        }
        if (found.isEmpty()) {
            throw new UnknownNameException("component", name, known);
        }
        PrintWriter out = parent.spec.commandLine().getOut();
        if (json) {
            ArrayNode array = DescentCommand.JSON.createArrayNode();
            found.forEach(description -> array.add(toJson(description)));
            out.println(DescentCommand.JSON.writeValueAsString(found.size() == 1 ? array.get(0) : array));
        } else {
            for (int i = 0; i < found.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                print(out, found.get(i));
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, Description d) {
        out.println(d.name() + " (" + d.kind() + ", " + d.origin() + ")");
        out.println("  " + d.description());
        if (!d.whenToUse().isEmpty()) {
            out.println("when to use: " + d.whenToUse());
        }
        if (!d.aliases().isEmpty()) {
            out.println("aliases: " + String.join(", ", d.aliases()));
        }
        if (d.params().isEmpty()) {
            out.println("parameters: none");
        } else {
            out.println("parameters:");
            int nameWidth = d.params().stream().mapToInt(p -> p.name().length()).max().orElse(0);
            int typeWidth = d.params().stream().mapToInt(p -> typeAndRange(p).length()).max().orElse(0);
            int defaultWidth = d.params().stream().mapToInt(p -> p.defaultText().length()).max().orElse(0);
            for (ParamSpec p : d.params()) {
                out.printf("  %-" + nameWidth + "s  %-" + typeWidth + "s  default %-" + defaultWidth + "s  %s%n",
                        p.name(), typeAndRange(p), p.defaultText(), p.doc());
            }
        }
        out.println("example: " + d.exampleSpec());
    }

    private static String typeAndRange(ParamSpec p) {
        String range = p.rangeText();
        return p.typeText() + (range.isEmpty() ? "" : " " + range);
    }

    private static ObjectNode toJson(Description d) {
        ObjectNode node = DescentCommand.JSON.createObjectNode();
        node.put("name", d.name());
        node.put("kind", d.kind());
        node.put("origin", d.origin());
        node.put("description", d.description());
        node.put("when_to_use", d.whenToUse());
        node.set("aliases", DescentCommand.JSON.valueToTree(d.aliases()));
        ArrayNode params = node.putArray("parameters");
        for (ParamSpec p : d.params()) {
            ObjectNode param = params.addObject();
            param.put("name", p.name());
            param.put("type", p.typeText());
            param.put("range", p.rangeText());
            param.put("default", p.defaultText());
            param.put("required", p.isRequired());
            param.put("doc", p.doc());
        }
        node.put("example", d.exampleSpec());
        return node;
    }
}
