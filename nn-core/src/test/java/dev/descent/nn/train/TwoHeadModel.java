package dev.descent.nn.train;

import dev.descent.api.Buffer;
import dev.descent.api.Parameter;
import dev.descent.api.Pass;
import dev.descent.api.Tensor;
import dev.descent.nn.Linear;
import dev.descent.nn.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A test double of a two-output model: two linear heads {@code a} and {@code b} on one input. */
final class TwoHeadModel implements Model {
    final Linear a;
    final Linear b;
    private final List<Tensor> outputs = Arrays.asList(new Tensor[2]);
    private List<Parameter> parameters;
    private boolean built;

    TwoHeadModel(int inFeatures, int outFeatures) {
        a = new Linear(inFeatures, outFeatures);
        b = new Linear(inFeatures, outFeatures);
    }

    @Override
    public List<String> inputNames() {
        return List.of("input");
    }

    @Override
    public List<String> outputNames() {
        return List.of("a", "b");
    }

    @Override
    public void build(List<int[]> inputShapes, RandomGenerator random) {
        a.initialize(inputShapes.get(0), random);
        b.initialize(inputShapes.get(0), random);
        List<Parameter> named = new ArrayList<>();
        for (Parameter p : a.parameters()) {
            named.add(p.withName("a." + p.name()));
        }
        for (Parameter p : b.parameters()) {
            named.add(p.withName("b." + p.name()));
        }
        parameters = List.copyOf(named);
        built = true;
    }

    @Override
    public boolean isBuilt() {
        return built;
    }

    @Override
    public List<int[]> outputShapes() {
        return List.of(a.outputShape(new int[] {a.inFeatures().getAsInt()}),
                b.outputShape(new int[] {b.inFeatures().getAsInt()}));
    }

    @Override
    public List<Tensor> forward(List<Tensor> inputs, Pass pass) {
        outputs.set(0, a.forward(inputs.get(0), pass));
        outputs.set(1, b.forward(inputs.get(0), pass));
        return outputs;
    }

    @Override
    public void backward(List<Tensor> outputGradients) {
        a.backward(outputGradients.get(0), false);
        b.backward(outputGradients.get(1), false);
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public List<Buffer> buffers() {
        return List.of();
    }

    @Override
    public List<LayerSummary> summary() {
        return List.of();
    }

    @Override
    public Optional<String> firstNonFiniteOutput() {
        return Optional.empty();
    }
}
