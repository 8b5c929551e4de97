package dev.descent.testkit;

import dev.descent.api.ComponentProvider;
import dev.descent.api.LayerProvider;
import dev.descent.api.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every layer keeps, as JUnit tests: extend this class in your plugin's tests, return your
 * provider, and each check of {@link ContractChecks} becomes one test. The checks: {@code describe}
 * well-formed, parameters validated, {@code outputShape} agreeing with {@code forward}, the input gradient
 * and every parameter gradient against finite differences of {@code sum(forward(x) ⊙ R)}, gradients
 * accumulated, determinism for one seed, and {@code backward} without a training forward refused.
 *
 * <pre>{@code
 * class GatedLinearContractTest extends LayerContract {
 *     @Override
 *     protected LayerProvider provider() {
 *         return new GatedLinearProvider();
 *     }
 *
 *     @Override
 *     protected List<String> specs() {
 *         return List.of("gated_linear(out_features=3)", "gated_linear(out_features=2, bias=false)");
 *     }
 *
 *     @Override
 *     protected int[] inputShape() {
 *         return new int[] {2, 4};   // per example: two rows of four features
 *     }
 * }
 * }</pre>
 *
 * The gradient checks compare backward with finite differences of training forwards, each with a pass of
 * the same seed, so a layer that behaves differently in training (dropout, batch norm) is checked as it
 * trains. A layer whose input holds indices declares {@link dev.descent.api.Layer#differentiableInput()}
 * false, returns null from backward, and overrides {@link #input} to draw valid indices
 * ({@link TensorGenerator#integers}); its input gradient is not checked.
 */
public abstract class LayerContract {

    /** The provider under test. */
    protected abstract LayerProvider provider();

    /**
     * The specs to check; by default {@link ContractChecks#defaultSpec}: the name alone, with sample values
     * for required parameters ({@code linear(out_features=3)}).
     */
    protected List<String> specs() {
        return List.of(ContractChecks.defaultSpec(provider()));
    }

    /** Providers nested specs may name; the provider itself is always one. */
    protected List<ComponentProvider<?>> companions() {
        return List.of();
    }

    /** The shape of one example, without the batch axis; [5] by default. */
    protected int[] inputShape() {
        return LayerCheckConfig.DEFAULT_INPUT_SHAPE.clone();
    }

    /**
     * For a merge layer, the shape of one example of each input, in order; empty by default, which checks a
     * merge layer on two inputs of {@link #inputShape}.
     */
    protected List<int[]> inputShapes() {
        return List.of();
    }

    /** The number of examples in a batch; 3 by default. */
    protected int batchSize() {
        return LayerCheckConfig.DEFAULT_BATCH_SIZE;
    }

    /** A batch for the full {@code shape} (batch first); uniform in [-1, 1) by default. */
    protected Tensor input(int[] shape, RandomGenerator random) {
        return TensorGenerator.uniform(-1, 1).generate(shape, random);
    }

    /** One dynamic test per contract check. */
    @TestFactory
    public final Stream<DynamicTest> contractChecks() {
        LayerProvider provider = provider();
        LayerCheckConfig config = new LayerCheckConfig(specs(), DynamicChecks.resolver(provider, companions()),
                inputShape(), batchSize(), this::input, inputShapes());
        return DynamicChecks.tests(ContractChecks.checkLayer(provider, config));
    }
}
