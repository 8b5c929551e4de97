package dev.descent.nn.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchesTest {

    /** Example i has features [i, 10 i] and target i. */
    private static Dataset counting(int n) {
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 * i;
            y[i] = i;
        }
        return Dataset.of(Tensor.of(x, n, 2), Tensor.of(y, n));
    }

    private static List<Integer> targetsOfEpoch(Batches batches) {
        List<Integer> seen = new ArrayList<>();
        for (int b = 0; b < batches.count(); b++) {
            Batches.Batch batch = batches.get(b);
            for (int r = 0; r < batch.size(); r++) {
                int target = (int) batch.targets().get(0).get(r);
                // Features travel with their target.
                assertThat(batch.features().get(0).get(r, 1)).isEqualTo(10f * target);
                seen.add(target);
            }
        }
        return seen;
    }

    @Test
    void theLastBatchHoldsWhatIsLeft() {
        Batches batches = new Batches(counting(10), 4);

        assertThat(batches.count()).isEqualTo(3);
        assertThat(batches.get(2).size()).isEqualTo(2);
        assertThat(batches.get(2).features().get(0).shape()).containsExactly(2, 2);
        assertThat(targetsOfEpoch(batches)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void batchesOfOneSizeReuseTheirTensorsAcrossEpochs() {
        Batches batches = new Batches(counting(10), 4);
        Tensor full = batches.get(0).features().get(0);
        Tensor last = batches.get(2).features().get(0);

        batches.shuffle(new SplittableRandom(3));

        assertThat(batches.get(1).features().get(0)).isSameAs(full);
        assertThat(batches.get(2).features().get(0)).isSameAs(last);
        assertThat(batches.get(0).targets().get(0)).isSameAs(batches.get(1).targets().get(0));
    }

    @Test
    void aShuffleIsAPermutationThatTheSameSeedRepeats() {
        Batches first = new Batches(counting(50), 8);
        Batches second = new Batches(counting(50), 8);
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);

        first.shuffle(a);
        second.shuffle(b);
        List<Integer> epoch1 = targetsOfEpoch(first);
        assertThat(epoch1).containsExactlyInAnyOrderElementsOf(targetsOfEpoch(new Batches(counting(50), 8)));
        assertThat(epoch1).isEqualTo(targetsOfEpoch(second));
        assertThat(epoch1).isNotEqualTo(targetsOfEpoch(new Batches(counting(50), 8)));
        // The next epoch continues the generator: another order, again the same for the same seed.
        first.shuffle(a);
        second.shuffle(b);
        assertThat(targetsOfEpoch(first)).isEqualTo(targetsOfEpoch(second)).isNotEqualTo(epoch1);
    }

    @Test
    void theShuffleIsFisherYatesFromTheTopDown() {
        // The documented algorithm, written out: for i from n-1 down to 1 swap i with nextInt(i + 1).
        int[] expected = {0, 1, 2, 3, 4, 5};
        SplittableRandom reference = new SplittableRandom(7);
        for (int i = expected.length - 1; i > 0; i--) {
            int j = reference.nextInt(i + 1);
            int swap = expected[i];
            expected[i] = expected[j];
            expected[j] = swap;
        }
        Batches batches = new Batches(counting(6), 6);

        batches.shuffle(new SplittableRandom(7));

        assertThat(batches.order()).containsExactly(expected);
    }

    @Test
    void aViewOfADatasetIsGatheredFromItsOwnRows() {
        Batches batches = new Batches(counting(10).split(0.3).validation(), 2);

        assertThat(targetsOfEpoch(batches)).containsExactly(7, 8, 9);
    }
}
