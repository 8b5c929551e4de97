package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsTest {

    private static final String OWNER = "optimizer 'demo'";

    /** A declaration exercising every type, range form and kind of default. */
    private static final List<ParamSpec> DECLARED = List.of(
            ParamSpec.real("lr", 0.001, "learning rate").greaterThan(0),
            ParamSpec.real("momentum", 0.0, "momentum factor").atLeast(0).lessThan(1),
            ParamSpec.integer("k", 5, "steps between syncs").atLeast(1),
            ParamSpec.bool("nesterov", false, "use Nesterov momentum"),
            ParamSpec.string("tag", "run", "a free label"),
            Reduction.PARAM,
            ParamSpec.realList("betas", List.of(0.9, 0.999), "moment decay rates").length(2).atLeast(0).lessThan(1),
            ParamSpec.integerList("milestones", List.of(30, 80), "epochs at which to decay").atLeast(0),
            ParamSpec.component("inner", Optimizer.class, "sgd(lr=0.1)", "the wrapped optimizer"),
            ParamSpec.real("clip", null, "largest gradient norm").greaterThan(0).optional());

    private static Params resolve(String argumentsText) {
        return resolve(DECLARED, argumentsText);
    }

    private static Params resolve(List<ParamSpec> declared, String argumentsText) {
        Spec spec = Spec.parse("demo(" + argumentsText + ")");
        return Params.resolve(OWNER, declared, spec.arguments(), ComponentResolver.NONE);
    }

    private static InvalidParameterException failure(String argumentsText) {
        return failure(DECLARED, argumentsText);
    }

    private static InvalidParameterException failure(List<ParamSpec> declared, String argumentsText) {
        InvalidParameterException failure = catchThrowableOfType(InvalidParameterException.class,
                () -> resolve(declared, argumentsText));
        assertThat(failure).as("resolving (%s) fails", argumentsText).isNotNull();
        return failure;
    }

    @Nested
    class Defaults {

        @Test
        void everyParameterLeftOutTakesItsDefault() {
            Params params = resolve("");

            assertThat(params.real("lr")).isEqualTo(0.001);
            assertThat(params.real("momentum")).isZero();
            assertThat(params.integer("k")).isEqualTo(5);
            assertThat(params.bool("nesterov")).isFalse();
            assertThat(params.string("tag")).isEqualTo("run");
            assertThat(params.string("reduction")).isEqualTo("mean");
            assertThat(params.reals("betas")).containsExactly(0.9, 0.999);
            assertThat(params.integers("milestones")).containsExactly(30, 80);
            assertThat(params.componentSpec("inner")).isEqualTo(Spec.parse("sgd(lr=0.1)"));
        }

        @Test
        void anOptionalParameterLeftOutHasNoValue() {
            assertThat(resolve("").has("clip")).isFalse();
        }

        @Test
        void aParameterWithADefaultAlwaysHasAValue() {
            assertThat(resolve("").has("lr")).isTrue();
        }

        @Test
        void readingAnOptionalParameterLeftOutSaysToCheckHas() {
            Params params = resolve("");

            assertThatThrownBy(() -> params.real("clip"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("optimizer 'demo': optional parameter 'clip' has no value; check has()");
        }

        @Test
        void defaultsGivesEveryParameterItsDefault() {
            Params params = Params.defaults("loss 'mse'", List.of(Reduction.PARAM));

            assertThat(params.values()).containsExactly(Map.entry("reduction", "mean"));
        }

        @Test
        void defaultsRefusesARequiredParameter() {
            assertThatThrownBy(() -> Params.defaults("schedule 'step'",
                    List.of(ParamSpec.integer("step_size", null, "epochs between decays"))))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("'step_size'");
        }

        @Test
        void valuesListsTheResolvedValuesInDeclarationOrder() {
            assertThat(resolve("k=2, lr=0.1").values().keySet()).containsExactly("lr", "momentum", "k", "nesterov", "tag", "reduction", "betas", "milestones",
                            "inner");
        }

        @Test
        void theValuesAreUnmodifiable() {
            Params params = resolve("");

            assertThatThrownBy(() -> params.values().put("lr", 1.0))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class GivenValues {

        @Test
        void aGivenRealReplacesTheDefault() {
            assertThat(resolve("lr=0.5").real("lr")).isEqualTo(0.5);
        }

        @Test
        void aRealAcceptsAnIntegerLiteral() {
            assertThat(resolve("lr=2").real("lr")).isEqualTo(2.0);
        }

        @Test
        void aRealAcceptsAnExponent() {
            assertThat(resolve("lr=1e-4").real("lr")).isEqualTo(1e-4);
        }

        @Test
        void aRealWithoutBoundsAcceptsInfinity() {
            List<ParamSpec> declared = List.of(ParamSpec.real("max", 1.0, "largest value"));

            assertThat(resolve(declared, "max=inf").real("max")).isInfinite();
        }

        @Test
        void aRealAcceptsItsInclusiveBound() {
            assertThat(resolve("momentum=0").real("momentum")).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"7", "7.0", "7e0", "+7"})
        void anIntegerAcceptsAWholeNumberInAnySpelling(String written) {
            assertThat(resolve("k=" + written).integer("k")).isEqualTo(7);
        }

        @Test
        void aBooleanIsGivenAsTrueOrFalse() {
            assertThat(resolve("nesterov=true").bool("nesterov")).isTrue();
        }

        @Test
        void aFreeStringMayBeQuoted() {
            assertThat(resolve("tag='first run'").string("tag")).isEqualTo("first run");
        }

        @Test
        void aFreeStringMayBeABareWord() {
            assertThat(resolve("tag=baseline").string("tag")).isEqualTo("baseline");
        }

        @ParameterizedTest
        @ValueSource(strings = {"sum", "'sum'", "\"sum\""})
        void aChoiceIsGivenBareOrQuoted(String written) {
            assertThat(resolve("reduction=" + written).string("reduction")).isEqualTo("sum");
        }

        @Test
        void aRealListIsConvertedToDoubles() {
            assertThat(resolve("betas=[0.5, 0]").reals("betas")).containsExactly(0.5, 0.0);
        }

        @Test
        void anIntegerListIsConvertedToInts() {
            assertThat(resolve("milestones=[10, 20.0, 3e1]").integers("milestones")).containsExactly(10, 20, 30);
        }

        @Test
        void aListWithoutALengthMayBeEmpty() {
            assertThat(resolve("milestones=[]").integers("milestones")).isEmpty();
        }

        @Test
        void aNestedComponentIsKeptAsItsSpec() {
            assertThat(resolve("inner=adam(lr=0.01)").componentSpec("inner")).isEqualTo(Spec.parse("adam(lr=0.01)"));
        }

        @Test
        void aNestedComponentMayBeABareName() {
            assertThat(resolve("inner=adam").componentSpec("inner")).isEqualTo(Spec.of("adam"));
        }

        @Test
        void aNestedComponentMayBeQualified() {
            assertThat(resolve("inner=acme:sgd2(k=3)").componentSpec("inner")).isEqualTo(Spec.parse("acme:sgd2(k=3)"));
        }

        @Test
        void aNestedComponentMayBeAQuotedSpec() {
            assertThat(resolve("inner='adam(lr=0.01)'").componentSpec("inner")).isEqualTo(Spec.parse("adam(lr=0.01)"));
        }

        @Test
        void anOptionalParameterGivenHasItsValue() {
            Params params = resolve("clip=1.5");

            assertThat(params.has("clip")).isTrue();
            assertThat(params.real("clip")).isEqualTo(1.5);
        }

        @Test
        void aRequiredParameterGivenHasItsValue() {
            List<ParamSpec> declared = List.of(ParamSpec.integer("step_size", null, "epochs between decays").atLeast(1));

            assertThat(resolve(declared, "step_size=3").integer("step_size")).isEqualTo(3);
        }

        @Test
        void theOwnerIsKept() {
            assertThat(resolve("").owner()).isEqualTo(OWNER);
        }
    }

    @Nested
    class UnknownParameters {

        @Test
        void anUnknownParameterIsNamedWithASuggestionAndTheValidOnes() {
            InvalidParameterException failure = failure("lrr=0.1");

            assertThat(failure).hasMessage("unknown parameter 'lrr' for optimizer 'demo'; did you mean 'lr'?"
                    + "; valid parameters: lr, momentum, k, nesterov, tag, reduction, betas, milestones, inner, clip");
            assertThat(failure.parameter()).isEqualTo("lrr");
        }

        @Test
        void anUnknownParameterWithoutANearNameListsTheValidOnes() {
            InvalidParameterException failure = failure(
                    List.of(ParamSpec.real("lr", 0.1, "learning rate"), ParamSpec.real("momentum", 0.0, "momentum")),
                    "zzz=1");

            assertThat(failure).hasMessage("unknown parameter 'zzz' for optimizer 'demo'; valid parameters: lr, momentum");
        }

        @Test
        void aComponentWithoutParametersSaysSo() {
            InvalidParameterException failure = failure(List.of(), "lr=0.1");

            assertThat(failure).hasMessage("unknown parameter 'lr' for optimizer 'demo'; it takes no parameters");
        }

        @Test
        void parameterNamesAreCaseSensitive() {
            InvalidParameterException failure = failure("LR=0.1");

            assertThat(failure).hasMessageStartingWith("unknown parameter 'LR' for optimizer 'demo'; did you mean 'lr'?");
        }
    }

    @Nested
    class MissingParameters {

        @Test
        void aMissingRequiredParameterIsNamedWithItsTypeAndRange() {
            List<ParamSpec> declared = List.of(ParamSpec.integer("step_size", null, "epochs between decays").atLeast(1));

            InvalidParameterException failure = failure(declared, "");

            assertThat(failure).hasMessage("parameter 'step_size' of optimizer 'demo' is required (integer >= 1)");
            assertThat(failure.parameter()).isEqualTo("step_size");
        }

        @Test
        void aMissingRequiredParameterWithoutRangeIsNamedWithItsType() {
            List<ParamSpec> declared = List.of(ParamSpec.realList("weights", null, "class weights"));

            assertThat(failure(declared, ""))
                    .hasMessage("parameter 'weights' of optimizer 'demo' is required (list of numbers)");
        }

        @Test
        void aMalformedQuotedComponentNamesTheParameter() {
            List<ParamSpec> declared = List.of(ParamSpec.component("inner", Optimizer.class, null, "wrapped"));

            assertThat(failure(declared, "inner='adam('"))
                    .hasMessage("parameter 'inner' of optimizer 'demo': malformed spec 'adam(': expected a parameter"
                            + " name or a value at column 6");
        }

        @Test
        void aMissingRequiredComponentIsNamedWithItsKind() {
            List<ParamSpec> declared = List.of(ParamSpec.component("inner", Optimizer.class, null, "wrapped"));

            assertThat(failure(declared, ""))
                    .hasMessage("parameter 'inner' of optimizer 'demo' is required (optimizer spec)");
        }
    }

    @Nested
    class ComponentListsAndPositionalArguments {
        private final List<ParamSpec> sequential = List.of(
                ParamSpec.componentList("schedules", Schedule.class, null, "the schedules in turn"),
                ParamSpec.integerList("milestones", null, "where each next one starts"));
        private final List<ParamSpec> chain = List.of(
                ParamSpec.componentList("steps", GradientTransform.class, null, "transforms, then an optimizer")
                        .variadic());

        @Test
        void aComponentListHoldsItsSpecsInOrder() {
            Params params = resolve(sequential, "schedules=[linear_warmup(warmup_steps=5), 'cosine_annealing'],"
                    + " milestones=[5]");

            assertThat(params.componentSpecs("schedules")).containsExactly(
                    Spec.parse("linear_warmup(warmup_steps=5)"), Spec.of("cosine_annealing"));
        }

        @Test
        void componentsAreCreatedThroughTheResolver() {
            ComponentResolver resolver = new ComponentResolver() {
                @Override
                public <T> T create(Class<T> kind, Spec spec) {
                    return kind.cast(kind.getSimpleName() + ":" + spec);
                }
            };
            Params params = Params.resolve(OWNER, List.of(ParamSpec.componentList("names", String.class, null, "d")),
                    Spec.parse("demo(names=[a, b(x=1)])").arguments(), resolver);

            assertThat(params.components("names", String.class)).containsExactly("String:a", "String:b(x=1)");
            assertThat(params.create(String.class, Spec.of("c"))).isEqualTo("String:c");
        }

        @Test
        void aComponentListMustBeAList() {
            assertThat(failure(sequential, "schedules=cosine_annealing, milestones=[]"))
                    .hasMessage("parameter 'schedules' of optimizer 'demo' must be a list of schedule specs, e.g."
                            + " [a, b(x=1)], got cosine_annealing");
        }

        @Test
        void eachElementMustBeASpec() {
            assertThat(failure(sequential, "schedules=[cosine_annealing, 3], milestones=[5]"))
                    .hasMessage("parameter 'schedules' of optimizer 'demo' must be a spec in list of schedule"
                            + " specs, got 3");
        }

        @Test
        void theTypeIsWrittenWithTheKind() {
            assertThat(chain.get(0).typeText()).isEqualTo("list of gradient transform specs");
        }

        @Test
        void positionalArgumentsFillTheVariadicParameter() {
            Params params = resolve(chain, "clip_grad_norm(max_norm=1.0), adam(lr=0.001)");

            assertThat(params.componentSpecs("steps")).containsExactly(Spec.parse("clip_grad_norm(max_norm=1.0)"),
                    Spec.parse("adam(lr=0.001)"));
        }

        @Test
        void theVariadicParameterMayBeGivenByName() {
            Params params = resolve(chain, "steps=[sgd]");

            assertThat(params.componentSpecs("steps")).containsExactly(Spec.of("sgd"));
        }

        @Test
        void theVariadicParameterIsNotGivenTwice() {
            assertThat(failure(chain, "sgd, steps=[adam]"))
                    .hasMessage("parameter 'steps' of optimizer 'demo' is given both by position and by name");
        }

        @Test
        void aComponentWithoutAVariadicParameterTakesNoPositionalArguments() {
            assertThat(failure("0.1"))
                    .hasMessageStartingWith("optimizer 'demo' takes no positional arguments, got 0.1; write"
                            + " name=value; valid parameters: lr, momentum");
        }

        private final List<ParamSpec> dense = List.of(
                ParamSpec.integer("out_features", null, "outputs").atLeast(1).positional(),
                ParamSpec.bool("bias", true, "with a bias"),
                ParamSpec.component("activation", Optimizer.class, null, "after the affine map").optional());

        @Test
        void aPositionalParameterTakesTheFirstPositionalArgument() {
            Params params = resolve(dense, "64, activation=relu");

            assertThat(params.integer("out_features")).isEqualTo(64);
            assertThat(params.componentSpec("activation")).isEqualTo(Spec.of("relu"));
            assertThat(params.bool("bias")).isTrue();
        }

        @Test
        void aPositionalParameterMayStillBeGivenByName() {
            assertThat(resolve(dense, "out_features=8").integer("out_features")).isEqualTo(8);
        }

        @Test
        void aPositionalArgumentIsCheckedAsItsParameter() {
            assertThat(failure(dense, "0")).hasMessage("parameter 'out_features' of optimizer 'demo' must be >= 1,"
                    + " got 0");
        }

        @Test
        void aPositionalParameterIsNotGivenTwice() {
            assertThat(failure(dense, "64, out_features=32"))
                    .hasMessage("parameter 'out_features' of optimizer 'demo' is given both by position and by name");
        }

        @Test
        void morePositionalArgumentsThanPositionalParametersAreRefused() {
            assertThat(failure(dense, "64, false")).hasMessage("optimizer 'demo' takes 1 positional argument"
                    + " (out_features), got 2; write the others as name=value; valid parameters: out_features, bias,"
                    + " activation");
        }

        @Test
        void positionalParametersTakeTheArgumentsInDeclarationOrderAndTheVariadicOneTheRest() {
            List<ParamSpec> declared = List.of(
                    ParamSpec.integer("k", null, "first").positional(),
                    ParamSpec.real("alpha", 0.5, "second").positional(),
                    ParamSpec.componentList("steps", GradientTransform.class, List.of(), "the rest").variadic());

            Params two = resolve(declared, "3, 0.25");
            Params four = resolve(declared, "3, 0.25, sgd, adam");

            assertThat(two.integer("k")).isEqualTo(3);
            assertThat(two.real("alpha")).isEqualTo(0.25);
            assertThat(two.componentSpecs("steps")).isEmpty();
            assertThat(four.componentSpecs("steps")).containsExactly(Spec.of("sgd"), Spec.of("adam"));
        }

        @Test
        void aParameterIsNotBothPositionalAndVariadic() {
            ParamSpec list = ParamSpec.integerList("sizes", null, "sizes");

            assertThatThrownBy(() -> list.variadic().positional()).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> list.positional().variadic()).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void positionalSurvivesTheOtherModifiers() {
            ParamSpec spec = ParamSpec.integer("n", null, "n").positional().atLeast(1).optional();

            assertThat(spec.isPositional()).isTrue();
            assertThat(spec.isVariadic()).isFalse();
            assertThat(ParamSpec.integer("n", 1, "n").isPositional()).isFalse();
        }

        @Test
        void onlyAListMayBeVariadic() {
            assertThatThrownBy(() -> ParamSpec.real("lr", 0.1, "learning rate").variadic())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class WrongTypes {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "lr='fast'            | parameter 'lr' of optimizer 'demo' must be a number, got 'fast'",
                "lr=true              | parameter 'lr' of optimizer 'demo' must be a number, got true",
                "lr=fast              | parameter 'lr' of optimizer 'demo' must be a number, got fast",
                "lr=[0.1]             | parameter 'lr' of optimizer 'demo' must be a number, got [0.1]",
                "k=2.5                | parameter 'k' of optimizer 'demo' must be an integer, got 2.5",
                "k=inf                | parameter 'k' of optimizer 'demo' must be an integer, got inf",
                "k=nan                | parameter 'k' of optimizer 'demo' must be an integer, got nan",
                "k=1e10               | parameter 'k' of optimizer 'demo' must be an integer, got 1e10",
                "nesterov=1           | parameter 'nesterov' of optimizer 'demo' must be true or false, got 1",
                "nesterov='true'      | parameter 'nesterov' of optimizer 'demo' must be true or false, got 'true'",
                "tag=5                | parameter 'tag' of optimizer 'demo' must be a string, got 5",
                "tag=acme:x           | parameter 'tag' of optimizer 'demo' must be a string, got acme:x",
                "tag=x(y=1)           | parameter 'tag' of optimizer 'demo' must be a string, got x(y=1)",
                "reduction=1          | parameter 'reduction' of optimizer 'demo' must be one of mean, sum, none, got 1",
                "betas=0.9            | parameter 'betas' of optimizer 'demo' must be a list of 2 numbers, e.g. [1, 2], got 0.9",
                "milestones=30        | parameter 'milestones' of optimizer 'demo' must be a list of integers, e.g. [1, 2], got 30",
                "betas=[0.9, 'x']     | parameter 'betas' of optimizer 'demo' must be a list of numbers, got 'x'",
                "milestones=[10, 2.5] | parameter 'milestones' of optimizer 'demo' must be a list of integers, got 2.5",
                "inner=5              | parameter 'inner' of optimizer 'demo' must be an optimizer spec, got 5",
                "inner=[adam]         | parameter 'inner' of optimizer 'demo' must be an optimizer spec, got [adam]",
        })
        void aValueOfTheWrongTypeNamesTheParameterTheTypeAndTheValue(String argument, String message) {
            InvalidParameterException failure = failure(argument);

            assertThat(failure).hasMessage(message);
            assertThat(failure.parameter()).isEqualTo(argument.substring(0, argument.indexOf('=')));
        }

        @Test
        void aWrongTypeIsAnIllegalArgument() {
            assertThatThrownBy(() -> resolve("lr=true")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class OutOfRange {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "lr=0                 | parameter 'lr' of optimizer 'demo' must be > 0, got 0",
                "lr=-1e-3             | parameter 'lr' of optimizer 'demo' must be > 0, got -1e-3",
                "lr=nan               | parameter 'lr' of optimizer 'demo' must be > 0, got nan",
                "momentum=1           | parameter 'momentum' of optimizer 'demo' must be in [0, 1), got 1",
                "momentum=-0.1        | parameter 'momentum' of optimizer 'demo' must be in [0, 1), got -0.1",
                "k=0                  | parameter 'k' of optimizer 'demo' must be >= 1, got 0",
                "clip=-inf            | parameter 'clip' of optimizer 'demo' must be > 0, got -inf",
        })
        void aValueOutOfRangeNamesTheParameterTheRangeAndTheValue(String argument, String message) {
            InvalidParameterException failure = failure(argument);

            assertThat(failure).hasMessage(message);
            assertThat(failure.parameter()).isEqualTo(argument.substring(0, argument.indexOf('=')));
        }

        @Test
        void aRealListOfTheWrongLengthSaysTheLengthAndTheCount() {
            InvalidParameterException failure = failure("betas=[0.9, 0.99, 0.999]");

            assertThat(failure).hasMessage(
                    "parameter 'betas' of optimizer 'demo' must be a list of 2 numbers, got 3: [0.9, 0.99, 0.999]");
        }

        @Test
        void anEmptyListOfAFixedLengthIsTooShort() {
            assertThat(failure("betas=[]"))
                    .hasMessage("parameter 'betas' of optimizer 'demo' must be a list of 2 numbers, got 0: []");
        }

        @Test
        void anIntegerListOfTheWrongLengthSaysTheLength() {
            List<ParamSpec> declared = List.of(ParamSpec.integerList("kernel", List.of(3, 3), "kernel size").length(2));

            assertThat(failure(declared, "kernel=[3]"))
                    .hasMessage("parameter 'kernel' of optimizer 'demo' must be a list of 2 integers, got 1: [3]");
        }

        @Test
        void aRealListElementOutOfRangeIsShownInItsList() {
            assertThat(failure("betas=[0.9, 1]"))
                    .hasMessage("parameter 'betas' of optimizer 'demo' must hold numbers in [0, 1), got 1 in [0.9, 1]");
        }

        @Test
        void anIntegerListElementOutOfRangeIsShownInItsList() {
            assertThat(failure("milestones=[30, -1]"))
                    .hasMessage("parameter 'milestones' of optimizer 'demo' must hold integers >= 0, got -1 in [30, -1]");
        }
    }

    @Nested
    class Choices {

        @Test
        void aChoiceOutsideItsWordsListsThemAndSuggestsTheNearest() {
            InvalidParameterException failure = failure("reduction=summ");

            assertThat(failure).hasMessage(
                    "parameter 'reduction' of optimizer 'demo' must be one of mean, sum, none, got 'summ'; did you mean 'sum'?");
            assertThat(failure.parameter()).isEqualTo("reduction");
        }

        @Test
        void aQuotedChoiceOutsideItsWordsIsRefusedToo() {
            assertThat(failure("reduction='average'"))
                    .hasMessage("parameter 'reduction' of optimizer 'demo' must be one of mean, sum, none, got 'average'");
        }

        @Test
        void aBareTrueOrFalseIsTheWordWhenTheChoicesHoldIt() {
            List<ParamSpec> specs = List.of(ParamSpec.choice("normalize", "none", List.of("none", "true", "pred"), "how"));

            Params params = Params.resolve("metric 'demo'", specs, Spec.parse("demo(normalize=true)").arguments(),
                    ComponentResolver.NONE);

            assertThat(params.string("normalize")).isEqualTo("true");
        }

        @Test
        void aBareFalseIsRefusedByChoicesWithoutIt() {
            List<ParamSpec> specs = List.of(ParamSpec.choice("normalize", "none", List.of("none", "true", "pred"), "how"));

            assertThatThrownBy(() -> Params.resolve("metric 'demo'", specs,
                    Spec.parse("demo(normalize=false)").arguments(), ComponentResolver.NONE))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessage("parameter 'normalize' of metric 'demo' must be one of none, true, pred, got false");
        }

        @Test
        void choicesAreCaseSensitive() {
            assertThat(failure("reduction=SUM")).hasMessageEndingWith("got 'SUM'; did you mean 'sum'?");
        }
    }

    @Nested
    class Reading {

        @Test
        void readingAParameterAsAnotherTypeIsAProgrammingError() {
            Params params = resolve("");

            assertThatThrownBy(() -> params.real("k"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("parameter 'k'");
        }

        @Test
        void readingAnUndeclaredParameterIsAProgrammingError() {
            Params params = resolve("");

            assertThatThrownBy(() -> params.real("beta"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("optimizer 'demo' declares no parameter 'beta'");
        }

        @Test
        void hasRefusesAnUndeclaredParameter() {
            Params params = resolve("");

            assertThatThrownBy(() -> params.has("beta"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("optimizer 'demo' declares no parameter 'beta'");
        }

        @Test
        void aComponentIsCreatedThroughTheResolver() {
            List<Spec> asked = new ArrayList<>();
            ComponentResolver resolver = new ComponentResolver() {
                @Override
                public <T> T create(Class<T> kind, Spec spec) {
                    asked.add(spec);
                    return kind.cast(new NamedOptimizer(spec.name()));
                }
            };
            Params params = Params.resolve(OWNER, DECLARED, Spec.parse("demo(inner=adam(lr=0.01))").arguments(),
                    resolver);

            Optimizer inner = params.component("inner", Optimizer.class);

            assertThat(inner).isEqualTo(new NamedOptimizer("adam"));
            assertThat(asked).containsExactly(Spec.parse("adam(lr=0.01)"));
        }

        @Test
        void withoutARegistryANestedComponentIsRefused() {
            Params params = resolve("inner=adam");

            assertThatThrownBy(() -> params.component("inner", Optimizer.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot create nested Optimizer 'adam' without a registry;"
                            + " create it through Descent's registries");
        }

        @Test
        void theDefaultsAreWrittenAsASpecWould() {
            assertThat(resolve("")).hasToString("lr=0.001, momentum=0, k=5, nesterov=false, tag=run,"
                    + " reduction=mean, betas=[0.9, 0.999], milestones=[30, 80], inner=sgd(lr=0.1)");
        }

        @Test
        void theResolvedValuesParseBackAsSpecArguments() {
            Params params = resolve("lr=2.5e-4, tag='run 1, \"best\"', reduction=none, clip=1,"
                    + " inner=acme:adam2(name='a b')");

            Params again = resolve(params.toString());

            assertThat(again.values()).isEqualTo(params.values());
        }

        @ParameterizedTest
        @ValueSource(strings = {"true", "false", "inf", "nan", "", "9lives", "a/b"})
        void aFreeStringThatIsNotAPlainWordIsQuotedInTheSpelling(String tag) {
            Params params = resolve("tag=" + new SpecValue.StringValue(tag));

            assertThat(resolve(params.toString()).string("tag")).isEqualTo(tag);
        }
    }

    @Nested
    class Declarations {

        @Test
        void aParameterDeclaredTwiceIsAProgrammingError() {
            List<ParamSpec> declared = List.of(ParamSpec.real("lr", 0.1, "a"), ParamSpec.real("lr", 0.2, "b"));

            assertThatThrownBy(() -> resolve(declared, ""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("optimizer 'demo' declares parameter 'lr' twice");
        }

        @Test
        void theOwnerIsRequired() {
            assertThatThrownBy(() -> Params.resolve(null, DECLARED, Map.of(), ComponentResolver.NONE))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("owner is null");
        }

        @Test
        void theResolverIsRequired() {
            assertThatThrownBy(() -> Params.resolve(OWNER, DECLARED, Map.of(), null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("resolver is null");
        }
    }

    /** A stand-in optimizer that only remembers its name. */
    private record NamedOptimizer(String name) implements Optimizer {
        @Override
        public void step(List<Parameter> parameters) {}

        @Override
        public double learningRate() {
            return 0;
        }

        @Override
        public void setLearningRate(double learningRate) {}

        @Override
        public State state() {
            return State.empty();
        }

        @Override
        public void loadState(State state) {}
    }
    @Nested
    class SingleOrList {
        private final List<ParamSpec> declared = List.of(ParamSpec.integerList("kernel_size", List.of(1, 1),
                "window height and width").length(2).atLeast(1).orSingle());

        @Test
        void aSingleNumberStandsForTheListRepeated() {
            assertThat(resolve(declared, "kernel_size=3").integers("kernel_size")).containsExactly(3, 3);
        }

        @Test
        void aListIsTakenAsWritten() {
            assertThat(resolve(declared, "kernel_size=[3, 5]").integers("kernel_size")).containsExactly(3, 5);
        }

        @Test
        void aListOfTheWrongLengthIsStillRefused() {
            assertThat(failure(declared, "kernel_size=[3]")).hasMessage("parameter 'kernel_size' of optimizer 'demo'"
                    + " must be an integer or list of 2 integers, got 1: [3]");
        }

        @Test
        void aSingleNumberOutOfRangeIsQuotedAsWritten() {
            InvalidParameterException failure = failure(declared, "kernel_size=0");

            assertThat(failure).hasMessage("parameter 'kernel_size' of optimizer 'demo' must hold integers >= 1, got 0");
            assertThat(failure.parameter()).isEqualTo("kernel_size");
        }

        @Test
        void aSingleFractionIsNotAnInteger() {
            assertThat(failure(declared, "kernel_size=2.5")).hasMessageContaining("kernel_size")
                    .hasMessageContaining("2.5");
        }

        @Test
        void withoutOrSingleANumberIsRefused() {
            List<ParamSpec> strict = List.of(ParamSpec.integerList("kernel_size", List.of(1, 1), "doc").length(2));

            assertThat(failure(strict, "kernel_size=3")).hasMessageContaining("must be a list of 2 integers");
        }
    }
}
