package dev.descent.testkit;

import static dev.descent.testkit.Results.dump;
import static dev.descent.testkit.Results.failed;
import static dev.descent.testkit.Results.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.ComponentResolver;
import dev.descent.api.Optimizer;
import dev.descent.api.Params;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.testkit.fixture.DelegatingOptimizerProvider;
import dev.descent.testkit.fixture.MomentumSgdProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerChecksTest {

    @Test
    void correctOptimizerPassesEveryCheck() {
        List<CheckResult> results = ContractChecks.checkOptimizer(new MomentumSgdProvider(),
                OptimizerCheckConfig.defaults().withSpecs("momentum_sgd", "momentum_sgd(lr=0.01, momentum=0.5)"));

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(results).extracting(CheckResult::check).contains(
                "optimizer decreases a convex quadratic [momentum_sgd]",
                "optimizer state round trip [momentum_sgd]",
                "optimizer learning rate round trip [momentum_sgd]",
                "optimizer deterministic [momentum_sgd(lr=0.01, momentum=0.5)]");
        assertThat(results).hasSize(2 + 2 * 4);
    }

    @Test
    void stateThatLosesTheMomentumFailsTheRoundTripAlone() {
        List<CheckResult> results = ContractChecks.check(new MomentumSgdProvider(true), ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly("optimizer state round trip [momentum_sgd]");
        assertThat(only(results, ContractChecks.OPTIMIZER_STATE).detail())
                .startsWith("after 6 steps in all, a fresh optimizer given loadState(state after 3 steps) has weight[0, 0]")
                .contains("but the uninterrupted run has")
                .contains("state() must hold everything a later step depends on");
    }

    @Test
    void stateWithoutTheLearningRateFailsTheRoundTripNamingIt() {
        MomentumSgdProvider provider = new MomentumSgdProvider() {
            @Override
            public Optimizer create(Params params) {
                Optimizer inner = super.create(params);
                return new ForwardingOptimizer(inner) {
                    @Override
                    public State state() {
                        // Only the buffers: a fresh optimizer keeps the spec's rate.
                        State.Builder state = State.builder();
                        inner.state().tensors().forEach(state::put);
                        return state.build();
                    }
                };
            }
        };

        List<CheckResult> results = ContractChecks.check(provider, ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly("optimizer state round trip [momentum_sgd]");
        // The kit halves the spec's 0.05 before taking the state.
        assertThat(only(results, ContractChecks.OPTIMIZER_STATE).detail())
                .isEqualTo("after loadState, a fresh optimizer has learning rate 0.05 but the state was taken at 0.025;"
                        + " state() must include the learning rate");
    }

    @Test
    void learningRateThatIgnoresTheSpecFailsTheLearningRateCheck() {
        MomentumSgdProvider provider = new MomentumSgdProvider() {
            @Override
            public Optimizer create(Params params) {
                return new ForwardingOptimizer(super.create(params)) {
                    @Override
                    public double learningRate() {
                        return 0.001;
                    }
                };
            }
        };

        List<CheckResult> results = ContractChecks.check(provider, ComponentResolver.NONE);

        assertThat(only(results, ContractChecks.OPTIMIZER_LEARNING_RATE).detail())
                .isEqualTo("learningRate() is 0.001 but the spec sets lr=0.05; expected the configured rate");
    }

    @Test
    void optimizerThatClimbsFailsTheDescentCheck() {
        List<CheckResult> results = ContractChecks.checkOptimizer(new MomentumSgdProvider(),
                OptimizerCheckConfig.defaults().withSpecs("momentum_sgd(lr=5, momentum=0)"));

        // lr a_i is up to 10: every step overshoots, and f grows.
        assertThat(failed(results)).containsExactly("optimizer decreases a convex quadratic [momentum_sgd(lr=5, momentum=0)]");
        assertThat(only(results, ContractChecks.OPTIMIZER_DECREASES).detail()).contains("expected it to decrease");
    }

    @Test
    void nestedSpecsResolveAmongTheGivenProviders() {
        ComponentResolver resolver = ProviderResolver.of(new MomentumSgdProvider());

        List<CheckResult> results = ContractChecks.checkOptimizer(new DelegatingOptimizerProvider(),
                OptimizerCheckConfig.defaults().withSpecs("delegating(inner=momentum_sgd(momentum=0.5))")
                        .withResolver(resolver));

        assertThat(failed(results)).as(dump(results)).isEmpty();
        assertThat(results).hasSize(2 + 4);
    }

    @Test
    void requiredNestedSpecCannotBeGuessedSoParametersFailSayingWhy() {
        List<CheckResult> results = ContractChecks.check(new DelegatingOptimizerProvider(), ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly("parameters validated");
        assertThat(only(results, ContractChecks.PARAMETERS).detail())
                .contains("creating 'delegating' threw dev.descent.api.InvalidParameterException: parameter 'inner' of"
                        + " optimizer 'delegating' is required")
                .contains("give specs that set the required parameters");
        // Nothing could be created, so no check of a spec ran.
        assertThat(results).hasSize(2);
    }

    /** Passes every call on; tests override one method to break it. */
    private static class ForwardingOptimizer implements Optimizer {
        private final Optimizer inner;

        ForwardingOptimizer(Optimizer inner) {
            this.inner = inner;
        }

        @Override
        public void step(List<Parameter> parameters) {
            inner.step(parameters);
        }

        @Override
        public double learningRate() {
            return inner.learningRate();
        }

        @Override
        public void setLearningRate(double learningRate) {
            inner.setLearningRate(learningRate);
        }

        @Override
        public State state() {
            return inner.state();
        }

        @Override
        public void loadState(State state) {
            inner.loadState(state);
        }
    }
}
