package dev.descent.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.ComponentResolver;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import dev.descent.api.Spec;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ScheduleProviderTest {

    private static Schedule create(ScheduleProvider provider, String spec) {
        return provider.create(params(provider, spec));
    }

    private static Params params(ScheduleProvider provider, String spec) {
        return Params.resolve("schedule '" + provider.name() + "'", provider.params(), Spec.parse(spec).arguments(),
                ComponentResolver.NONE);
    }

    @Test
    void everyBuiltInScheduleIsFoundByServiceLoader() {
        List<String> names = ServiceLoader.load(ScheduleProvider.class).stream()
                .map(found -> found.get().name())
                .toList();

        assertThat(names).contains("constant", "step_lr", "cosine_annealing");
    }

    @Test
    void everyBuiltInScheduleDescribesItselfOnOneLineAndDocumentsItsParameters() {
        ServiceLoader.load(ScheduleProvider.class).forEach(provider -> {
            assertThat(provider.description()).as(provider.name()).isNotBlank().doesNotContain("\n");
            assertThat(provider.params()).extracting(ParamSpec::doc).as(provider.name())
                    .allSatisfy(doc -> assertThat(doc).isNotBlank());
        });
    }

    @Test
    void constantTakesOnlyTheInterval() {
        ConstantScheduleProvider provider = new ConstantScheduleProvider();

        assertThat(provider.params()).extracting(ParamSpec::name).containsExactly("interval");
        assertThat(create(provider, "constant")).isEqualTo(new ConstantSchedule());
        assertThat(create(provider, "constant(interval=step)")).isEqualTo(new ConstantSchedule(Schedule.Interval.STEP));
    }

    @Test
    void constantSaysItIsNotPyTorchsConstantLr() {
        assertThat(new ConstantScheduleProvider().description()).contains("no schedule").contains("ConstantLR");
    }

    @Test
    void stepLrCreatesTheScheduleWithGammaDefaultingToOneTenth() {
        Schedule schedule = create(new StepLrScheduleProvider(), "step_lr(step_size=3)");

        assertThat(schedule).isEqualTo(new StepLrSchedule(3, 0.1));
    }

    @Test
    void stepLrRequiresStepSize() {
        assertThatThrownBy(() -> params(new StepLrScheduleProvider(), "step_lr(gamma=0.5)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'step_size' of schedule 'step_lr' is required (integer >= 1)");
    }

    @Test
    void stepLrRefusesAStepSizeBelowOne() {
        assertThatThrownBy(() -> params(new StepLrScheduleProvider(), "step_lr(step_size=0)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'step_size' of schedule 'step_lr' must be >= 1, got 0");
    }

    @Test
    void stepLrRefusesAFractionalStepSize() {
        assertThatThrownBy(() -> params(new StepLrScheduleProvider(), "step_lr(step_size=1.5)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'step_size' of schedule 'step_lr' must be an integer, got 1.5");
    }

    @Test
    void cosineAnnealingCreatesTheScheduleWithEtaMinDefaultingToZero() {
        Schedule schedule = create(new CosineAnnealingScheduleProvider(), "cosine_annealing(t_max=10)");

        assertThat(schedule).isEqualTo(new CosineAnnealingSchedule(10, 0));
    }

    @Test
    void cosineAnnealingRequiresTMax() {
        assertThatThrownBy(() -> params(new CosineAnnealingScheduleProvider(), "cosine_annealing(eta_min=0.01)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 't_max' of schedule 'cosine_annealing' is required (integer >= 1)");
    }

    @Test
    void cosineAnnealingRefusesANegativeEtaMin() {
        assertThatThrownBy(() -> params(new CosineAnnealingScheduleProvider(),
                "cosine_annealing(t_max=10, eta_min=-0.1)"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'eta_min' of schedule 'cosine_annealing' must be >= 0, got -0.1");
    }
}
