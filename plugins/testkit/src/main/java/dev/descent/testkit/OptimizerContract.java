package dev.descent.testkit;

import dev.descent.api.ComponentProvider;
import dev.descent.api.OptimizerProvider;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every optimizer keeps, as JUnit tests: extend this class in your plugin's tests, return your
 * provider, and each check of {@link ContractChecks} becomes one test. The checks: {@code describe}
 * well-formed, parameters validated, a convex quadratic decreases in 50 steps, a state round trip
 * (3 steps, {@code state()}, {@code loadState} into a fresh optimizer, 3 more) that equals an uninterrupted
 * run bit for bit, the learning rate round trip and determinism.
 *
 * <pre>{@code
 * class LookaheadContractTest extends OptimizerContract {
 *     @Override
 *     protected OptimizerProvider provider() {
 *         return new LookaheadProvider();
 *     }
 *
 *     @Override
 *     protected List<String> specs() {
 *         return List.of("lookahead(k=2, inner=sgd(lr=0.1, momentum=0.9))");
 *     }
 *
 *     @Override
 *     protected List<ComponentProvider<?>> companions() {
 *         return List.of(new SgdProvider());   // what inner= may name
 *     }
 * }
 * }</pre>
 *
 * Check specs with momentum or other state: the round trip only shows what state a spec creates.
 */
public abstract class OptimizerContract {

    /** The provider under test. */
    protected abstract OptimizerProvider provider();

    /** The specs to check; by default {@link ContractChecks#defaultSpec}, the name alone for all defaults. */
    protected List<String> specs() {
        return List.of(ContractChecks.defaultSpec(provider()));
    }

    /** Providers nested specs may name, e.g. {@code inner=sgd(lr=0.1)}; the provider itself is always one. */
    protected List<ComponentProvider<?>> companions() {
        return List.of();
    }

    /** One dynamic test per contract check. */
    @TestFactory
    public final Stream<DynamicTest> contractChecks() {
        OptimizerProvider provider = provider();
        OptimizerCheckConfig config = new OptimizerCheckConfig(specs(), DynamicChecks.resolver(provider, companions()));
        return DynamicChecks.tests(ContractChecks.checkOptimizer(provider, config));
    }
}
