/**
 * The built-in optimizers, each behind a provider found with {@link java.util.ServiceLoader}; the
 * learning-rate schedules live in {@code schedule}. They follow PyTorch's update rules, names and defaults
 * unless a doc comment says otherwise.
 */
package dev.descent.optim;
