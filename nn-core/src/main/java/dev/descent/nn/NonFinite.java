package dev.descent.nn;

import dev.descent.api.Tensor;

/** Whether a tensor holds NaN or an infinity: the check behind every model's {@code firstNonFiniteOutput}. */
public final class NonFinite {
    private NonFinite() {}

    public static boolean any(Tensor tensor) {
        float[] values = tensor.array();
        for (int i = tensor.offset(), end = tensor.offset() + tensor.size(); i < end; i++) {
            if (!Float.isFinite(values[i])) {
                return true;
            }
        }
        return false;
    }
}
