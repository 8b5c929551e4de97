package dev.descent.nn.data;

import static java.util.Objects.requireNonNull;

import dev.descent.api.Shapes;
import dev.descent.api.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Examples held in memory: one feature tensor per model input and one target tensor per model output, each
 * with the examples along its first axis, all with the same number of examples. The tensors are not copied;
 * {@link #rows} and {@link #split} give views that share them.
 *
 * <p>{@link Batches} reads a dataset batch by batch into tensors it reuses.
 */
public final class Dataset {
    private final List<Tensor> features;
    private final List<Tensor> targets;
    private final int size;

    private Dataset(List<Tensor> features, List<Tensor> targets) {
        this.features = features;
        this.targets = targets;
        this.size = features.get(0).shapeView()[0];
    }

    /** One feature tensor and one target tensor, for a model of one input and one output. */
    public static Dataset of(Tensor features, Tensor targets) {
        requireNonNull(features, "features is null");
        requireNonNull(targets, "targets is null");
        return of(List.of(features), List.of(targets));
    }

    /**
     * Features without targets, one tensor per model input: what {@code Trainer.predict} reads. Training and
     * evaluation refuse it.
     *
     * @throws IllegalArgumentException as {@link #of(List, List)}
     */
    public static Dataset inputs(List<Tensor> features) {
        requireNonNull(features, "features is null");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("Dataset: no feature tensor; give one per model input");
        }
        List<Tensor> featureCopy = checked("features", features);
        requireCount("features", featureCopy, featureCopy.get(0).shapeView()[0]);
        return new Dataset(featureCopy, List.of());
    }

    /**
     * A feature tensor per model input and a target tensor per model output, in the model's order.
     *
     * @throws IllegalArgumentException if a list is empty, a tensor is a scalar, or two tensors hold different
     *     numbers of examples (naming both)
     */
    public static Dataset of(List<Tensor> features, List<Tensor> targets) {
        requireNonNull(features, "features is null");
        requireNonNull(targets, "targets is null");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("Dataset: no feature tensor; give one per model input");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("Dataset: no target tensor; give one per model output");
        }
        List<Tensor> featureCopy = checked("features", features);
        List<Tensor> targetCopy = checked("targets", targets);
        int expected = featureCopy.get(0).shapeView()[0];
        requireCount("features", featureCopy, expected);
        requireCount("targets", targetCopy, expected);
        return new Dataset(featureCopy, targetCopy);
    }

    private static List<Tensor> checked(String what, List<Tensor> tensors) {
        List<Tensor> copy = new ArrayList<>(tensors.size());
        for (int i = 0; i < tensors.size(); i++) {
            Tensor tensor = requireNonNull(tensors.get(i), what + " " + i + " is null");
            if (tensor.rank() == 0) {
                throw new IllegalArgumentException("Dataset: " + what + " " + i + " is a scalar; its first axis"
                        + " must count the examples, e.g. shape [examples, features]");
            }
            copy.add(tensor);
        }
        return List.copyOf(copy);
    }

    private static void requireCount(String what, List<Tensor> tensors, int expected) {
        for (int i = 0; i < tensors.size(); i++) {
            int count = tensors.get(i).shapeView()[0];
            if (count != expected) {
                throw new IllegalArgumentException("Dataset: " + what + " " + i + " holds " + count
                        + " examples (shape " + Shapes.toString(tensors.get(i).shapeView()) + ") but features 0"
                        + " holds " + expected + "; every feature and target tensor needs the same first axis");
            }
        }
    }

    /** The number of examples. */
    public int size() {
        return size;
    }

    /** One tensor per model input, examples first; unmodifiable. */
    public List<Tensor> features() {
        return features;
    }

    /** One tensor per model output, examples first; unmodifiable; empty for {@link #inputs}. */
    public List<Tensor> targets() {
        return targets;
    }

    /** The per-example shape of each feature tensor (without the first axis), as a model is built on. */
    public List<int[]> featureShapes() {
        List<int[]> shapes = new ArrayList<>(features.size());
        for (Tensor feature : features) {
            int[] shape = feature.shapeView();
            shapes.add(java.util.Arrays.copyOfRange(shape, 1, shape.length));
        }
        return shapes;
    }

    /**
     * Examples {@code from} (inclusive) to {@code to} (exclusive), as views of these tensors.
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code [0, size()]}
     */
    public Dataset rows(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("Dataset: rows " + from + " to " + to + " of a dataset of "
                    + size + " examples");
        }
        List<Tensor> f = new ArrayList<>(features.size());
        for (Tensor feature : features) {
            f.add(feature.rows(from, to));
        }
        List<Tensor> t = new ArrayList<>(targets.size());
        for (Tensor target : targets) {
            t.add(target.rows(from, to));
        }
        return new Dataset(List.copyOf(f), List.copyOf(t));
    }

    /**
     * Splits off the last {@code validationFraction} of the examples, in their order, before any shuffling, as
     * Keras's {@code validation_split}: the training part holds the first {@code floor(size * (1 - fraction))}
     * examples and the validation part the rest. Both are views.
     *
     * @throws IllegalArgumentException if the fraction is not strictly between 0 and 1, or either part would
     *     be empty
     */
    public Split split(double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("Dataset: validation fraction '" + validationFraction
                    + "' must be strictly between 0 and 1, e.g. 0.2");
        }
        int splitAt = (int) Math.floor(size * (1.0 - validationFraction));
        if (splitAt == 0 || splitAt == size) {
            throw new IllegalArgumentException("Dataset: a validation fraction of " + validationFraction + " of "
                    + size + " examples leaves " + (splitAt == 0 ? "no training" : "no validation")
                    + " example; use more examples or another fraction");
        }
        return new Split(rows(0, splitAt), rows(splitAt, size));
    }

    /** A training part and a validation part. */
    public record Split(Dataset train, Dataset validation) {
        public Split {
            requireNonNull(train, "train is null");
            requireNonNull(validation, "validation is null");
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Dataset(").append(size).append(" examples, features");
        for (Tensor feature : features) {
            text.append(' ').append(Shapes.toString(feature.shapeView()));
        }
        text.append(", targets");
        for (Tensor target : targets) {
            text.append(' ').append(Shapes.toString(target.shapeView()));
        }
        return text.append(')').toString();
    }
}
