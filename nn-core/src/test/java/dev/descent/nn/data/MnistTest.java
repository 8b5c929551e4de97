package dev.descent.nn.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Tensor;
import org.junit.jupiter.api.Test;

class MnistTest {
    @Test
    void holdsTenThousandImagesOf784PixelsScaledToTheUnitInterval() {
        Tensor images = Mnist.images();

        assertThat(images.shape()).containsExactly(10_000, 784);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        double sum = 0;
        for (float value : images.data()) {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
        // MNIST's well-known mean pixel is about 0.13 (0.1307 over the 60,000 training digits).
        assertThat(sum / images.size()).isBetween(0.12, 0.14);
    }

    @Test
    void scalesEachGreyLevelByDividingBy255() {
        float[] values = Mnist.images().data();
        for (float value : values) {
            float level = Math.round(value * 255f);
            assertThat(value).isEqualTo(level / 255f);
        }
    }

    @Test
    void holdsTenThousandLabelsInEveryClassInSaneProportions() {
        Tensor labels = Mnist.labels();

        assertThat(labels.shape()).containsExactly(10_000);
        int[] histogram = new int[10];
        for (float label : labels.data()) {
            assertThat(label).isBetween(0f, 9f);
            assertThat(label).isEqualTo((float) Math.rint(label));
            histogram[(int) label]++;
        }
        for (int digit = 0; digit < 10; digit++) {
            assertThat(histogram[digit]).as("digits of class %d", digit).isBetween(800, 1200);
        }
        // The first labels of the shuffled set, as read with Python's gzip module.
        assertThat(java.util.Arrays.copyOf(labels.data(), 6)).containsExactly(2f, 9f, 7f, 7f, 8f, 5f);
    }

    @Test
    void givesEachCallATensorOfItsOwn() {
        Tensor first = Mnist.labels();
        first.fill(-1f);

        assertThat(Mnist.labels().get(0)).isEqualTo(2f);
    }
}
