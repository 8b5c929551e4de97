package dev.descent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Loss;
import dev.descent.api.Optimizer;
import dev.descent.api.Spec;
import dev.descent.api.UnknownNameException;
import dev.descent.testkit.fixture.DelegatingOptimizerProvider;
import dev.descent.testkit.fixture.MomentumSgdProvider;
import dev.descent.testkit.fixture.SquaredErrorLossProvider;
import org.junit.jupiter.api.Test;

class ProviderResolverTest {
    private final ProviderResolver resolver = ProviderResolver.of(new MomentumSgdProvider(),
            new DelegatingOptimizerProvider(), new SquaredErrorLossProvider());

    @Test
    void createsANestedSpecWithItsArguments() {
        Optimizer optimizer = resolver.create(Optimizer.class, Spec.parse("momentum_sgd(lr=0.25)"));

        assertThat(optimizer.learningRate()).isEqualTo(0.25);
    }

    @Test
    void specsNestedInNestedSpecsComeBackToIt() {
        Optimizer optimizer = resolver.create(Optimizer.class, Spec.parse("delegating(inner=momentum_sgd(lr=0.5))"));

        assertThat(optimizer.learningRate()).isEqualTo(0.5);
    }

    @Test
    void findsAProviderByAlias() {
        Loss loss = resolver.create(Loss.class, Spec.parse("se"));

        assertThat(loss.name()).isEqualTo("squared_error");
    }

    @Test
    void unknownNameListsTheKnownOnesOfThatKind() {
        assertThatThrownBy(() -> resolver.create(Optimizer.class, Spec.parse("adam")))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("unknown optimizer 'adam'; known optimizer names: delegating, momentum_sgd");
    }

    @Test
    void providerOfAnotherKindIsNotFound() {
        assertThatThrownBy(() -> resolver.create(Loss.class, Spec.parse("momentum_sgd")))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("unknown loss 'momentum_sgd'");
    }

    @Test
    void invalidArgumentIsRefusedByParams() {
        assertThatThrownBy(() -> resolver.create(Optimizer.class, Spec.parse("momentum_sgd(lr=-1)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'lr' of optimizer 'momentum_sgd' must be >= 0, got -1");
    }
}
