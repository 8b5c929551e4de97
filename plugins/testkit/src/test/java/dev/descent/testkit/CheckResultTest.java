package dev.descent.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckResultTest {

    @Test
    void isCheckMatchesTheNameWithOrWithoutASpec() {
        CheckResult result = new CheckResult("mse", "loss deterministic [mse(reduction=sum)]", true, "same bits");

        assertThat(result.isCheck("loss deterministic")).isTrue();
        assertThat(result.isCheck("loss")).isFalse();
        assertThat(new CheckResult("mse", "describe well-formed", true, "").isCheck("describe well-formed")).isTrue();
    }

    @Test
    void readsAsOneLineOfAReport() {
        assertThat(new CheckResult("focal", "describe well-formed", false, "description is blank"))
                .hasToString("FAIL focal: describe well-formed: description is blank");
    }

    @Test
    void numbersInDetailsAreShortAndExact() {
        assertThat(CheckRun.number(0.25)).isEqualTo("0.25");
        assertThat(CheckRun.number(1e-5)).isEqualTo("1.000e-05");
        assertThat(CheckRun.number(-3)).isEqualTo("-3");
    }
}
