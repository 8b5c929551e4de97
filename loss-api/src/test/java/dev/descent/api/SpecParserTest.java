package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.descent.api.SpecValue.BooleanValue;
import dev.descent.api.SpecValue.ListValue;
import dev.descent.api.SpecValue.NumberValue;
import dev.descent.api.SpecValue.StringValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecParserTest {

    /** The single argument {@code x} of {@code f(x=<valueText>)}. */
    private static SpecValue valueOf(String valueText) {
        return Spec.parse("f(x=" + valueText + ")").arguments().get("x");
    }

    private static NumberValue number(double value, String text) {
        return new NumberValue(value, text);
    }

    @Nested
    class Names {

        @Test
        void aBareNameIsASpecWithoutArguments() {
            Spec spec = Spec.parse("mse");

            assertThat(spec.namespace()).isNull();
            assertThat(spec.name()).isEqualTo("mse");
            assertThat(spec.arguments()).isEmpty();
        }

        @Test
        void emptyParenthesesGiveNoArguments() {
            assertThat(Spec.parse("mse()")).isEqualTo(Spec.of("mse"));
        }

        @Test
        void aQualifiedNameSplitsIntoNamespaceAndName() {
            Spec spec = Spec.parse("acme:focal");

            assertThat(spec.namespace()).isEqualTo("acme");
            assertThat(spec.name()).isEqualTo("focal");
            assertThat(spec.qualifiedName()).isEqualTo("acme:focal");
        }

        @Test
        void aQualifiedNameTakesArguments() {
            Spec spec = Spec.parse("acme:focal(gamma=2)");

            assertThat(spec.qualifiedName()).isEqualTo("acme:focal");
            assertThat(spec.arguments()).containsExactly(Map.entry("gamma", number(2, "2")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"cross_entropy", "_private", "smooth-l1", "v1.2", "Adam", "l1"})
        void wordsMayHoldUnderscoresDashesDotsAndDigits(String name) {
            assertThat(Spec.parse(name).name()).isEqualTo(name);
        }

        @Test
        void whitespaceAroundTheWholeSpecIsIgnored() {
            assertThat(Spec.parse("  \t mse \n")).isEqualTo(Spec.of("mse"));
        }
    }

    @Nested
    class Arguments {

        @Test
        void argumentsKeepTheOrderWritten() {
            Spec spec = Spec.parse("sgd(momentum=0.9, lr=0.1, nesterov=true)");

            assertThat(spec.arguments()).containsExactly(
                    Map.entry("momentum", number(0.9, "0.9")),
                    Map.entry("lr", number(0.1, "0.1")),
                    Map.entry("nesterov", new BooleanValue(true)));
        }

        @Test
        void whitespaceMayStandBetweenAnyTwoTokens() {
            Spec spaced = Spec.parse(" sgd ( lr = 0.1 , betas = [ 0.9 , 0.999 ] , inner = adam ( lr = 1 ) ) ");

            assertThat(spaced).isEqualTo(Spec.parse("sgd(lr=0.1,betas=[0.9,0.999],inner=adam(lr=1))"));
        }

        @Test
        void tabsAndNewlinesCountAsWhitespace() {
            assertThat(Spec.parse("sgd(\n\tlr=0.1,\n\tmomentum=0.9\n)"))
                    .isEqualTo(Spec.parse("sgd(lr=0.1, momentum=0.9)"));
        }

        @Test
        void theArgumentsAreUnmodifiable() {
            Spec spec = Spec.parse("sgd(lr=0.1)");

            assertThatThrownBy(() -> spec.arguments().put("momentum", number(0.9, "0.9")))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
                "0, 0",
                "5, 5",
                "0.001, 0.001",
                "-3, -3",
                "+2.5, 2.5",
                ".5, 0.5",
                "1., 1",
                "1e-3, 0.001",
                "1E3, 1000",
                "2.5e+2, 250",
                "-1.5e-2, -0.015",
        })
        void numbersParseToTheirValueAndKeepTheirSpelling(String written, double expected) {
            assertThat(valueOf(written)).isEqualTo(number(expected, written));
        }

        @Test
        void fiveAndFivePointZeroStayApart() {
            assertThat(valueOf("5")).isNotEqualTo(valueOf("5.0"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"inf, Infinity", "+inf, Infinity", "-inf, -Infinity"})
        void infinityIsWrittenInf(String written, double expected) {
            assertThat(valueOf(written)).isEqualTo(number(expected, written));
        }

        @Test
        void nanIsANumber() {
            SpecValue value = valueOf("nan");

            assertThat(value).isInstanceOf(NumberValue.class);
            assertThat(((NumberValue) value).value()).isNaN();
        }

        @Test
        void aWordThatOnlyStartsWithInfIsASpec() {
            assertThat(valueOf("infinity")).isEqualTo(Spec.of("infinity"));
        }
    }

    @Nested
    class BooleansAndStrings {

        @Test
        void trueAndFalseAreBooleans() {
            Spec spec = Spec.parse("f(a=true, b=false)");

            assertThat(spec.arguments()).containsExactly(
                    Map.entry("a", new BooleanValue(true)),
                    Map.entry("b", new BooleanValue(false)));
        }

        @Test
        void aBareWordValueIsASpecWithoutArguments() {
            SpecValue value = valueOf("sum");

            assertThat(value).isEqualTo(Spec.of("sum"));
            assertThat(((Spec) value).isBareWord()).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "'hello world'      | hello world",
                "\"hello world\"    | hello world",
                "''                 | ``",
                "'it\\'s'           | it's",
                "\"say \\\"hi\\\"\" | say \"hi\"",
                "'a\\\\b'           | a\\b",
                "'a\"b'             | a\"b",
                "\"a'b\"            | a'b",
                "'a,b)c=d'          | a,b)c=d",
                "'\\x'              | x",
        })
        void quotedStringsUnescapeTheirQuoteAndBackslash(String written, String expected) {
            assertThat(valueOf(written)).isEqualTo(new StringValue(expected));
        }
    }

    @Nested
    class Lists {

        @Test
        void aListHoldsItsValuesInOrder() {
            assertThat(valueOf("[0.9, 0.999]"))
                    .isEqualTo(new ListValue(List.of(number(0.9, "0.9"), number(0.999, "0.999"))));
        }

        @Test
        void anEmptyListIsAllowed() {
            assertThat(valueOf("[ ]")).isEqualTo(new ListValue(List.of()));
        }

        @Test
        void aListMayMixValueKinds() {
            assertThat(valueOf("[1, 'a', true, mean]")).isEqualTo(new ListValue(List.of(
                    number(1, "1"), new StringValue("a"), new BooleanValue(true), Spec.of("mean"))));
        }

        @Test
        void aListMayHoldSpecs() {
            assertThat(valueOf("[clip(max_norm=1), weight_decay(rate=0.01), adam]")).isEqualTo(new ListValue(List.of(
                    Spec.parse("clip(max_norm=1)"), Spec.parse("weight_decay(rate=0.01)"), Spec.of("adam"))));
        }

        @Test
        void listsNest() {
            assertThat(valueOf("[[1, 2], [3]]")).isEqualTo(new ListValue(List.of(
                    new ListValue(List.of(number(1, "1"), number(2, "2"))),
                    new ListValue(List.of(number(3, "3"))))));
        }
    }

    @Nested
    class NestedSpecs {

        @Test
        void aValueMayBeASpecWithArguments() {
            Spec spec = Spec.parse("lookahead(k=5, inner=adam(lr=0.001))");

            assertThat(spec.name()).isEqualTo("lookahead");
            assertThat(spec.arguments().get("k")).isEqualTo(number(5, "5"));
            assertThat(spec.arguments().get("inner"))
                    .isEqualTo(new Spec(null, "adam", Map.of("lr", number(0.001, "0.001"))));
        }

        @Test
        void specsNestToAnyDepth() {
            Spec spec = Spec.parse("a(x=b(y=c(z=acme:d(w=[1]))))");

            Spec b = (Spec) spec.arguments().get("x");
            Spec c = (Spec) b.arguments().get("y");
            Spec d = (Spec) c.arguments().get("z");
            assertThat(d.qualifiedName()).isEqualTo("acme:d");
            assertThat(d.arguments().get("w")).isEqualTo(new ListValue(List.of(number(1, "1"))));
        }

        @Test
        void aQualifiedSpecWithoutArgumentsIsNotABareWord() {
            SpecValue value = valueOf("acme:focal");

            assertThat(value).isEqualTo(new Spec("acme", "focal", Map.of()));
            assertThat(((Spec) value).isBareWord()).isFalse();
        }

        @Test
        void aKeywordWithArgumentsIsASpec() {
            assertThat(valueOf("true(x=1)")).isInstanceOf(Spec.class);
        }
    }

    @Nested
    class PositionalArguments {

        @Test
        void positionalArgumentsAreKeyedByTheirPosition() {
            Spec spec = Spec.parse("chain(clip_grad_norm(max_norm=1.0), adam(lr=0.001))");

            assertThat(spec.arguments()).containsOnlyKeys("0", "1");
            assertThat(spec.positionalArguments()).containsExactly(
                    new Spec(null, "clip_grad_norm", Map.of("max_norm", number(1.0, "1.0"))),
                    new Spec(null, "adam", Map.of("lr", number(0.001, "0.001"))));
        }

        @Test
        void positionalArgumentsComeBeforeNamedOnes() {
            Spec spec = Spec.parse("f(1, [2, 3], x=4)");

            assertThat(spec.positionalArguments()).containsExactly(number(1, "1"),
                    new ListValue(List.of(number(2, "2"), number(3, "3"))));
            assertThat(spec.arguments().get("x")).isEqualTo(number(4, "4"));
        }

        @Test
        void aPositionalArgumentIsWrittenWithoutAName() {
            String text = "chain(clip_grad_value(clip_value=0.5), sgd, x=1)";

            assertThat(Spec.parse(text)).hasToString(text);
            assertThat(Spec.parse(Spec.parse(text).toString())).isEqualTo(Spec.parse(text));
        }

        @Test
        void aSpecBuiltWithNamedArgumentsFirstStillWritesPositionalOnesFirst() {
            Map<String, SpecValue> arguments = new java.util.LinkedHashMap<>();
            arguments.put("x", number(1, "1"));
            arguments.put("0", Spec.of("sgd"));

            assertThat(new Spec(null, "chain", arguments)).hasToString("chain(sgd, x=1)");
        }

        @Test
        void onlyDigitKeysArePositions() {
            assertThat(Spec.isPositional("0")).isTrue();
            assertThat(Spec.isPositional("12")).isTrue();
            assertThat(Spec.isPositional("lr")).isFalse();
            assertThat(Spec.isPositional("")).isFalse();
        }
    }

    @Nested
    class Malformed {

        private InvalidSpecException failure(String spec) {
            InvalidSpecException failure = catchThrowableOfType(InvalidSpecException.class, () -> Spec.parse(spec));
            assertThat(failure).as("parsing '%s' fails", spec).isNotNull();
            return failure;
        }

        @Test
        void theIssueExampleQuotesTheSpecAndPointsAtTheColumn() {
            InvalidSpecException failure = failure("adam(lr=0.001");

            assertThat(failure).hasMessage("malformed spec 'adam(lr=0.001': expected ')' at column 14");
            assertThat(failure.column()).isEqualTo(14);
            assertThat(failure.spec()).isEqualTo("adam(lr=0.001");
        }

        @Test
        void aMalformedSpecIsAnIllegalArgument() {
            assertThatThrownBy(() -> Spec.parse("adam(")).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest(name = "[{0}] at column {1}: {2}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                // empty input
                "``           | 1  | expected a name",
                "`   `        | 4  | expected a name",
                // missing ')'
                "adam(lr=0.1, | 13 | expected a parameter name",
                "adam(        | 6  | expected a parameter name or a value",
                "a(x=1 2)     | 7  | expected ',' or ')' but found '2'",
                // missing '='
                "adam(lr 0.1) | 9  | expected '=', ',' or ')' but found '0'",
                "adam(lr      | 8  | expected '=', ',' or ')'",
                // a positional argument after a named one
                "a(x=1, 2)    | 8  | expected a parameter name: positional arguments come before the named ones",
                // missing name or value
                "adam(=1)     | 6  | expected a parameter name or a value but found '='",
                "adam(lr=1,)  | 11 | expected a parameter name but found ')'",
                "adam(lr=)    | 9  | expected a value (number, true/false, quoted string, [list] or spec) but found ')'",
                "adam(lr=     | 9  | expected a value",
                "a(x=@)       | 5  | expected a value (number, true/false, quoted string, [list] or spec) but found '@'",
                "9abc         | 1  | expected a name but found '9'",
                "acme:        | 6  | expected a name after ':'",
                "acme:(x=1)   | 6  | expected a name after ':' but found '('",
                // trailing text
                "adam)        | 5  | unexpected ')'",
                "adam lr      | 6  | unexpected 'l'",
                "adam() x     | 8  | unexpected 'x'",
                "adam(lr=1))  | 11 | unexpected ')'",
                // bad numbers
                "a(x=1e)      | 7  | expected the digits of an exponent",
                "a(x=1e+)     | 8  | expected the digits of an exponent",
                "a(x=-)       | 5  | expected a number",
                "a(x=+.e5)    | 5  | expected a number",
                "a(x=1.5.3)   | 8  | expected ',' or ')' but found '.'",
                // unclosed list
                "a(b=[1, 2    | 10 | expected ']'",
                "a(b=[1, 2)   | 10 | expected ',' or ']'",
                "a(b=[1,])    | 8  | expected a value (number, true/false, quoted string, [list] or spec) but found ']'",
                "a(b=[        | 6  | expected a value",
        })
        void aMalformedSpecNamesTheProblemAndItsColumn(String spec, int column, String problem) {
            InvalidSpecException failure = failure(spec);

            assertThat(failure)
                    .hasMessage("malformed spec '%s': %s at column %d", spec, problem, column);
            assertThat(failure.column()).isEqualTo(column);
        }

        @Test
        void aDuplicateKeyPointsAtItsSecondOccurrence() {
            InvalidSpecException failure = failure("adam(lr=1, lr=2)");

            assertThat(failure).hasMessage("malformed spec 'adam(lr=1, lr=2)': parameter 'lr' given twice at column 12");
            assertThat(failure.column()).isEqualTo(12);
        }

        @Test
        void aDuplicateKeyInANestedSpecIsFound() {
            InvalidSpecException failure = failure("lookahead(inner=adam(lr=1, lr=2))");

            assertThat(failure).hasMessageContaining("parameter 'lr' given twice");
            assertThat(failure.column()).isEqualTo(28);
        }

        @Test
        void anUnterminatedStringPointsAtItsOpeningQuote() {
            InvalidSpecException failure = failure("a(s='abc");

            assertThat(failure).hasMessage("malformed spec 'a(s='abc': unterminated string at column 5");
            assertThat(failure.column()).isEqualTo(5);
        }

        @Test
        void anEscapedClosingQuoteLeavesTheStringUnterminated() {
            InvalidSpecException failure = failure("a(s='abc\\')");

            assertThat(failure).hasMessageEndingWith("unterminated string at column 5");
        }

        @Test
        void aStringQuotedWithTheOtherQuoteIsUnterminated() {
            InvalidSpecException failure = failure("a(s='abc\")");

            assertThat(failure).hasMessageEndingWith("unterminated string at column 5");
        }

        @Test
        void aMissingParenthesisInANestedSpecPointsAtTheEnd() {
            InvalidSpecException failure = failure("lookahead(k=5, inner=adam(lr=0.001)");

            assertThat(failure).hasMessageEndingWith("expected ')' at column 36");
        }

        @Test
        void aNullSpecIsRefusedByName() {
            assertThatThrownBy(() -> Spec.parse(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("spec is null");
        }
    }
}
