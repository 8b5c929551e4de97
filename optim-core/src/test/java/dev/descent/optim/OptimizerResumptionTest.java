package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact resumption, for each built-in optimizer with each kind of state it keeps: 10 steps, {@code state()},
 * {@code loadState} into a fresh optimizer (made from the spec, as a new process would), 15 more steps, must
 * give the parameters and state of 25 uninterrupted steps bit for bit. Two parameters, on Rosenbrock and on
 * the negated quadratic ascended, so the state is keyed by name; the learning rate is lowered after step 7
 * as a schedule would, so the state must carry it.
 */
class OptimizerResumptionTest {
    private static final int STEPS = 25;
    private static final int STOP = 10;

    @ParameterizedTest
    @ValueSource(strings = {
        "sgd(lr=0.0005)",
        "sgd(lr=0.0005, momentum=0.9, dampening=0.25)",
        "sgd(lr=0.0005, momentum=0.9, nesterov=true, weight_decay=0.01, maximize=true)",
        "adam(lr=0.05)",
        "adam(lr=0.05, betas=[0.5, 0.9], weight_decay=0.1, amsgrad=true)",
        "adam(lr=0.05, maximize=true)",
        "adamw(lr=0.05)",
        "adamw(lr=0.05, weight_decay=0.2, amsgrad=true, maximize=true)",
        "lion(lr=0.01, betas=[0.5, 0.9], weight_decay=0.1)",
        "lamb(lr=0.05, betas=[0.8, 0.99], weight_decay=0.1)",
        "ftrl(lr=0.1, l1=0.01, l2=0.1, l2_shrinkage=0.05, beta=0.5)",
        "adafactor(lr=0.1, beta2_decay=-0.5, eps=[1e-6, 0.01], d=1.5, weight_decay=0.2, maximize=true)",
        // Stopped after 10 steps: in the middle of a cycle of 4 and of 3.
        "lookahead(k=4, alpha=0.8, inner=adam(lr=0.05))",
        "lookahead(k=3, inner=sgd(lr=0.0005, momentum=0.9, maximize=true))",
        "rmsprop",
        "rmsprop(lr=0.001, momentum=0.9, centered=true, weight_decay=0.01, maximize=true)",
        "adagrad(lr=0.1, lr_decay=0.05, initial_accumulator_value=0.5)",
        "adagrad(lr=0.1, weight_decay=0.1, maximize=true)",
        "adadelta",
        "adadelta(rho=0.8, weight_decay=0.1, maximize=true)",
        "adamax(lr=0.05)",
        "adamax(lr=0.05, betas=[0.5, 0.9], weight_decay=0.1, maximize=true)",
        // mu_product is not in the state but recomputed from the step count: resuming must still be exact.
        "nadam(lr=0.05)",
        "nadam(lr=0.05, momentum_decay=0.1, weight_decay=0.1)",
        "radam(lr=0.002)",
        // beta2 0.68 keeps the rectification off until step 12, after the state is taken at step 10.
        "radam(lr=0.002, betas=[0.9, 0.68], weight_decay=0.1)"})
    void resumingAfterTenStepsFollowsTwentyFiveUninterruptedStepsBitForBit(String spec) {
        assertResumesBitForBit(spec);
    }

    /** The check, for any spec the built-ins can make (TransformResumptionTest's composites too). */
    static void assertResumesBitForBit(String spec) {
        boolean maximize = spec.contains("maximize=true");
        List<Parameter> uninterrupted = start();
        Optimizer straight = BuiltIns.optimizer(spec);
        for (int k = 0; k < STEPS; k++) {
            step(straight, uninterrupted, k, maximize);
        }

        List<Parameter> first = start();
        Optimizer before = BuiltIns.optimizer(spec);
        for (int k = 0; k < STOP; k++) {
            step(before, first, k, maximize);
        }
        State checkpoint = before.state();
        List<Parameter> resumed = first.stream()
                .map(p -> Parameter.of(p.name(), Tensor.of(p.value().data().clone(), p.value().shape())))
                .toList();
        Optimizer after = BuiltIns.optimizer(spec);
        after.loadState(checkpoint);
        for (int k = STOP; k < STEPS; k++) {
            step(after, resumed, k, maximize);
        }

        for (int p = 0; p < resumed.size(); p++) {
            assertThat(resumed.get(p).value().data()).as("parameter %s", resumed.get(p).name())
                    .isEqualTo(uninterrupted.get(p).value().data());
        }
        State expected = straight.state();
        State actual = after.state();
        assertThat(actual.numbers()).isEqualTo(expected.numbers());
        assertThat(actual.tensors().keySet()).isEqualTo(expected.tensors().keySet());
        expected.tensors().forEach((key, tensor) ->
                assertThat(actual.tensor(key).data()).as("state %s", key).isEqualTo(tensor.data()));
    }

    private static List<Parameter> start() {
        return List.of(Parameter.of("xy", Tensor.vector(-1.5f, 2f)), Parameter.of("uv", Tensor.vector(1f, 1f)));
    }

    private static void step(Optimizer optimizer, List<Parameter> parameters, int k, boolean maximize) {
        if (k == 7) {
            optimizer.setLearningRate(optimizer.learningRate() / 2);
        }
        TestFunctions.gradient(maximize ? "-rosenbrock" : "rosenbrock", parameters.get(0));
        TestFunctions.gradient(maximize ? "-quadratic" : "quadratic", parameters.get(1));
        optimizer.step(parameters);
    }
}
