package dev.descent.testkit;

import dev.descent.api.ComponentProvider;
import dev.descent.api.TransformProvider;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every gradient transform keeps, as JUnit tests: extend this class in your plugin's tests and
 * return your provider. The checks: {@code describe} well-formed, parameters validated, finite gradients
 * stay finite and the parameters are left to the optimizer, exact state round trip, and determinism.
 *
 * <pre>{@code
 * class CenteringContractTest extends TransformContract {
 *     @Override
 *     protected TransformProvider provider() {
 *         return new GradientCenteringProvider();
 *     }
 * }
 * }</pre>
 */
public abstract class TransformContract {

    /** The provider under test. */
    protected abstract TransformProvider provider();

    /** The specs to check; by default {@link ContractChecks#defaultSpec}, the name alone for all defaults. */
    protected List<String> specs() {
        return List.of(ContractChecks.defaultSpec(provider()));
    }

    /** Providers nested specs may name; the provider itself is always one. */
    protected List<ComponentProvider<?>> companions() {
        return List.of();
    }

    /** One dynamic test per contract check. */
    @TestFactory
    public final Stream<DynamicTest> contractChecks() {
        TransformProvider provider = provider();
        TransformCheckConfig config = new TransformCheckConfig(specs(), DynamicChecks.resolver(provider, companions()));
        return DynamicChecks.tests(ContractChecks.checkTransform(provider, config));
    }
}
