package dev.descent.testkit;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/** What the JUnit contracts share: the resolver they build, and results turned into dynamic tests. */
final class DynamicChecks {
    private DynamicChecks() {}

    /** Nested specs resolve among the companions and the provider under test itself. */
    static ComponentResolver resolver(ComponentProvider<?> provider, List<ComponentProvider<?>> companions) {
        List<ComponentProvider<?>> all = new ArrayList<>(companions);
        all.add(provider);
        return new ProviderResolver(all);
    }

    /** One test per result, named after the check, failing with its detail. */
    static Stream<DynamicTest> tests(List<CheckResult> results) {
        return results.stream().map(result -> DynamicTest.dynamicTest(result.check(), () -> {
            if (!result.passed()) {
                Assertions.fail(result.provider() + ": " + result.detail());
            }
        }));
    }
}
