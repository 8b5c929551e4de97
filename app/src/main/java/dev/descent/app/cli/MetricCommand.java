package dev.descent.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.api.Metric;
import dev.descent.api.Tensor;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code descent metric SPEC --pred … --target …}: evaluates any registered metric. */
@Command(name = "metric", mixinStandardHelpOptions = true,
        description = "Evaluate a metric on predictions and targets given on the command line.",
        footer = {"", "Examples:",
            "  descent metric accuracy --pred \"0.1,0.9;0.8,0.2;0.3,0.7\" --target 1,0,0",
            "  descent metric \"f1(task=multiclass, num_classes=3, average=macro)\" --pred 0,1,2,2 --target 0,1,1,2 --json"})
final class MetricCommand implements Callable<Integer> {
    @ParentCommand
    DescentCommand parent;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The metric, e.g. accuracy or f1(average=macro).")
    String spec;

    @Mixin
    EvaluationOptions options;

    @Override
    public Integer call() throws Exception {
        int digits = options.digits();
        Tensor predictions = options.predictions();
        Tensor targets = options.targets();
        Metric metric = parent.descent().metrics().create(spec);
        metric.update(predictions, targets);
        Tensor result = metric.compute();

        PrintWriter out = parent.spec.commandLine().getOut();
        boolean scalar = result.size() == 1 && result.rank() == 0;
        if (options.json) {
            ObjectNode json = DescentCommand.JSON.createObjectNode();
            json.put("metric", metric.name());
            json.set("value", scalar ? Numbers.json(result.data()[0], digits) : Numbers.json(result, digits));
            json.set("shape", DescentCommand.JSON.valueToTree(result.shape()));
            out.println(DescentCommand.JSON.writeValueAsString(json));
        } else {
            out.println(metric.name() + " = " + (scalar ? Numbers.format(result.data()[0], digits)
                    : TensorText.format(result, digits)));
        }
        return 0;
    }
}
