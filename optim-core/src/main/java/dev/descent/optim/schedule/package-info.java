/**
 * The built-in learning-rate schedules, each behind a {@link dev.descent.api.ScheduleProvider} found with
 * {@link java.util.ServiceLoader}. They follow {@code torch.optim.lr_scheduler}: names, defaults and the
 * rates {@code get_last_lr()} returns, unless a class comment says otherwise. Every one takes an
 * {@code interval} parameter saying whether its {@code t} counts epochs or optimizer steps.
 */
package dev.descent.optim.schedule;
