package dev.descent.testkit;

import static dev.descent.testkit.Results.failed;
import static dev.descent.testkit.Results.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.Loss;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.testkit.fixture.AffineProvider;
import dev.descent.testkit.fixture.MomentumSgdProvider;
import dev.descent.testkit.fixture.SquaredErrorLossProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentChecksTest {

    /** A provider of another kind than the four the kit knows, with the given parameters. */
    private static ComponentProvider<String> words(List<ParamSpec> params) {
        return new ComponentProvider<>() {
            @Override
            public String name() {
                return "words";
            }

            @Override
            public String description() {
                return "a word";
            }

            @Override
            public List<ParamSpec> params() {
                return params;
            }

            @Override
            public String create(Params values) {
                return "word";
            }
        };
    }

    @Test
    void defaultSpecIsTheNameAloneWhenNothingIsRequired() {
        assertThat(ContractChecks.defaultSpec(new MomentumSgdProvider())).isEqualTo("momentum_sgd");
    }

    @Test
    void defaultSpecGivesRequiredParametersAValueInTheirRange() {
        assertThat(ContractChecks.defaultSpec(new AffineProvider())).isEqualTo("affine(out_features=3)");
        // 0.5 lies above (0, 0.1], so the middle; 3 lies below [10, inf), so 10 + 1; the first choice; false.
        assertThat(ContractChecks.defaultSpec(words(List.of(
                ParamSpec.real("rate", null, "a rate").greaterThan(0).atMost(0.1),
                ParamSpec.integer("count", null, "a count").atLeast(10),
                ParamSpec.choice("mode", null, List.of("fast", "slow"), "a mode"),
                ParamSpec.bool("flag", false, "has a default, so it is left out"),
                ParamSpec.realList("betas", null, "two rates").length(2).atLeast(0).lessThan(1)))))
                .isEqualTo("words(rate=0.05, count=11, mode=fast, betas=[0.5, 0.5])");
    }

    @Test
    void providerOfAnotherKindGetsDescribeAndParametersOnly() {
        List<CheckResult> results = ContractChecks.check(
                words(List.of(ParamSpec.integer("count", 2, "a count").atLeast(1))), ComponentResolver.NONE);

        assertThat(results).extracting(CheckResult::check).containsExactly("describe well-formed", "parameters validated");
        assertThat(failed(results)).isEmpty();
        assertThat(only(results, ContractChecks.PARAMETERS).detail())
                .isEqualTo("created ['words']; refused count=0 (outside >= 1), the unknown parameter not_a_parameter=1");
    }

    @Test
    void createThatThrowsFailsParametersWithTheExceptionAndSkipsTheSpecChecks() {
        SquaredErrorLossProvider provider = new SquaredErrorLossProvider() {
            @Override
            public Loss create(Params params) {
                throw new IllegalStateException("no GPU found");
            }
        };

        List<CheckResult> results = ContractChecks.check(provider, ComponentResolver.NONE);

        assertThat(failed(results)).containsExactly("parameters validated");
        assertThat(only(results, ContractChecks.PARAMETERS).detail())
                .startsWith("creating 'squared_error' threw IllegalStateException: no GPU found (at ");
        assertThat(results).hasSize(2);
    }

    @Test
    void specOfAnotherProviderIsRefused() {
        List<CheckResult> results = ContractChecks.checkLoss(new SquaredErrorLossProvider(),
                LossCheckConfig.defaults().withSpecs("mse"));

        assertThat(only(results, ContractChecks.PARAMETERS).detail())
                .isEqualTo("spec 'mse' names 'mse', not this provider; write 'squared_error(...)'");
    }

    @Test
    void nameThatThrowsStillGivesResultsUnderTheClassName() {
        SquaredErrorLossProvider provider = new SquaredErrorLossProvider() {
            @Override
            public String name() {
                throw new UnsupportedOperationException("later");
            }
        };

        List<CheckResult> results = ContractChecks.check(provider, ComponentResolver.NONE);

        assertThat(results).isNotEmpty().allMatch(result -> result.provider().equals(provider.getClass().getName()));
        assertThat(failed(results)).containsExactly("describe well-formed", "parameters validated");
        assertThat(only(results, ContractChecks.DESCRIBE).detail()).startsWith("threw UnsupportedOperationException: later");
    }

    @Test
    void aliasRepeatingTheNameIsReported() {
        MomentumSgdProvider provider = new MomentumSgdProvider() {
            @Override
            public List<String> aliases() {
                return List.of("momentum_sgd", "heavy-ball");
            }
        };

        CheckResult describe = only(ContractChecks.check(provider, ComponentResolver.NONE), ContractChecks.DESCRIBE);

        assertThat(describe.detail()).isEqualTo("alias 'momentum_sgd' repeats the name; alias 'heavy-ball' is not snake_case");
    }

    @Test
    void descriptionOf200CharactersIsTooLong() {
        SquaredErrorLossProvider provider = new SquaredErrorLossProvider("x".repeat(200),
                dev.descent.testkit.fixture.SquaredErrorLoss.Defect.NONE, List.of());

        CheckResult describe = only(ContractChecks.check(provider, ComponentResolver.NONE), ContractChecks.DESCRIBE);

        assertThat(describe.detail()).isEqualTo("description has 200 characters; it must have under 200");
    }
}
