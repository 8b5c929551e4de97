package dev.descent.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Im2colTest {

    @Test
    void outputSizeIsPyTorchsFormula() {
        // (7 + 2·1 − 2·(3 − 1) − 1) / 2 + 1 = 3 (floor of 4/2 + 1)
        assertThat(Im2col.outputSize(7, 3, 2, 1, 2)).isEqualTo(3);
        assertThat(Im2col.outputSize(7, 2, 2, 0, 1)).isEqualTo(3);
        assertThat(Im2col.outputSize(5, 5, 1, 0, 1)).isEqualTo(1);
    }

    @Test
    void outputSizeRoundsDownBelowZero() {
        // A window wider than the input gives no output, even where truncation toward zero would give one.
        assertThat(Im2col.outputSize(2, 3, 2, 0, 1)).isEqualTo(0);
    }

    @Test
    void unfoldsEachWindowIntoAColumn() {
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] col = new float[16];

        Im2col.im2col(x, 0, 1, 3, 3, 2, 2, 0, 0, 1, 1, 1, 1, col, 0);

        // Rows are the kernel taps (0,0), (0,1), (1,0), (1,1); columns the output positions.
        assertThat(col).containsExactly(
                1, 2, 4, 5,
                2, 3, 5, 6,
                4, 5, 7, 8,
                5, 6, 8, 9);
    }

    @Test
    void paddingReadsAsZeroAndOffsetsAreHonoured() {
        float[] x = {-1, 1, 2, 3, 4};
        float[] col = new float[1 + 9];
        col[0] = 99;

        // The 2x2 image [[1, 2], [3, 4]] from offset 1, a 3x3 kernel, padding 1, stride 2: one output, whose
        // window covers rows and columns -1 to 1.
        Im2col.im2col(x, 1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 1, 1, col, 1);

        assertThat(col).containsExactly(99, 0, 0, 0, 0, 1, 2, 0, 3, 4);
    }

    @Test
    void dilationSpreadsTheTaps() {
        float[] x = {1, 2, 3, 4, 5};
        float[] col = new float[2 * 3];

        // One row of 5, a 1x2 kernel dilated by 2: taps 2 apart, 3 outputs.
        Im2col.im2col(x, 0, 1, 1, 5, 1, 2, 0, 0, 1, 1, 1, 2, col, 0);

        assertThat(col).containsExactly(1, 2, 3, 3, 4, 5);
    }

    /** col2im is the adjoint of im2col: ⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩ for every x and c. */
    @ParameterizedTest
    @CsvSource({
        "2, 5, 5, 3, 3, 0, 0, 1, 1, 1, 1",
        "3, 6, 7, 2, 3, 1, 0, 2, 1, 1, 2",
        "1, 7, 7, 3, 3, 2, 2, 2, 3, 2, 2",
        "2, 4, 3, 4, 3, 1, 1, 1, 1, 1, 1",
    })
    void col2imIsTheAdjointOfIm2col(int c, int h, int w, int kh, int kw, int ph, int pw, int sh, int sw, int dh,
            int dw) {
        int positions = Im2col.outputSize(h, kh, sh, ph, dh) * Im2col.outputSize(w, kw, sw, pw, dw);
        SplittableRandom random = new SplittableRandom(c * 31L + h);
        float[] x = random(random, c * h * w);
        float[] cols = random(random, c * kh * kw * positions);
        float[] unfolded = new float[cols.length];
        float[] folded = new float[x.length];

        Im2col.im2col(x, 0, c, h, w, kh, kw, ph, pw, sh, sw, dh, dw, unfolded, 0);
        Im2col.col2im(cols, 0, c, h, w, kh, kw, ph, pw, sh, sw, dh, dw, folded, 0);

        assertThat(dot(x, folded)).isCloseTo(dot(unfolded, cols), within(1e-4));
    }

    @Test
    void col2imAddsIntoTheImage() {
        float[] col = {1, 1, 1, 1};
        float[] x = {10, 10, 10, 10};

        // 1 channel 2x2, 1x1 kernel: each column goes back to its position.
        Im2col.col2im(col, 0, 1, 2, 2, 1, 1, 0, 0, 1, 1, 1, 1, x, 0);

        assertThat(x).containsExactly(11, 11, 11, 11);
    }

    @Test
    void aGeometryWithoutOutputIsRefused() {
        assertThatThrownBy(() -> Im2col.im2col(new float[4], 0, 1, 2, 2, 3, 3, 0, 0, 1, 1, 1, 1, new float[9], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no output");
    }

    @Test
    void aColumnBufferTooShortIsRefused() {
        assertThatThrownBy(() -> Im2col.im2col(new float[9], 0, 1, 3, 3, 2, 2, 0, 0, 1, 1, 1, 1, new float[15], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit in an array of 15");
    }

    private static float[] random(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
