package dev.descent.nn;

import dev.descent.api.Layer;
import dev.descent.api.LayerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import java.util.List;

/** Provides {@code log_softmax}: {@link Softmax#logSoftmax}, as PyTorch's {@code nn.LogSoftmax}. */
public final class LogSoftmaxProvider implements LayerProvider {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("dim", Softmax.DEFAULT_DIM,
                    "the axis to normalise, the batch axis counted as PyTorch's (1 is the first axis of an example);"
                            + " negative from the end"));

    public LogSoftmaxProvider() {}

    @Override
    public String name() {
        return "log_softmax";
    }

    @Override
    public String description() {
        return "Logarithm of the softmax along one axis of each example, as PyTorch's nn.LogSoftmax";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public Layer create(Params params) {
        return Softmax.logSoftmax(params.integer("dim"));
    }
}
