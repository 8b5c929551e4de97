package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.SpecValue.BooleanValue;
import dev.descent.api.SpecValue.ListValue;
import dev.descent.api.SpecValue.NumberValue;
import dev.descent.api.SpecValue.StringValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "mse",
            "acme:focal",
            "acme:focal(gamma=2, alpha=0.25)",
            "sgd(lr=0.1, momentum=0.9, nesterov=true)",
            "adam(lr=1e-3, betas=[0.9, 0.999], eps=1E-08)",
            "lookahead(k=5, inner=adam(lr=0.001))",
            "chain(transforms=[clip(max_norm=1), weight_decay(rate=0.01)], inner=acme:sgd2)",
            "f(a=-inf, b=+inf, c=nan, d=-0.5, e=+3, f=.5)",
            "f(s='it\\'s', t=\"say \\\"hi\\\"\", u='back\\\\slash', v='', w='a, b=(c)')",
            "f(empty=[], nested=[[1, 2], []], words=[mean, 'sum'])",
            "loss(reduction=sum)",
    })
    void theCanonicalSpellingParsesBackToAnEqualSpec(String text) {
        Spec spec = Spec.parse(text);

        assertThat(Spec.parse(spec.toString())).isEqualTo(spec);
    }

    @Test
    void theCanonicalSpellingSeparatesArgumentsWithCommaAndSpace() {
        assertThat(Spec.parse(" sgd( lr = 0.1 ,momentum=0.9 ) ")).hasToString("sgd(lr=0.1, momentum=0.9)");
    }

    @Test
    void theCanonicalSpellingKeepsNumbersAsWritten() {
        assertThat(Spec.parse("adam(lr=1e-3, eps=1.0E-8, k=5.0)")).hasToString("adam(lr=1e-3, eps=1.0E-8, k=5.0)");
    }

    @Test
    void theCanonicalSpellingQuotesStringsWithSingleQuotes() {
        assertThat(Spec.parse("f(s=\"it's\")")).hasToString("f(s='it\\'s')");
    }

    @Test
    void theCanonicalSpellingOfASpecWithoutArgumentsIsItsName() {
        assertThat(Spec.parse("acme:focal()")).hasToString("acme:focal");
    }

    @Test
    void aSpecBuiltInCodeParsesBackFromItsSpelling() {
        Map<String, SpecValue> arguments = new LinkedHashMap<>();
        arguments.put("lr", NumberValue.of(0.001));
        arguments.put("betas", new ListValue(List.of(NumberValue.of(0.9), NumberValue.of(0.999))));
        arguments.put("amsgrad", new BooleanValue(false));
        arguments.put("name", new StringValue("run 'one'"));
        arguments.put("inner", Spec.of("sgd"));
        Spec spec = new Spec("acme", "adam2", arguments);

        assertThat(Spec.parse(spec.toString())).isEqualTo(spec);
    }

    @Test
    void specsWithTheSameArgumentsInAnotherOrderAreEqual() {
        assertThat(Spec.parse("sgd(lr=0.1, momentum=0.9)")).isEqualTo(Spec.parse("sgd(momentum=0.9, lr=0.1)"));
    }

    @Test
    void theConstructorCopiesTheArguments() {
        Map<String, SpecValue> arguments = new LinkedHashMap<>();
        arguments.put("lr", NumberValue.of(0.1));
        Spec spec = new Spec(null, "sgd", arguments);

        arguments.put("momentum", NumberValue.of(0.9));

        assertThat(spec.arguments()).containsOnlyKeys("lr");
    }

    @Test
    void aSpecNeedsAName() {
        assertThatThrownBy(() -> new Spec(null, null, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name is null");
    }

    @Test
    void ofGivesAnUnqualifiedSpecWithoutArguments() {
        assertThat(Spec.of("mse")).isEqualTo(new Spec(null, "mse", Map.of()));
    }

    @Test
    void onlyAnUnqualifiedSpecWithoutArgumentsIsABareWord() {
        assertThat(Spec.parse("mean").isBareWord()).isTrue();
        assertThat(Spec.parse("acme:mean").isBareWord()).isFalse();
        assertThat(Spec.parse("mean(x=1)").isBareWord()).isFalse();
    }

    @Test
    void anUnqualifiedNameIsItsOwnQualifiedName() {
        assertThat(Spec.of("mse").qualifiedName()).isEqualTo("mse");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            "5, 5",
            "-3, -3",
            "0.001, 0.001",
            "2.5, 2.5",
            "1e-5, 1.0E-5",
            "1e20, 1.0E20",
            "Infinity, inf",
            "-Infinity, -inf",
            "NaN, nan",
    })
    void numberValueOfSpellsANumberTheWaySpecsWriteIt(double value, String expected) {
        assertThat(NumberValue.of(value)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 7, -12, 0.5, 1e-8, 3.25e12, 1e300, Double.MAX_VALUE, Double.MIN_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN})
    void numberValueOfParsesBackToAnEqualValue(double value) {
        Spec spec = new Spec(null, "f", Map.of("x", NumberValue.of(value)));

        assertThat(Spec.parse(spec.toString())).isEqualTo(spec);
    }

    @Test
    void aStringValueEscapesItsQuoteAndBackslash() {
        assertThat(new StringValue("it's a\\b")).hasToString("'it\\'s a\\\\b'");
    }

    @Test
    void aListValueIsWrittenInBrackets() {
        assertThat(new ListValue(List.of(NumberValue.of(1), new StringValue("a"), Spec.of("mean"))))
                .hasToString("[1, 'a', mean]");
    }

    @Test
    void aListValueCopiesItsValues() {
        List<SpecValue> values = new java.util.ArrayList<>(List.of(NumberValue.of(1)));
        ListValue list = new ListValue(values);

        values.add(NumberValue.of(2));

        assertThat(list.values()).containsExactly(NumberValue.of(1));
    }
}
