package org.acme.descent.guavanew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.LossProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The Guava this plugin sees. On the module's test class path that is the Guava its POM declares,
 * 32.1.3-jre, so these tests check the detection; in the app the same code tells the plugin's bundled Guava
 * from the app's.
 */
class GuavaVersionTest {

    @Test
    void seesTheGuavaItsPomDeclares() {
        assertThat(GuavaVersion.seen()).isEqualTo("32.1.3-jre");
    }

    @Test
    void locationIsTheGuavaJar() {
        assertThat(GuavaVersion.location().getFileName()).hasToString("guava-32.1.3-jre.jar");
    }

    @Test
    void descriptionStatesTheGuavaVersion() {
        assertThat(new PercentileAbsLossProvider().description()).endsWith("(Guava 32.1.3-jre)");
    }

    @Test
    void serviceLoaderFindsTheProviderThroughMetaInfServices() {
        assertThat(ServiceLoader.load(LossProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(PercentileAbsLossProvider.class);
    }
}
