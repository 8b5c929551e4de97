/**
 * The built-in losses: {@code mse} ({@link dev.descent.loss.MseLoss}), {@code l1} or {@code mae}
 * ({@link dev.descent.loss.L1Loss}) and {@code rmse} ({@link dev.descent.loss.RmseLoss}), each with a
 * {@link dev.descent.api.LossProvider} listed in {@code META-INF/services}. Losses of one (prediction,
 * target) pair per element extend {@link dev.descent.api.ElementwiseLoss}, which holds the shape checks,
 * the loop and the reduction; the hot ones extend {@code KernelLoss}, whose loop is one of
 * {@link dev.descent.loss.kernel.LossKernels}, vectorised when the JVM has {@code jdk.incubator.vector}.
 */
package dev.descent.loss;
