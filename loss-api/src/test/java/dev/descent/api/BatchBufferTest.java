package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchBufferTest {
    private static final int[] PER_EXAMPLE = {3};

    @Test
    void theSameShapeGivesTheSameTensor() {
        BatchBuffer buffer = new BatchBuffer();

        Tensor first = buffer.get(4, PER_EXAMPLE);

        assertThat(first.shape()).containsExactly(4, 3);
        assertThat(buffer.get(4, PER_EXAMPLE)).isSameAs(first);
        assertThat(buffer.get(new int[] {4, 3})).isSameAs(first);
    }

    @Test
    void anEpochWithASmallerLastBatchReusesBothTensors() {
        BatchBuffer buffer = new BatchBuffer();
        Tensor full = buffer.get(32, PER_EXAMPLE);
        Tensor last = buffer.get(16, PER_EXAMPLE);

        assertThat(last.shape()).containsExactly(16, 3);
        assertThat(buffer.get(32, PER_EXAMPLE)).isSameAs(full);
        assertThat(buffer.get(16, PER_EXAMPLE)).isSameAs(last);
    }

    @Test
    void aThirdShapeForgetsTheOldest() {
        BatchBuffer buffer = new BatchBuffer();
        Tensor a = buffer.get(1, PER_EXAMPLE);
        Tensor b = buffer.get(2, PER_EXAMPLE);
        buffer.get(3, PER_EXAMPLE);

        assertThat(buffer.get(2, PER_EXAMPLE)).isSameAs(b);
        assertThat(buffer.get(1, PER_EXAMPLE)).isNotSameAs(a);
    }

    @Test
    void zeroedClearsWhatTheLastUserWrote() {
        BatchBuffer buffer = new BatchBuffer();
        buffer.get(2, PER_EXAMPLE).fill(7);

        assertThat(buffer.zeroed(2, PER_EXAMPLE).data()).containsOnly(0f);
    }

    @Test
    void clearForgetsTheTensors() {
        BatchBuffer buffer = new BatchBuffer();
        Tensor before = buffer.get(2, PER_EXAMPLE);
        buffer.clear();

        assertThat(buffer.get(2, PER_EXAMPLE)).isNotSameAs(before);
    }
}
