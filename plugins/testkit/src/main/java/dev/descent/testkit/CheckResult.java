package dev.descent.testkit;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one contract check on one provider.
 *
 * @param provider the provider's name (its class name if {@code name()} itself failed)
 * @param check what was checked, one of the names in {@link ContractChecks}, followed for checks of one
 *     spec by the spec in brackets: {@code loss gradient matches finite differences [mse(reduction=sum)]}
 * @param passed whether the provider passed
 * @param detail what was expected and what came out; on a pass, what was measured
 */
public record CheckResult(String provider, String check, boolean passed, String detail) {

    public CheckResult {
        requireNonNull(provider, "provider is null");
        requireNonNull(check, "check is null");
        requireNonNull(detail, "detail is null");
    }

    /** Whether this is the result of the check {@code name}, for any spec. */
    public boolean isCheck(String name) {
        return check.equals(name) || check.startsWith(name + " [");
    }

    /** {@code FAIL focal: loss deterministic [focal]: ...}, one line per result for a report. */
    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + provider + ": " + check + ": " + detail;
    }
}
