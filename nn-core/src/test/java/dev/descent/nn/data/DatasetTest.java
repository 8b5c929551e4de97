package dev.descent.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** Example i has features [i, 10 i] and target i. */
    private static Dataset counting(int n) {
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 * i;
            y[i] = i;
        }
        return Dataset.of(Tensor.of(x, n, 2), Tensor.of(y, n, 1));
    }

    @Test
    void tensorsOfDifferentExampleCountsAreRefusedNamingBoth() {
        Tensor x = Tensor.zeros(10, 3);
        Tensor y = Tensor.zeros(9, 1);

        assertThatThrownBy(() -> Dataset.of(x, y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dataset: targets 0 holds 9 examples (shape [9, 1]) but features 0 holds 10; every"
                        + " feature and target tensor needs the same first axis");
        assertThatThrownBy(() -> Dataset.of(List.of(x, Tensor.zeros(8)), List.of(Tensor.zeros(10))))
                .hasMessageStartingWith("Dataset: features 1 holds 8 examples (shape [8])");
        assertThatThrownBy(() -> Dataset.of(List.of(), List.of(y))).hasMessageContaining("no feature tensor");
        assertThatThrownBy(() -> Dataset.of(Tensor.scalar(1), y)).hasMessageContaining("features 0 is a scalar");
    }

    @Test
    void theValidationSplitIsTheLastFractionInTheOriginalOrderAsKeras() {
        Dataset data = counting(10);

        Dataset.Split split = data.split(0.25);

        // Keras: split_at = floor(10 * 0.75) = 7.
        assertThat(split.train().size()).isEqualTo(7);
        assertThat(split.validation().size()).isEqualTo(3);
        Tensor validationTargets = split.validation().targets().get(0);
        assertThat(new float[] {validationTargets.get(0, 0), validationTargets.get(1, 0), validationTargets.get(2, 0)})
                .containsExactly(7f, 8f, 9f);
        assertThat(split.train().features().get(0).get(6, 1)).isEqualTo(60f);
    }

    @Test
    void aSplitThatLeavesAPartEmptyIsRefused() {
        // floor(3 * (1 - 0.9)) = 0 examples train; 1 - 1e-20 rounds to 1, so none validates.
        assertThatThrownBy(() -> counting(3).split(0.9)).hasMessageContaining("leaves no training example");
        assertThatThrownBy(() -> counting(3).split(1e-20)).hasMessageContaining("leaves no validation example");
        assertThatThrownBy(() -> counting(3).split(0)).hasMessageContaining("strictly between 0 and 1");
    }

    @Test
    void oneHotSetsTheColumnOfEachLabel() {
        Tensor encoded = OneHot.encode(Tensor.vector(2, 0, 1), 3);

        assertThat(encoded.shape()).containsExactly(3, 3);
        assertThat(encoded.data()).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0);
        assertThatThrownBy(() -> OneHot.encode(Tensor.vector(0, 3), 3))
                .hasMessage("OneHot: label 1 is '3.0'; expected a whole number in [0, 3)");
        assertThatThrownBy(() -> OneHot.encode(Tensor.vector(0.5f), 3)).hasMessageContaining("label 0 is '0.5'");
    }
}
