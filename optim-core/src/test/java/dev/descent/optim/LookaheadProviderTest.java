package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Optimizer;
import dev.descent.api.ParamSpec;
import org.junit.jupiter.api.Test;

/** {@link LookaheadProvider}: the paper's defaults, the inner optimizer created by the host, validation. */
class LookaheadProviderTest {
    private final LookaheadProvider lookahead = new LookaheadProvider();

    @Test
    void declaresItsParametersDefaultsAndRanges() {
        assertThat(lookahead.params()).extracting(ParamSpec::name).containsExactly("k", "alpha", "inner");
        assertThat(lookahead.params()).extracting(ParamSpec::defaultText)
                .containsExactly("5", "0.5", "adam(lr=0.001)");
        assertThat(lookahead.params()).extracting(ParamSpec::componentKind).last().isEqualTo(Optimizer.class);
    }

    @Test
    void namesItsDefinitionAndWhenToUseIt() {
        assertThat(lookahead.description()).contains("Zhang et al. 2019").doesNotContain("\n");
        assertThat(lookahead.whenToUse()).isNotBlank();
    }

    @Test
    void wrapsAdamByDefaultAndTheInnerSpecOtherwise() {
        assertThat(BuiltIns.optimizer("lookahead")).hasToString("lookahead(k=5, alpha=0.5, inner=adam(lr=0.001,"
                + " betas=[0.9, 0.999], eps=1.0E-8, weight_decay=0, amsgrad=false, maximize=false))");
        Optimizer wrapped = BuiltIns.optimizer("lookahead(k=3, alpha=0.8, inner=sgd(lr=0.1, momentum=0.9))");
        assertThat(((Lookahead) wrapped).inner()).isInstanceOf(Sgd.class);
        assertThat(wrapped.learningRate()).isEqualTo(0.1);
    }

    @Test
    void invalidOptionsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> BuiltIns.params(lookahead, "lookahead(k=0)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'k' of optimizer 'lookahead' must be >= 1, got 0");
        assertThatThrownBy(() -> BuiltIns.params(lookahead, "lookahead(alpha=1.5)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'alpha' of optimizer 'lookahead' must be in [0, 1], got 1.5");
        // The inner spec is checked by its own provider when the host creates it.
        assertThatThrownBy(() -> BuiltIns.optimizer("lookahead(inner=adam(lr=-1))"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'lr' of optimizer 'adam' must be >= 0, got -1");
    }

    @Test
    void theConstructorChecksTooForCallersWithoutASpec() {
        Optimizer sgd = Sgd.builder().build();
        assertThatThrownBy(() -> new Lookahead(sgd, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lookahead: k must be >= 1, got '0'");
        assertThatThrownBy(() -> new Lookahead(sgd, 5, -0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lookahead: alpha must be in [0, 1], got '-0.5'");
    }
}
