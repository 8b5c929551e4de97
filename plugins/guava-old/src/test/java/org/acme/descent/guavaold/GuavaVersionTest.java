package org.acme.descent.guavaold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.LossProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The Guava this plugin sees. On the module's test class path that is the Guava its POM declares,
 * 31.1-jre, so these tests check the detection; in the app the same code tells the plugin's bundled Guava
 * from the app's.
 */
class GuavaVersionTest {

    @Test
    void seesTheGuavaItsPomDeclares() {
        assertThat(GuavaVersion.seen()).isEqualTo("31.1-jre");
    }

    @Test
    void locationIsTheGuavaJar() {
        assertThat(GuavaVersion.location().getFileName()).hasToString("guava-31.1-jre.jar");
    }

    @Test
    void descriptionStatesTheGuavaVersion() {
        assertThat(new MedianAbsLossProvider().description()).endsWith("(Guava 31.1-jre)");
    }

    @Test
    void serviceLoaderFindsTheProviderThroughMetaInfServices() {
        assertThat(ServiceLoader.load(LossProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(MedianAbsLossProvider.class);
    }
}
