package dev.descent.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The arrows of DESIGN.md, checked on the compiled classes: loss-api knows only the JDK, the core
 * modules only loss-api (and their kernel packages the JDK's Vector API), and only the app knows Guice and
 * ClassGraph. (The enforcer plugin checks the
 * same at the level of Maven dependencies.)
 */
class ArchitectureTest {
    private static final JavaClasses DESCENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.descent");

    @Test
    void apiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.descent.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.descent.api..")
                .check(DESCENT);
    }

    @Test
    void lossCoreDependsOnTheApiOnly() {
        coreModuleDependsOnTheApiOnly("dev.descent.loss..");
    }

    @Test
    void optimCoreDependsOnTheApiOnly() {
        coreModuleDependsOnTheApiOnly("dev.descent.optim..");
    }

    @Test
    void nnCoreDependsOnTheApiOnly() {
        coreModuleDependsOnTheApiOnly("dev.descent.nn..");
    }

    /**
     * nn-core's packages beside the layers (initialisers, model files, datasets, the Trainer, graph models):
     * the JDK, the API and the rest of nn-core, nothing else; a package not written yet passes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"init", "io", "data", "train", "graph"})
    void nnCorePackagesDependOnTheJdkTheApiAndNnCoreOnly(String name) {
        classes().that().resideInAPackage("dev.descent.nn." + name + "..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.descent.api..", "dev.descent.nn..")
                .allowEmptyShould(true)
                .check(DESCENT);
    }

    /** The Vector API is an incubator module, present only when added: a kernel facade loads it by name. */
    @Test
    void onlyKernelPackagesKnowTheVectorApi() {
        noClasses().that().resideOutsideOfPackage("..kernel..")
                .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
                .check(DESCENT);
    }

    @Test
    void onlyTheAppKnowsGuiceAndClassGraph() {
        noClasses().that().resideOutsideOfPackage("dev.descent.app..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("com.google.inject..", "jakarta.inject..", "io.github.classgraph..")
                .check(DESCENT);
    }

    private static void coreModuleDependsOnTheApiOnly(String module) {
        classes().that().resideInAPackage(module)
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jdk.incubator.vector..", "dev.descent.api..", module)
                .check(DESCENT);
    }
}
