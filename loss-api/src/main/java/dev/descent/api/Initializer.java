package dev.descent.api;

import java.util.random.RandomGenerator;

/**
 * Draws a weight tensor's initial values, as {@code torch.nn.init}: chosen by a layer's {@code init}
 * parameter ({@code init=kaiming_uniform}, {@code init=normal(std=0.02)}) and always drawing from the
 * generator it is given, so a model's seed fixes every weight.
 *
 * <p>Fan-in and fan-out follow PyTorch's {@code _calculate_fan_in_and_fan_out}: for a weight of shape
 * {@code [out, in, k...]} they are {@code in · Πk} and {@code out · Πk}.
 */
@FunctionalInterface
public interface Initializer {

    /** Overwrites every element of {@code weight} with a draw from {@code random}. */
    void initialize(Tensor weight, RandomGenerator random);
}
