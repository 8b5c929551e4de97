package dev.descent.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code descent loss SPEC --pred … --target …}: evaluates any registered loss. */
@Command(name = "loss", mixinStandardHelpOptions = true,
        description = "Evaluate a loss on predictions and targets given on the command line.",
        footer = {"", "Examples:",
            "  descent loss mse --pred 2.1,4.2,6.3,8.4 --target 2,4,6,8",
            "  descent loss \"l1(reduction=sum)\" --pred \"0.1,0.9;0.8,0.2\" --target \"0,1;1,0\" --grad --json"})
final class LossCommand implements Callable<Integer> {
    @ParentCommand
    DescentCommand parent;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The loss, e.g. mse or huber(delta=0.5).")
    String spec;

    @Option(names = "--grad", description = "Also print d(loss)/d(predictions).")
    boolean gradient;

    @Mixin
    EvaluationOptions options;

    @Override
    public Integer call() throws Exception {
        int digits = options.digits();
        Tensor pred = options.predictions();
        Tensor target = options.targets();
        Loss loss = parent.descent().losses().create(spec);
        Tensor grad = gradient ? Tensor.zerosLike(pred) : null;
        double value = loss.compute(pred, target, grad);
        Tensor unreduced = loss.reduction() == Reduction.NONE ? loss.unreduced(pred, target) : null;

        PrintWriter out = parent.spec.commandLine().getOut();
        if (options.json) {
            ObjectNode result = DescentCommand.JSON.createObjectNode();
            result.put("loss", loss.name());
            result.put("reduction", loss.reduction().specName());
            result.set("value", unreduced != null ? Numbers.json(unreduced, digits) : Numbers.json(value, digits));
            result.set("shape", DescentCommand.JSON.valueToTree(pred.shape()));
            if (grad != null) {
                result.set("gradient", Numbers.json(grad, digits));
            }
            out.println(DescentCommand.JSON.writeValueAsString(result));
        } else {
            out.println(loss.name() + " = " + (unreduced != null ? TensorText.format(unreduced, digits)
                    : Numbers.format(value, digits)));
            if (grad != null) {
                out.println("gradient = " + TensorText.format(grad, digits));
            }
        }
        return 0;
    }
}
