package dev.descent.loss.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Which kernels {@link LossKernels#get()} chooses. The build runs this class twice: with
 * {@code --add-modules jdk.incubator.vector} and without (loss-core's {@code scalar-kernels} execution), so
 * that each test runs in one of them.
 */
class LossKernelsLoaderTest {
    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(LossKernelsLoader.VECTOR_MODULE).isPresent();
    }

    @Test
    void withTheModuleTheVectorKernelsAreChosen() throws LossKernelsLoader.UnavailableException {
        assumeTrue(vectorModulePresent(), "the JVM runs without jdk.incubator.vector");
        assertThat(LossKernels.get().getClass()).isEqualTo(LossKernelsLoader.vector().getClass())
                .isNotEqualTo(ScalarLossKernels.class);
    }

    @Test
    void withoutTheModuleTheScalarKernelsAreChosen() {
        assumeFalse(vectorModulePresent(), "the JVM runs with jdk.incubator.vector");
        assertThat(LossKernels.get()).isInstanceOf(ScalarLossKernels.class);
    }

    @Test
    void withoutTheModuleTheVectorKernelsAreRefusedSayingHowToAddIt() {
        assumeFalse(vectorModulePresent(), "the JVM runs with jdk.incubator.vector");
        assertThatThrownBy(LossKernelsLoader::vector)
                .hasMessageContaining("--add-modules jdk.incubator.vector");
    }
}
