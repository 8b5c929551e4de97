package dev.descent.optim.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.GradientTransform;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.Optimizer;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.api.UnknownNameException;
import dev.descent.optim.BuiltIns;
import dev.descent.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainTest {
    private final List<String> calls = new ArrayList<>();

    /** A transform that records its calls and lets the step go on or not. */
    private GradientTransform recording(String name, boolean goOn) {
        return new GradientTransform() {
            @Override
            public boolean beforeStep(List<Parameter> parameters) {
                calls.add(name + ".before");
                return goOn;
            }

            @Override
            public void afterStep(List<Parameter> parameters) {
                calls.add(name + ".after");
            }
        };
    }

    private static Parameter parameter() {
        Parameter w = Parameter.of("w", Tensor.vector(1f));
        w.gradient().data()[0] = 2f;
        return w;
    }

    @Test
    void callsTheTransformsInOrderAroundTheOptimizer() {
        Parameter w = parameter();
        Chain chain = Chain.of(Sgd.builder().lr(0.25).build(), recording("a", true), recording("b", true));

        chain.step(List.of(w));

        assertThat(calls).containsExactly("a.before", "b.before", "a.after", "b.after");
        assertThat(w.value().data()).containsExactly(0.5f);
    }

    @Test
    void aTransformReturningFalseHoldsTheRestOfTheStepBack() {
        Parameter w = parameter();
        Chain chain = Chain.of(Sgd.builder().lr(0.25).build(), recording("a", false), recording("b", true));

        chain.step(List.of(w));

        assertThat(calls).containsExactly("a.before");
        assertThat(w.value().data()).containsExactly(1f);
    }

    @Test
    void theLearningRateIsTheOptimizers() {
        Sgd sgd = Sgd.builder().lr(0.1).build();
        Chain chain = Chain.of(sgd, new ClipGradNorm(1));

        chain.setLearningRate(0.05);

        assertThat(sgd.learningRate()).isEqualTo(0.05);
        assertThat(chain.learningRate()).isEqualTo(0.05);
    }

    @Test
    void nestsEachPartsStateAndFindsTheEma() {
        Chain chain = (Chain) BuiltIns.optimizer("chain(accumulate(steps=2), ema(decay=0.5), sgd(lr=0.1, momentum=0.9))");
        Parameter w = parameter();
        chain.step(List.of(w));
        chain.step(List.of(w));

        State state = chain.state();

        assertThat(state.numbers()).containsOnlyKeys("0/count", "optimizer/lr");
        assertThat(state.tensors()).containsOnlyKeys("1/ema/w", "optimizer/momentum_buffer/w");
        assertThat(chain.find(Ema.class).orElseThrow()).isSameAs(chain.transforms().get(1));
        assertThat(chain.find(AddNoise.class)).isEmpty();
        assertThat(chain).hasToString("chain(accumulate(steps=2), ema(decay=0.5), sgd(lr=0.1, momentum=0.9,"
                + " dampening=0, nesterov=false, weight_decay=0, maximize=false))");
    }

    @Test
    void refusesAStateWithEntriesOutsideItsParts() {
        Chain chain = Chain.of(Sgd.builder().build(), new Ema(0.9));
        State state = State.builder().put("lr", 0.1).build();

        assertThatThrownBy(() -> chain.loadState(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chain state has an unknown entry 'lr'")
                .hasMessageContaining("0/, optimizer/");
    }

    @Test
    void refusesTwoParametersWithOneName() {
        Chain chain = Chain.of(Sgd.builder().build());

        assertThatThrownBy(() -> chain.step(List.of(parameter(), parameter())))
                .hasMessageContaining("two parameters are named 'w'");
    }

    @Test
    void theLastStepMustBeAnOptimizer() {
        assertThatThrownBy(() -> BuiltIns.optimizer("chain(ema, clip_grad_norm(max_norm=1.0))"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("chain: the last step must be an optimizer, got 'clip_grad_norm'");
    }

    @Test
    void onlyTheLastStepMayBeAnOptimizer() {
        assertThatThrownBy(() -> BuiltIns.optimizer("chain(adam, sgd)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("only the last step may be an optimizer, but step 0 is the optimizer 'adam'");
    }

    @Test
    void anUnknownStepIsReportedAsUnknown() {
        assertThatThrownBy(() -> BuiltIns.optimizer("chain(clip_grad_nrom(max_norm=1), adam)"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("did you mean 'clip_grad_norm'");
    }

    @Test
    void aStepsInvalidArgumentIsReportedByItsProvider() {
        assertThatThrownBy(() -> BuiltIns.optimizer("chain(clip_grad_norm(max_norm=-1), adam)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("parameter 'max_norm' of transform 'clip_grad_norm' must be >= 0");
    }

    @Test
    void needsSteps() {
        assertThatThrownBy(() -> BuiltIns.optimizer("chain"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("parameter 'steps' of optimizer 'chain' is required");
        assertThatThrownBy(() -> BuiltIns.optimizer("chain(steps=[])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("chain: steps is empty");
    }

    @Test
    void anOptimizerAloneIsAChainOfNoTransforms() {
        Optimizer chain = BuiltIns.optimizer("chain(sgd(lr=0.25))");
        Parameter w = parameter();

        chain.step(List.of(w));

        assertThat(w.value().data()).containsExactly(0.5f);
    }
}
