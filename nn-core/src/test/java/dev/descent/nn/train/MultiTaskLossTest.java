package dev.descent.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.MultiTaskLoss;
import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import dev.descent.loss.MseLoss;
import dev.descent.nn.data.Dataset;
import dev.descent.optim.Adam;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A loss that learns how to weigh two heads trains beside the model. */
class MultiTaskLossTest {

    /**
     * Uncertainty weighting (Kendall, Gal and Cipolla 2018) in its usual form: with a learned log-variance
     * s_i per task, {@code total = sum_i exp(-s_i) L_i + s_i}; d(total)/dL_i = exp(-s_i) and
     * d(total)/ds_i = 1 - exp(-s_i) L_i. Both s start at 0.
     */
    static final class UncertaintyWeighting implements MultiTaskLoss {
        final Parameter logVariances = Parameter.of("log_variances", Tensor.zeros(2));

        @Override
        public String name() {
            return "uncertainty_weighting";
        }

        @Override
        public double combine(double[] losses, double[] lossGradients) {
            float[] s = logVariances.value().data();
            float[] ds = logVariances.gradient().data();
            double total = 0;
            for (int i = 0; i < losses.length; i++) {
                double precision = Math.exp(-s[i]);
                total += precision * losses[i] + s[i];
                if (lossGradients != null) {
                    lossGradients[i] = precision;
                    ds[i] += (float) (1 - precision * losses[i]);
                }
            }
            return total;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(logVariances);
        }
    }

    /** Head a: y = 3 x0 - x1 (learnable); head b: y = that plus noise of scale 2 (mostly not learnable). */
    private static Dataset twoTasks(int n) {
        SplittableRandom random = new SplittableRandom(4);
        float[] x = new float[2 * n];
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) random.nextDouble(-1, 1);
            x[2 * i + 1] = (float) random.nextDouble(-1, 1);
            a[i] = 3 * x[2 * i] - x[2 * i + 1];
            b[i] = a[i] + (float) (2 * random.nextGaussian());
        }
        return Dataset.of(List.of(Tensor.of(x, n, 2)), List.of(Tensor.of(a, n, 1), Tensor.of(b, n, 1)));
    }

    @Test
    void theLearnedLogVariancesMoveAndTheCombinedLossFalls() {
        UncertaintyWeighting weighting = new UncertaintyWeighting();
        Trainer trainer = Trainer.builder().model(new TwoHeadModel(2, 1)).loss("a", new MseLoss())
                .loss("b", new MseLoss()).multiTaskLoss(weighting).optimizer(Adam.builder().lr(0.05).build())
                .epochs(30).batchSize(16).seed(2).build();

        History history = trainer.fit(twoTasks(256));

        float[] s = weighting.logVariances.value().data();
        // The noisy head gets the larger variance (the smaller weight); the clean head's variance falls.
        assertThat(s[1]).isGreaterThan(0.5f);
        assertThat(s[0]).isLessThan(s[1]).isLessThan(0f);
        double[] losses = history.series("loss");
        assertThat(losses[losses.length - 1]).isLessThan(losses[0] - 1);
        assertThat(history.last().values()).containsKeys("a_loss", "b_loss");
    }
}
