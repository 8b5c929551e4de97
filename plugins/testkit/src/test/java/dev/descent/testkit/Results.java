package dev.descent.testkit;

import java.util.List;

/** Reading check results in tests. */
final class Results {
    private Results() {}

    /** The names of the failed checks. */
    static List<String> failed(List<CheckResult> results) {
        return results.stream().filter(result -> !result.passed()).map(CheckResult::check).toList();
    }

    /** The one result of {@code check} (for any spec), failing the test if there is not exactly one. */
    static CheckResult only(List<CheckResult> results, String check) {
        List<CheckResult> matching = results.stream().filter(result -> result.isCheck(check)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one result of '" + check + "', got " + matching);
        }
        return matching.get(0);
    }

    /** A readable dump for assertion messages. */
    static String dump(List<CheckResult> results) {
        StringBuilder text = new StringBuilder();
        results.forEach(result -> text.append('\n').append(result));
        return text.toString();
    }
}
