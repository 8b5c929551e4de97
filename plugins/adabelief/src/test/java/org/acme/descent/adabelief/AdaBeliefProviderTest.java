package org.acme.descent.adabelief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Both providers as the host sees them: found by ServiceLoader, creating optimizers from validated specs. */
class AdaBeliefProviderTest {

    /** Creates nested optimizers with this plugin's own adabelief provider, as the host's registries would. */
    private static final ComponentResolver RESOLVER = new ComponentResolver() {
        @Override
        public <T> T create(Class<T> kind, Spec spec) {
            assertThat(spec.name()).isEqualTo("adabelief");
            return kind.cast(AdaBeliefProviderTest.create(new AdaBeliefProvider(), spec));
        }
    };

    private static Optimizer create(ComponentProvider<Optimizer> provider, Spec spec) {
        return provider.create(Params.resolve("optimizer '" + provider.name() + "'", provider.params(),
                spec.arguments(), RESOLVER));
    }

    @Test
    void serviceLoaderFindsBothProvidersThroughMetaInfServices() {
        assertThat(ServiceLoader.load(OptimizerProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(AdaBeliefProvider.class, GradientCentralizationProvider.class);
    }

    @Test
    void defaultsAreThoseOfTheReferenceVersionZeroPointTwo() {
        Optimizer optimizer = create(new AdaBeliefProvider(), Spec.parse("adabelief"));

        assertThat(optimizer).hasToString("adabelief(lr=0.001, betas=[0.9, 0.999], eps=1.0E-16, weight_decay=0.0,"
                + " amsgrad=false, weight_decouple=true, fixed_decay=false)");
    }

    @Test
    void specArgumentsReachTheOptimizer() {
        Optimizer optimizer = create(new AdaBeliefProvider(),
                Spec.parse("adabelief(lr=0.01, betas=[0.8, 0.99], amsgrad=true)"));

        assertThat(optimizer.learningRate()).isEqualTo(0.01);
        assertThat(optimizer.toString()).contains("betas=[0.8, 0.99]").contains("amsgrad=true");
    }

    @Test
    void betaOfOneIsRefusedByTheParameterRange() {
        assertThatThrownBy(() -> create(new AdaBeliefProvider(), Spec.parse("adabelief(betas=[0.9, 1])")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'betas'");
    }

    @Test
    void gradientCentralizationWrapsAdaBeliefByDefault() {
        Optimizer optimizer = create(new GradientCentralizationProvider(), Spec.parse("gradient_centralization"));

        assertThat(optimizer).isInstanceOf(GradientCentralization.class);
        assertThat(((GradientCentralization) optimizer).inner()).isInstanceOf(AdaBelief.class);
    }

    @Test
    void gradientCentralizationPassesTheInnerSpecToTheHost() {
        Optimizer optimizer = create(new GradientCentralizationProvider(),
                Spec.parse("gradient_centralization(inner=adabelief(lr=0.5))"));

        assertThat(optimizer.learningRate()).isEqualTo(0.5);
    }
}
