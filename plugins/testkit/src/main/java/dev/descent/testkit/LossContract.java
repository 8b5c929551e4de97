package dev.descent.testkit;

import dev.descent.api.ComponentProvider;
import dev.descent.api.LossProvider;
import dev.descent.api.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every loss keeps, as JUnit tests: extend this class in your plugin's tests, return your
 * provider, and each check of {@link ContractChecks} becomes one test. The checks: {@code describe}
 * well-formed, parameters validated, value finite, gradient against finite differences at random points,
 * inputs left unchanged, the gradient buffer overwritten, shape errors that name the loss and both
 * shapes, reduction consistency (sum = mean × n; none sums to sum) and determinism.
 *
 * <pre>{@code
 * class FocalLossContractTest extends LossContract {
 *     @Override
 *     protected LossProvider provider() {
 *         return new FocalLossProvider();
 *     }
 *
 *     @Override
 *     protected List<String> specs() {
 *         return List.of("focal", "focal(gamma=0.5, reduction=sum)");
 *     }
 *
 *     // Probabilities away from 0 and 1, and binary targets.
 *     @Override
 *     protected Tensor predictions(int[] shape, RandomGenerator random) {
 *         return TensorGenerator.uniform(0.05, 0.95).generate(shape, random);
 *     }
 *
 *     @Override
 *     protected Tensor targets(int[] shape, RandomGenerator random) {
 *         Tensor targets = Tensor.zeros(shape);
 *         float[] data = targets.data();
 *         for (int i = 0; i < data.length; i++) {
 *             data[i] = random.nextBoolean() ? 1 : 0;
 *         }
 *         return targets;
 *     }
 * }
 * }</pre>
 *
 * JUnit Jupiter is a {@code provided} dependency of the kit: your tests bring their own.
 */
public abstract class LossContract {

    /** The provider under test. */
    protected abstract LossProvider provider();

    /** The specs to check; by default {@link ContractChecks#defaultSpec}, the name alone for all defaults. */
    protected List<String> specs() {
        return List.of(ContractChecks.defaultSpec(provider()));
    }

    /** Providers nested specs may name, e.g. {@code inner=sgd(lr=0.1)}; the provider itself is always one. */
    protected List<ComponentProvider<?>> companions() {
        return List.of();
    }

    /** The shape of the predictions; [4, 3] by default. */
    protected int[] shape() {
        return LossCheckConfig.DEFAULT_SHAPE.clone();
    }

    /** The targets shape of the shape-error check; by default {@link #shape()} with its last axis one shorter. */
    protected int[] mismatchedShape() {
        return LossCheckConfig.mismatch(shape());
    }

    /** Predictions for {@code shape}; uniform in [-2, 2) by default. Override for a restricted domain. */
    protected Tensor predictions(int[] shape, RandomGenerator random) {
        return TensorGenerator.uniform(-2, 2).generate(shape, random);
    }

    /** Targets for predictions of {@code shape}; uniform in [-2, 2) by default. */
    protected Tensor targets(int[] shape, RandomGenerator random) {
        return TensorGenerator.uniform(-2, 2).generate(shape, random);
    }

    /**
     * Whether sum = mean × n and the unreduced values sum to sum; true by default. Return false for a loss
     * that transforms after reducing, such as a root mean squared error.
     */
    protected boolean linearReduction() {
        return true;
    }

    /** One dynamic test per contract check. */
    @TestFactory
    public final Stream<DynamicTest> contractChecks() {
        LossProvider provider = provider();
        LossCheckConfig config = new LossCheckConfig(specs(), DynamicChecks.resolver(provider, companions()),
                shape(), mismatchedShape(), this::predictions, this::targets, linearReduction());
        return DynamicChecks.tests(ContractChecks.checkLoss(provider, config));
    }
}
