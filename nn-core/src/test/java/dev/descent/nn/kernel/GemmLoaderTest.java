package dev.descent.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Which GEMM {@link Kernels#gemm} runs on. The build runs this class twice: with
 * {@code --add-modules jdk.incubator.vector} and without (nn-core's {@code scalar-kernels} execution), so that
 * each test runs in one of them.
 */
class GemmLoaderTest {
    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(GemmLoader.VECTOR_MODULE).isPresent();
    }

    @Test
    void withTheModuleTheVectorisedGemmIsChosen() throws GemmLoader.UnavailableException {
        assumeTrue(vectorModulePresent(), "the JVM runs without jdk.incubator.vector");
        assertThat(GemmLoader.CHOSEN.getClass()).isEqualTo(GemmLoader.vector().getClass())
                .isNotEqualTo(ScalarGemm.class);
    }

    @Test
    void withoutTheModuleTheScalarGemmIsChosen() {
        assumeFalse(vectorModulePresent(), "the JVM runs with jdk.incubator.vector");
        assertThat(GemmLoader.CHOSEN).isInstanceOf(ScalarGemm.class);
    }

    @Test
    void withoutTheModuleTheVectorisedGemmIsRefusedSayingHowToAddIt() {
        assumeFalse(vectorModulePresent(), "the JVM runs with jdk.incubator.vector");
        assertThatThrownBy(GemmLoader::vector).hasMessageContaining("--add-modules jdk.incubator.vector");
    }
}
