package dev.descent.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the checks of one provider one by one, so that a check that throws never hides the others. */
final class CheckRun {
    /** A check: returns what it measured when the contract holds, throws {@link CheckFailure} when not. */
    @FunctionalInterface
    interface Body {
        String run();
    }

    private final String provider;
    private final List<CheckResult> results = new ArrayList<>();

    CheckRun(String provider) {
        this.provider = requireNonNull(provider, "provider is null");
    }

    /** Runs {@code body} as the check {@code check}; anything it throws but a VM error becomes a failure. */
    void run(String check, Body body) {
        try {
            results.add(new CheckResult(provider, check, true, requireNonNull(body.run(), "detail is null")));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (CheckFailure e) {
            results.add(new CheckResult(provider, check, false, e.getMessage()));
        } catch (Throwable e) {
            results.add(new CheckResult(provider, check, false, "threw " + describe(e)));
        }
    }

    /** Records a result without running anything, e.g. a failure found before any check could run. */
    void add(String check, boolean passed, String detail) {
        results.add(new CheckResult(provider, check, passed, detail));
    }

    List<CheckResult> results() {
        return List.copyOf(results);
    }

    /** Throws a failure with {@code detail}; declared to return one so callers can write {@code throw fail(...)}. */
    static CheckFailure fail(String detail) {
        throw new CheckFailure(detail);
    }

    /**
     * {@code IllegalStateException: message (at com.acme.Focal.compute(Focal.java:42))}, with the first
     * cause: enough for an author to find the line without a stack trace. JDK classes go by simple name.
     */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(name(e));
        if (e.getMessage() != null) {
            text.append(": ").append(e.getMessage());
        }
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0) {
            text.append(" (at ").append(trace[0]).append(')');
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text.append("; caused by ").append(name(cause));
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    private static String name(Throwable e) {
        String name = e.getClass().getName();
        return name.startsWith("java.") ? e.getClass().getSimpleName() : name;
    }

    /** A number for a detail: {@code 0.25}, {@code 1.234e-05}. */
    static String number(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        return magnitude >= 1e-3 && magnitude < 1e6
                ? stripZeros(String.format(Locale.ROOT, "%.6f", value))
                : String.format(Locale.ROOT, "%.3e", value);
    }

    private static String stripZeros(String text) {
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (text.charAt(end - 1) == '.') {
            end--;
        }
        return text.substring(0, end);
    }
}
