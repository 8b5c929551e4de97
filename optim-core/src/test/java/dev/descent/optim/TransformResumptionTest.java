package dev.descent.optim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact resumption of chain with each stateful transform, and of param_groups: {@link OptimizerResumptionTest}'s
 * check (10 steps, state, a fresh optimizer from the spec, 15 more, equal to 25 uninterrupted steps bit for bit,
 * the learning rate halved after step 7). Stopping after 10 calls stops accumulate mid-group (10 = 3 * 3 + 1).
 */
class TransformResumptionTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "chain(accumulate(steps=3), sgd(lr=0.0005, momentum=0.9))",
        "chain(clip_grad_norm(max_norm=1.0), ema(decay=0.9), adam(lr=0.05))",
        "chain(add_noise(eta=0.1, seed=7), sgd(lr=0.0005, momentum=0.9))",
        "chain(accumulate(steps=4), clip_grad_value(clip_value=5.0), add_noise(eta=0.01), ema(decay=0.5),"
                + " adamw(lr=0.05, amsgrad=true))",
        "param_groups(optimizer=adamw(lr=0.05), groups=[group(match='uv', weight_decay=0, lr=0.01)])",
        "chain(clip_grad_norm(max_norm=1.0), param_groups(optimizer=sgd(lr=0.0005, momentum=0.9),"
                + " groups=[group(match=['u*', 'v*'], momentum=0.5, lr=0.001)]))",
        "param_groups(optimizer=adam(lr=0.05, amsgrad=true), groups=[group(match='x?', lr=0.1),"
                + " group(match='*', betas=[0.5, 0.9])])"})
    void resumingAfterTenStepsFollowsTwentyFiveUninterruptedStepsBitForBit(String spec) {
        OptimizerResumptionTest.assertResumesBitForBit(spec);
    }
}
