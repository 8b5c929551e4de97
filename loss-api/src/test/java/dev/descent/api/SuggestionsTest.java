package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    private static final List<String> LOSSES = List.of("mse", "mae", "huber", "cross_entropy", "bce",
            "bce_with_logits", "smooth_l1", "l1", "nll");

    @Test
    void aNameOneEditAwayIsSuggested() {
        assertThat(Suggestions.closest("mse2", LOSSES)).containsExactly("mse");
    }

    @Test
    void anAdjacentSwapCountsAsOneEdit() {
        assertThat(Suggestions.closest("hubre", LOSSES)).containsExactly("huber");
    }

    @Test
    void caseIsIgnored() {
        assertThat(Suggestions.closest("HUBER", LOSSES)).containsExactly("huber");
    }

    @Test
    void aCandidateStartingWithTheNameIsSuggested() {
        assertThat(Suggestions.closest("cross", LOSSES)).containsExactly("cross_entropy");
    }

    @Test
    void aOneLetterNameDoesNotSuggestEveryNameStartingWithIt() {
        assertThat(Suggestions.closest("c", List.of("cross_entropy", "cosine"))).isEmpty();
    }

    @Test
    void nearerCandidatesComeFirstAndTiesAlphabetically() {
        assertThat(Suggestions.closest("bce_", LOSSES)).containsExactly("bce", "bce_with_logits");
        assertThat(Suggestions.closest("ms", List.of("mse", "msa", "ms_long"))).containsExactly("msa", "mse", "ms_long");
    }

    @Test
    void atMostThreeAreSuggested() {
        assertThat(Suggestions.closest("l", List.of("l0", "l1", "l2", "l3"))).containsExactly("l0", "l1", "l2");
    }

    @Test
    void aDistantNameHasNoSuggestion() {
        assertThat(Suggestions.closest("xyz", LOSSES)).isEmpty();
    }

    @Test
    void longerNamesAllowMoreEdits() {
        assertThat(Suggestions.closest("cros_entrpy", LOSSES)).containsExactly("cross_entropy");
    }

    @Test
    void noCandidatesGiveNoSuggestion() {
        assertThat(Suggestions.closest("mse", List.of())).isEmpty();
    }

    @Test
    void oneSuggestionIsAskedAbout() {
        assertThat(Suggestions.didYouMean("mse2", LOSSES)).isEqualTo("; did you mean 'mse'?");
    }

    @Test
    void twoSuggestionsAreJoinedWithOr() {
        assertThat(Suggestions.didYouMean("bce_", LOSSES)).isEqualTo("; did you mean 'bce' or 'bce_with_logits'?");
    }

    @Test
    void threeSuggestionsAreListedWithCommasAndOr() {
        assertThat(Suggestions.didYouMean("l", List.of("l1", "l2", "l3")))
                .isEqualTo("; did you mean 'l1', 'l2' or 'l3'?");
    }

    @Test
    void noSuggestionIsAnEmptyHint() {
        assertThat(Suggestions.didYouMean("xyz", LOSSES)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(quoteCharacter = '`', value = {
            "``, ``, 0",
            "abc, abc, 0",
            "abc, ``, 3",
            "abc, abd, 1",
            "abc, ab, 1",
            "ab, abc, 1",
            "abc, acb, 1",
            "ca, abc, 3",
            "kitten, sitting, 3",
    })
    void editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps(String a, String b, int expected) {
        assertThat(Suggestions.editDistance(a, b)).isEqualTo(expected);
    }
}
