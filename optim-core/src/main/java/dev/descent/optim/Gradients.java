package dev.descent.optim;

/** The gradient PyTorch's optimizers step along, before their own update rule. */
final class Gradients {
    private Gradients() {}

    /**
     * The gradient {@code grad}, negated if {@code maximize}, plus the L2 penalty {@code weightDecay * p}
     * unless {@code weightDecay} is 0: {@code grad.add(param, alpha=weight_decay)}, a fused multiply-add.
     * PyTorch skips the addition for a zero weight decay, which matters for an infinite parameter or a
     * gradient of -0.
     */
    static float effective(float grad, float p, boolean maximize, float weightDecay) {
        float g = maximize ? -grad : grad;
        return weightDecay != 0f ? Math.fma(weightDecay, p, g) : g;
    }
}
