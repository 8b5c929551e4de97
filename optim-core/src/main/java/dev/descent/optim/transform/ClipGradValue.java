package dev.descent.optim.transform;

import dev.descent.api.GradientTransform;
import dev.descent.api.Parameter;
import dev.descent.optim.Checks;
import java.util.List;

/**
 * Clamps every gradient element to {@code [-clip_value, clip_value]}: PyTorch's
 * {@code torch.nn.utils.clip_grad_value_}, in float (the bound rounded to float as PyTorch rounds it), NaN left
 * NaN. Unlike {@link ClipGradNorm} it changes the direction of the step.
 */
public final class ClipGradValue implements GradientTransform {
    static final String NAME = "clip_grad_value";

    private final double clipValue;

    /** @param clipValue the largest absolute value of a gradient element, {@code >= 0} */
    public ClipGradValue(double clipValue) {
        this.clipValue = Checks.atLeast(NAME, "clip_value", clipValue, 0);
    }

    @Override
    public boolean beforeStep(List<Parameter> parameters) {
        float bound = (float) clipValue;
        for (Parameter parameter : parameters) {
            float[] g = parameter.gradient().data();
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.min(Math.max(g[i], -bound), bound);
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return NAME + "(clip_value=" + Checks.format(clipValue) + ")";
    }
}
