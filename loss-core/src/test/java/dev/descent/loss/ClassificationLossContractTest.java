package dev.descent.loss;

import static dev.descent.loss.Generators.BITS;
import static dev.descent.loss.Generators.CLASS_INDICES;
import static dev.descent.loss.Generators.DISTRIBUTIONS;
import static dev.descent.loss.Generators.LOG_DISTRIBUTIONS;
import static dev.descent.loss.Generators.PROBABILITIES;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.descent.api.LossProvider;
import dev.descent.testkit.LossCheckConfig;
import dev.descent.testkit.TensorGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The testkit's loss contract (see {@link LossCatalogueContract}) for the classification losses, each with
 * inputs drawn from its domain: class indices, probabilities, 0/1 labels, distributions over axis 1.
 */
class ClassificationLossContractTest extends LossCatalogueContract {

    static Stream<Arguments> contracts() {
        LossCheckConfig defaults = LossCheckConfig.defaults();
        LossCheckConfig indexTargets = defaults.withTargets(CLASS_INDICES).withMismatchedShape(5, 3);
        return Stream.of(
                arguments(new CrossEntropyLossProvider(), indexTargets.withSpecs("cross_entropy",
                        "cross_entropy(label_smoothing=0.2, reduction=sum)")),
                // A weighted mean divides by the weights of the targets not ignored, not by n: sum ≠ n × mean.
                arguments(new CrossEntropyLossProvider(), indexTargets.withLinearReduction(false)
                        .withSpecs("cross_entropy(weight=[1, 2, 0.5], label_smoothing=0.1)", "cross_entropy(ignore_index=1)")),
                arguments(new CrossEntropyLossProvider(), indexTargets.withShape(4, 3, 2).withMismatchedShape(4, 3, 5)
                        .withSpecs("cross_entropy", "cross_entropy(label_smoothing=0.3, reduction=sum)")),
                arguments(new CrossEntropyLossProvider(), defaults.withTargets(DISTRIBUTIONS)
                        .withSpecs("cross_entropy", "cross_entropy(label_smoothing=0.1, reduction=sum)")),
                arguments(new NllLossProvider(), indexTargets.withPredictions(LOG_DISTRIBUTIONS)
                        .withSpecs("nll", "nll(reduction=sum)")),
                arguments(new NllLossProvider(), indexTargets.withPredictions(LOG_DISTRIBUTIONS).withLinearReduction(false)
                        .withSpecs("nll(weight=[0.5, 1, 3])", "nll(ignore_index=2)")),
                arguments(new BceLossProvider(), defaults.withPredictions(PROBABILITIES).withTargets(BITS)
                        .withSpecs("bce", "log_loss(weight=[1, 2, 0.5], reduction=sum)")),
                arguments(new BceLossProvider(), defaults.withPredictions(PROBABILITIES).withTargets(PROBABILITIES)),
                arguments(new BceWithLogitsLossProvider(), defaults.withTargets(PROBABILITIES).withSpecs(
                        "bce_with_logits", "bce_with_logits(weight=[2], pos_weight=[1, 3, 0.5], reduction=sum)")),
                arguments(new KlDivLossProvider(), defaults.withPredictions(LOG_DISTRIBUTIONS)
                        .withTargets(DISTRIBUTIONS).withSpecs("kl_div", "kl_div(reduction=sum)")),
                arguments(new KlDivLossProvider(), defaults.withPredictions(LOG_DISTRIBUTIONS)
                        .withTargets(LOG_DISTRIBUTIONS).withSpecs("kl_div(log_target=true)")),
                // batchmean divides by N, not by the number of elements.
                arguments(new KlDivLossProvider(), defaults.withPredictions(LOG_DISTRIBUTIONS)
                        .withTargets(DISTRIBUTIONS).withLinearReduction(false).withSpecs("kl_div(reduction=batchmean)")),
                arguments(new FocalLossProvider(), defaults.withTargets(BITS).withPredictions(TensorGenerator.uniform(-3, 3))
                        .withSpecs("focal", "focal(alpha=-1, gamma=0, reduction=sum)", "focal(alpha=0.8, gamma=1.5)")));
    }

}
