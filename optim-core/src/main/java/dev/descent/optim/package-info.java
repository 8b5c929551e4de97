/**
 * The built-in optimizers and learning-rate schedules, each behind a provider found with
 * {@link java.util.ServiceLoader}. They follow PyTorch's update rules, names and defaults unless a doc
 * comment says otherwise.
 */
package dev.descent.optim;
