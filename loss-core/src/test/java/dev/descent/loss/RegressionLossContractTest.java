package dev.descent.loss;

import static dev.descent.loss.Generators.AWAY_FROM_ZERO;
import static dev.descent.loss.Generators.COUNTS;
import static dev.descent.loss.Generators.withoutAxis1;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.descent.api.LossProvider;
import dev.descent.api.Tensor;
import dev.descent.testkit.LossCheckConfig;
import dev.descent.testkit.TensorGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The testkit's loss contract (see {@link LossCatalogueContract}) for the regression losses, each with inputs drawn from its domain.
 */
class RegressionLossContractTest extends LossCatalogueContract {
    /**
     * Predictions [N, 2, d...] for gaussian_nll: means uniform in [-2, 2) at index 0 of axis 1, variances in
     * [0.2, 2) at index 1, above eps so the clamp (flat in the variance) stays out of the finite differences.
     */
    private static final TensorGenerator MEANS_AND_VARIANCES = (shape, random) -> {
        Tensor predictions = Tensor.zeros(shape);
        float[] data = predictions.data();
        int inner = data.length / Math.max(1, shape[0] * shape[1]);
        for (int i = 0; i < data.length; i++) {
            boolean variance = (i / inner) % 2 == 1;
            data[i] = (float) (variance ? random.nextDouble(0.2, 2) : random.nextDouble(-2, 2));
        }
        return predictions;
    };

    /** Targets [N, d...] for predictions [N, 2, d...]: axis 1 dropped. */
    private static final TensorGenerator GAUSSIAN_TARGETS = (shape, random) ->
            TensorGenerator.uniform(-2, 2).generate(withoutAxis1(shape), random);

    static Stream<Arguments> contracts() {
        LossCheckConfig defaults = LossCheckConfig.defaults();
        return Stream.of(
                arguments(new SmoothL1LossProvider(), defaults.withSpecs("smooth_l1",
                        "smooth_l1(beta=0.5, reduction=sum)", "smooth_l1(beta=0)", "smooth_l1(beta=3)")),
                arguments(new HuberLossProvider(), defaults.withSpecs("huber", "huber(delta=0.3, reduction=sum)",
                        "huber(delta=3)")),
                arguments(new LogCoshLossProvider(), defaults.withSpecs("log_cosh", "log_cosh(reduction=sum)")),
                // Negative predictions and targets too, where Keras' clamp at eps holds them.
                arguments(new MsleLossProvider(), defaults.withPredictions(TensorGenerator.uniform(-1, 3))
                        .withTargets(TensorGenerator.uniform(-1, 3))),
                arguments(new MapeLossProvider(), defaults.withTargets(AWAY_FROM_ZERO)
                        .withPredictions(TensorGenerator.uniform(-3, 3))),
                arguments(new PoissonNllLossProvider(), defaults.withTargets(COUNTS)
                        .withSpecs("poisson_nll", "poisson_nll(full=true, reduction=sum)")),
                // Rates rather than log-rates: positive predictions.
                arguments(new PoissonNllLossProvider(), defaults.withTargets(COUNTS)
                        .withPredictions(TensorGenerator.uniform(0.1, 3))
                        .withSpecs("poisson_nll(log_input=false)", "poisson_nll(log_input=false, full=true, eps=0.01)")),
                arguments(new GaussianNllLossProvider(), defaults.withShape(4, 2, 3).withMismatchedShape(5, 2, 3)
                        .withPredictions(MEANS_AND_VARIANCES).withTargets(GAUSSIAN_TARGETS)
                        .withSpecs("gaussian_nll", "gaussian_nll(full=true, reduction=sum)")),
                arguments(new GaussianNllLossProvider(), defaults.withShape(5, 2).withMismatchedShape(4, 2)
                        .withPredictions(MEANS_AND_VARIANCES).withTargets(GAUSSIAN_TARGETS)),
                arguments(new QuantileLossProvider(), defaults.withSpecs("quantile", "quantile(q=0.9, reduction=sum)",
                        "pinball(q=0.1)")));
    }

}
