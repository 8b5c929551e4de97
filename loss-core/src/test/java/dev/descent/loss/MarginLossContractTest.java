package dev.descent.loss;

import static dev.descent.loss.Generators.BITS;
import static dev.descent.loss.Generators.CLASS_INDICES;
import static dev.descent.loss.Generators.ONE_HOT;
import static dev.descent.loss.Generators.SAMPLE_SIGNS;
import static dev.descent.loss.Generators.SIGNS;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.descent.api.LossProvider;
import dev.descent.testkit.CheckResult;
import dev.descent.testkit.ContractChecks;
import dev.descent.testkit.LossCheckConfig;
import dev.descent.testkit.TensorGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The testkit's loss contract (see {@link LossCatalogueContract}) for the margin, ranking and similarity
 * losses, each with inputs drawn from its domain.
 */
class MarginLossContractTest extends LossCatalogueContract {

    static Stream<Arguments> contracts() {
        LossCheckConfig defaults = LossCheckConfig.defaults();
        return Stream.of(
                arguments(new HingeLossProvider(), defaults.withTargets(SIGNS)
                        .withSpecs("hinge", "hinge(reduction=sum)")),
                arguments(new SquaredHingeLossProvider(), defaults.withTargets(BITS)),
                arguments(new CategoricalHingeLossProvider(), defaults.withTargets(ONE_HOT)),
                arguments(new MultiMarginLossProvider(), defaults.withTargets(CLASS_INDICES).withMismatchedShape(5, 3)
                        .withSpecs("multi_margin", "multi_margin(p=2, margin=0.5, weight=[1, 2, 0.5], reduction=sum)")),
                arguments(new SoftMarginLossProvider(), defaults.withTargets(SIGNS)),
                arguments(new MultilabelSoftMarginLossProvider(), defaults.withTargets(BITS)
                        .withSpecs("multilabel_soft_margin", "multilabel_soft_margin(weight=[1, 2, 0.5])")),
                arguments(new HingeEmbeddingLossProvider(), defaults.withTargets(SIGNS)
                        .withPredictions(TensorGenerator.uniform(0, 2))
                        .withSpecs("hinge_embedding", "hinge_embedding(margin=0.5, reduction=sum)")),
                arguments(new MarginRankingLossProvider(), defaults.withShape(4, 2).withMismatchedShape(5, 2)
                        .withTargets(SAMPLE_SIGNS).withSpecs("margin_ranking", "margin_ranking(margin=0.5)")),
                arguments(new BprLossProvider(), defaults.withShape(4, 2).withMismatchedShape(5, 2)
                        .withTargets(SAMPLE_SIGNS)),
                arguments(new CosineEmbeddingLossProvider(), defaults.withShape(4, 2, 3).withMismatchedShape(5, 2, 3)
                        .withTargets(SAMPLE_SIGNS)
                        .withSpecs("cosine_embedding", "cosine_embedding(margin=0.3, reduction=sum)")),
                arguments(new TripletMarginLossProvider(), defaults.withShape(4, 3, 3).withMismatchedShape(5, 3, 3)
                        .withSpecs("triplet_margin", "triplet_margin(margin=2, p=1, swap=true, reduction=sum)",
                                "triplet_margin(p=3, eps=0)")));
    }

    // The triplet loss has no targets to mismatch: it ignores them (see TripletMarginLoss).
    @Override
    boolean failsByDesign(LossProvider provider, CheckResult result) {
        return provider instanceof TripletMarginLossProvider && result.isCheck(ContractChecks.LOSS_SHAPE_ERRORS);
    }
}
