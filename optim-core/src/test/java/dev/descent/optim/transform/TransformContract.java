package dev.descent.optim.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.GradientTransform;
import dev.descent.api.Parameter;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.api.TransformProvider;
import dev.descent.optim.BuiltIns;
import dev.descent.testkit.ContractChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What every gradient transform keeps, in the style of the testkit's contracts: the testkit's checks of any
 * provider (describe well-formed; parameters validated, a value outside each range and an unknown parameter
 * refused naming it), then for each spec a state round trip (3 calls, {@code state()}, {@code loadState} into a
 * fresh transform, 3 more, equal bit for bit to 6 uninterrupted calls, gradients and parameters) and determinism.
 */
abstract class TransformContract {
    private static final int CALLS = 6;

    abstract TransformProvider provider();

    /** Specs with the state worth checking; each must name {@link #provider()}. */
    abstract List<String> specs();

    @TestFactory
    Stream<DynamicTest> providerChecks() {
        return ContractChecks.checkComponent(provider(), specs(), BuiltIns.RESOLVER).stream()
                .map(result -> DynamicTest.dynamicTest(result.check(), () -> {
                    if (!result.passed()) {
                        Assertions.fail(result.provider() + ": " + result.detail());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> stateRoundTrip() {
        return specs().stream().map(spec -> DynamicTest.dynamicTest("state round trip [" + spec + "]", () -> {
            GradientTransform straight = BuiltIns.transform(spec);
            List<float[]> expected = run(straight, parameters(), 0, CALLS);

            List<Parameter> interrupted = parameters();
            GradientTransform before = BuiltIns.transform(spec);
            List<float[]> actual = new ArrayList<>(run(before, interrupted, 0, CALLS / 2));
            GradientTransform after = BuiltIns.transform(spec);
            after.loadState(before.state());
            actual.addAll(run(after, interrupted, CALLS / 2, CALLS));

            assertThat(actual).as("gradients and parameters after each call").containsExactlyElementsOf(expected);
            assertThat(after.state().numbers()).isEqualTo(straight.state().numbers());
            assertThat(after.state().tensors().keySet()).isEqualTo(straight.state().tensors().keySet());
            straight.state().tensors().forEach((key, tensor) ->
                    assertThat(after.state().tensor(key).data()).as("state %s", key).isEqualTo(tensor.data()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> determinism() {
        return specs().stream().map(spec -> DynamicTest.dynamicTest("deterministic [" + spec + "]", () ->
                assertThat(run(BuiltIns.transform(spec), parameters(), 0, CALLS))
                        .containsExactlyElementsOf(run(BuiltIns.transform(spec), parameters(), 0, CALLS))));
    }

    @TestFactory
    Stream<DynamicTest> foreignStateRefused() {
        return specs().stream().map(spec -> DynamicTest.dynamicTest("foreign state refused [" + spec + "]", () -> {
            State foreign = State.builder().put("momentum_buffer/weight", Tensor.vector(1f)).build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BuiltIns.transform(spec).loadState(foreign))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("momentum_buffer/weight");
        }));
    }

    /** Two parameters; the values move a little after each call, as an optimizer would move them. */
    private static List<Parameter> parameters() {
        return List.of(Parameter.of("weight", Tensor.of(new float[] {0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f}, 2, 3)),
                Parameter.of("bias", Tensor.vector(0.1f, -0.2f, 0.3f)));
    }

    /** Calls {@code from} to {@code to} (exclusive) with gradients drawn from the call's index. */
    private static List<float[]> run(GradientTransform transform, List<Parameter> parameters, int from, int to) {
        List<float[]> seen = new ArrayList<>();
        for (int k = from; k < to; k++) {
            SplittableRandom random = new SplittableRandom(k);
            for (Parameter parameter : parameters) {
                float[] g = parameter.gradient().data();
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) random.nextDouble(-3, 3);
                }
            }
            boolean goesOn = transform.beforeStep(parameters);
            for (Parameter parameter : parameters) {
                float[] p = parameter.value().data();
                float[] g = parameter.gradient().data();
                for (int i = 0; i < p.length; i++) {
                    p[i] -= goesOn ? 0.1f * g[i] : 0f;
                }
            }
            if (goesOn) {
                transform.afterStep(parameters);
            }
            for (Parameter parameter : parameters) {
                seen.add(parameter.gradient().data().clone());
                seen.add(parameter.value().data().clone());
            }
        }
        return seen;
    }
}
