package dev.descent.testkit;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ScheduleProvider;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every learning-rate schedule keeps, as JUnit tests: extend this class in your plugin's
 * tests and return your provider. The checks: {@code describe} well-formed, parameters validated, rates
 * finite and non-negative for t = 0..50 from an initial rate of 0.1, and determinism.
 *
 * <pre>{@code
 * class WarmupContractTest extends ScheduleContract {
 *     @Override
 *     protected ScheduleProvider provider() {
 *         return new LinearWarmupProvider();
 *     }
 *
 *     @Override
 *     protected List<String> specs() {
 *         return List.of("linear_warmup(warmup=5)", "linear_warmup(warmup=60)");
 *     }
 * }
 * }</pre>
 */
public abstract class ScheduleContract {

    /** The provider under test. */
    protected abstract ScheduleProvider provider();

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
        ScheduleProvider provider = provider();
        ScheduleCheckConfig config = new ScheduleCheckConfig(specs(), DynamicChecks.resolver(provider, companions()));
        return DynamicChecks.tests(ContractChecks.checkSchedule(provider, config));
    }
}
