/**
 * Gradient transforms ({@code clip_grad_norm}, {@code clip_grad_value}, {@code add_noise}, {@code accumulate},
 * {@code ema}) and the two optimizers that compose others: {@code chain}, transforms in front of an optimizer,
 * and {@code param_groups}, an optimizer per group of parameters as PyTorch's {@code param_groups}. Each behind
 * a provider found with {@link java.util.ServiceLoader}; see {@code docs/optimizers.md}.
 */
package dev.descent.optim.transform;
