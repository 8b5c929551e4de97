package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParamSpecTest {

    private static ParamSpec x() {
        return ParamSpec.real("x", 0.5, "a number");
    }

    // rangeText

    @Test
    void aParameterWithoutBoundsHasNoRangeText() {
        assertThat(x().rangeText()).isEmpty();
    }

    @Test
    void anInclusiveLowerBoundIsWrittenAtLeast() {
        assertThat(x().atLeast(0).rangeText()).isEqualTo(">= 0");
    }

    @Test
    void anExclusiveLowerBoundIsWrittenGreaterThan() {
        assertThat(x().greaterThan(0).rangeText()).isEqualTo("> 0");
    }

    @Test
    void anInclusiveUpperBoundIsWrittenAtMost() {
        assertThat(x().atMost(1).rangeText()).isEqualTo("<= 1");
    }

    @Test
    void anExclusiveUpperBoundIsWrittenLessThan() {
        assertThat(x().lessThan(0.5).rangeText()).isEqualTo("< 0.5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[0, 1] | true  | true",
            "[0, 1) | true  | false",
            "(0, 1] | false | true",
            "(0, 1) | false | false",
    })
    void twoBoundsAreWrittenAsAnInterval(String expected, boolean lowerInclusive, boolean upperInclusive) {
        ParamSpec lower = lowerInclusive ? x().atLeast(0) : x().greaterThan(0);
        ParamSpec both = upperInclusive ? lower.atMost(1) : lower.lessThan(1);

        assertThat(both.rangeText()).isEqualTo("in " + expected);
    }

    @Test
    void fractionalBoundsKeepTheirDigits() {
        assertThat(x().atLeast(-0.25).atMost(1e-3).rangeText()).isEqualTo("in [-0.25, 0.001]");
    }

    @Test
    void aBoundSetAgainReplacesTheEarlierOne() {
        assertThat(x().atLeast(0).greaterThan(1).rangeText()).isEqualTo("> 1");
    }

    // inRange

    @Test
    void anInclusiveBoundIsInRange() {
        assertThat(x().atLeast(0).atMost(1).inRange(0)).isTrue();
        assertThat(x().atLeast(0).atMost(1).inRange(1)).isTrue();
    }

    @Test
    void anExclusiveBoundIsOutOfRange() {
        assertThat(x().greaterThan(0).lessThan(1).inRange(0)).isFalse();
        assertThat(x().greaterThan(0).lessThan(1).inRange(1)).isFalse();
    }

    @Test
    void nanIsOutOfAnyBoundedRange() {
        assertThat(x().atLeast(0).inRange(Double.NaN)).isFalse();
    }

    @Test
    void everyValueIsInAnUnboundedRange() {
        assertThat(x().inRange(Double.NEGATIVE_INFINITY)).isTrue();
    }

    // typeText

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "real        | number",
            "integer     | integer",
            "bool        | boolean",
            "string      | string",
            "realList    | list of numbers",
            "integerList | list of integers",
    })
    void theTypeIsWrittenInWords(String factory, String expected) {
        ParamSpec spec = switch (factory) {
            case "real" -> ParamSpec.real("p", 1.0, "doc");
            case "integer" -> ParamSpec.integer("p", 1, "doc");
            case "bool" -> ParamSpec.bool("p", true, "doc");
            case "string" -> ParamSpec.string("p", "s", "doc");
            case "realList" -> ParamSpec.realList("p", List.of(1.0), "doc");
            case "integerList" -> ParamSpec.integerList("p", List.of(1), "doc");
            default -> throw new IllegalArgumentException(factory);
        };

        assertThat(spec.typeText()).isEqualTo(expected);
    }

    @Test
    void aListOfFixedLengthSaysItsLength() {
        assertThat(ParamSpec.realList("betas", List.of(0.9, 0.999), "doc").length(2).typeText())
                .isEqualTo("list of 2 numbers");
        assertThat(ParamSpec.integerList("kernel", List.of(3, 3), "doc").length(2).typeText())
                .isEqualTo("list of 2 integers");
    }

    @Test
    void aListThatAlsoTakesASingleNumberSaysSo() {
        ParamSpec spec = ParamSpec.integerList("kernel_size", List.of(1, 1), "doc").length(2).orSingle();

        assertThat(spec.typeText()).isEqualTo("integer or list of 2 integers");
        assertThat(spec.repeatsSingle()).isTrue();
        assertThat(spec.atLeast(1).repeatsSingle()).as("kept by later narrowing").isTrue();
    }

    @Test
    void orSingleNeedsAFixedLength() {
        assertThatThrownBy(() -> ParamSpec.integerList("kernel_size", List.of(1, 1), "doc").orSingle())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("length");
    }

    @Test
    void aChoiceListsItsWords() {
        assertThat(Reduction.PARAM.typeText()).isEqualTo("one of mean, sum, none");
    }

    @Test
    void aComponentNamesItsKind() {
        assertThat(ParamSpec.component("inner", Optimizer.class, "sgd", "doc").typeText()).isEqualTo("optimizer spec");
    }

    // defaultText

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "real 0.001  | 0.001",
            "real 1      | 1",
            "real -2     | -2",
            "real 1e-8   | 1.0E-8",
            "real inf    | inf",
            "real -inf   | -inf",
            "real nan    | nan",
            "integer 5   | 5",
            "bool        | true",
            "string      | run",
            "realList    | [0.9, 0.999]",
            "integerList | [30, 80]",
            "component   | adam(lr=0.001)",
            "choice      | mean",
    })
    void theDefaultIsWrittenAsASpecWould(String declaration, String expected) {
        String[] words = declaration.split(" ");
        ParamSpec spec = switch (words[0]) {
            case "real" -> ParamSpec.real("p", Double.parseDouble(words[1].replace("inf", "Infinity")
                    .replace("nan", "NaN")), "doc");
            case "integer" -> ParamSpec.integer("p", Integer.parseInt(words[1]), "doc");
            case "bool" -> ParamSpec.bool("p", true, "doc");
            case "string" -> ParamSpec.string("p", "run", "doc");
            case "realList" -> ParamSpec.realList("p", List.of(0.9, 0.999), "doc");
            case "integerList" -> ParamSpec.integerList("p", List.of(30, 80), "doc");
            case "component" -> ParamSpec.component("p", Optimizer.class, "adam( lr = 0.001 )", "doc");
            case "choice" -> Reduction.PARAM;
            default -> throw new IllegalArgumentException(declaration);
        };

        assertThat(spec.defaultText()).isEqualTo(expected);
    }

    @Test
    void aFreeStringDefaultThatIsNotAWordIsQuoted() {
        assertThat(ParamSpec.string("dir", "runs/first run", "doc").defaultText()).isEqualTo("'runs/first run'");
    }

    @Test
    void aParameterWithoutDefaultIsRequired() {
        ParamSpec spec = ParamSpec.integer("step_size", null, "doc");

        assertThat(spec.defaultText()).isEqualTo("required");
        assertThat(spec.isRequired()).isTrue();
    }

    @Test
    void anOptionalParameterHasNoneForDefault() {
        ParamSpec spec = ParamSpec.real("clip", null, "doc").optional();

        assertThat(spec.defaultText()).isEqualTo("none");
        assertThat(spec.isRequired()).isFalse();
        assertThat(spec.isOptional()).isTrue();
    }

    @Test
    void aParameterWithADefaultIsNeitherRequiredNorOptional() {
        assertThat(x().isRequired()).isFalse();
        assertThat(x().isOptional()).isFalse();
    }

    // declarations

    @Test
    void theDefaultOfAComponentIsParsed() {
        assertThat(ParamSpec.component("inner", Optimizer.class, "adam(lr=0.001)", "doc").defaultValue())
                .isEqualTo(Spec.parse("adam(lr=0.001)"));
    }

    @Test
    void aComponentRemembersItsKind() {
        assertThat(ParamSpec.component("inner", Optimizer.class, null, "doc").componentKind())
                .isEqualTo(Optimizer.class);
    }

    @Test
    void aChoiceRefusesADefaultOutsideItsWords() {
        assertThatThrownBy(() -> ParamSpec.choice("mode", "max", List.of("min", "mean"), "doc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("default 'max' of mode is not one of [min, mean]");
    }

    @Test
    void anOptionalParameterCannotHaveADefault() {
        assertThatThrownBy(() -> x().optional())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("x has a default, so it is never absent");
    }

    @Test
    void aBooleanTakesNoRange() {
        assertThatThrownBy(() -> ParamSpec.bool("flag", false, "doc").atLeast(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("flag");
    }

    @Test
    void aNumberTakesNoLength() {
        assertThatThrownBy(() -> x().length(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("takes no such constraint");
    }

    @Test
    void narrowingReturnsACopy() {
        ParamSpec original = x();

        original.atLeast(1);

        assertThat(original.rangeText()).isEmpty();
    }

    @Test
    void aListDefaultIsCopied() {
        List<Double> betas = new java.util.ArrayList<>(List.of(0.9, 0.999));
        ParamSpec spec = ParamSpec.realList("betas", betas, "doc");

        betas.clear();

        assertThat(spec.defaultValue()).isEqualTo(List.of(0.9, 0.999));
    }

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> ParamSpec.real(null, 0.1, "doc"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name is null");
    }

    @Test
    void toStringSummarisesTheDeclaration() {
        assertThat(ParamSpec.real("lr", 0.001, "learning rate").greaterThan(0))
                .hasToString("lr (number, > 0, default 0.001): learning rate");
    }

    @Test
    void toStringLeavesOutAnEmptyRange() {
        assertThat(Reduction.PARAM).hasToString("reduction (one of mean, sum, none, default mean): "
                + Reduction.PARAM.doc());
    }
}
