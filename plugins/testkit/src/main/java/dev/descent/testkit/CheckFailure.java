package dev.descent.testkit;

/** A check that ran and found the contract broken; its message is the result's detail. */
final class CheckFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailure(String detail) {
        // No stack trace: the detail says everything, and the trace would point into the kit.
        super(detail, null, false, false);
    }
}
