package org.acme.descent.mish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.LayerProvider;
import dev.descent.api.Params;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The provider as the host sees it. */
class MishProviderTest {

    @Test
    void serviceLoaderFindsTheProviderThroughMetaInfServices() {
        assertThat(ServiceLoader.load(LayerProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(MishProvider.class);
    }

    @Test
    void createsAMishLayerWithoutParameters() {
        MishProvider provider = new MishProvider();

        assertThat(provider.params()).isEmpty();
        assertThat(provider.create(Params.defaults("layer 'mish'", provider.params()))).isInstanceOf(Mish.class);
    }
}
