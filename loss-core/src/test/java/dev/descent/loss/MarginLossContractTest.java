package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.descent.api.LossProvider;
import dev.descent.api.Tensor;
import dev.descent.testkit.CheckResult;
import dev.descent.testkit.ContractChecks;
import dev.descent.testkit.LossCheckConfig;
import dev.descent.testkit.TensorGenerator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The testkit's loss contract (finite values, gradient against finite differences at random points, inputs
 * unchanged, gradient overwritten, shape errors, reduction identities, determinism, parameter validation) for
 * the margin, ranking and similarity losses, each with inputs drawn from its domain.
 */
class MarginLossContractTest {

    /** -1 or 1, in the shape asked. */
    private static final TensorGenerator SIGNS = (shape, random) -> fill(Tensor.zeros(shape),
            () -> random.nextBoolean() ? 1 : -1);

    /** 0 or 1, in the shape asked. */
    private static final TensorGenerator BITS = (shape, random) -> fill(Tensor.zeros(shape),
            () -> random.nextBoolean() ? 1 : 0);

    /** -1 or 1, one per sample (the first axis of the shape asked). */
    private static final TensorGenerator SAMPLE_SIGNS = (shape, random) -> SIGNS.generate(new int[] {shape[0]}, random);

    /** One-hot rows over the last axis. */
    private static final TensorGenerator ONE_HOT = (shape, random) -> {
        Tensor targets = Tensor.zeros(shape);
        int classes = shape[shape.length - 1];
        for (int start = 0; start < targets.size(); start += classes) {
            targets.data()[start + random.nextInt(classes)] = 1;
        }
        return targets;
    };

    /** A class index in [0, C) per sample, for predictions [N, C]. */
    private static final TensorGenerator CLASS_INDICES = (shape, random) -> fill(Tensor.zeros(shape[0]),
            () -> random.nextInt(shape[1]));

    private interface Draw {
        float next();
    }

    private static Tensor fill(Tensor tensor, Draw draw) {
        float[] data = tensor.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = draw.next();
        }
        return tensor;
    }

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void keepsTheLossContract(LossProvider provider, LossCheckConfig config) {
        List<CheckResult> results = ContractChecks.checkLoss(provider, config);
        // The triplet loss has no targets to mismatch: it ignores them (see TripletMarginLoss).
        List<CheckResult> failed = results.stream()
                .filter(result -> !result.passed())
                .filter(result -> !(provider instanceof TripletMarginLossProvider)
                        || !result.isCheck(ContractChecks.LOSS_SHAPE_ERRORS))
                .toList();

        assertThat(results).isNotEmpty();
        assertThat(failed).isEmpty();
    }
}
