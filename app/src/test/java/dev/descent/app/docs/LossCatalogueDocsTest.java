package dev.descent.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.ParamSpec;
import dev.descent.app.Descent;
import dev.descent.app.registry.Description;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code docs/losses.md} true to the built-in losses: a section per loss headed by its name and
 * aliases, naming each parameter, with the same "when to use" sentence that {@code descent describe} prints.
 */
class LossCatalogueDocsTest {
    private static final Path CATALOGUE = Path.of("..", "docs", "losses.md");

    static Stream<Description> builtInLosses() {
        return Descent.builder().build().losses().describeAll().stream().filter(d -> d.plugin() == null);
    }

    /** The text under {@code ### name ...} up to the next heading, with runs of whitespace made one space. */
    private static String section(Description loss) throws IOException {
        String heading = "### " + loss.name() + (loss.aliases().isEmpty() ? "" : " (" + String.join(", ",
                loss.aliases()) + ")") + "\n";
        String text = Files.readString(CATALOGUE);
        assertThat(text).as("docs/losses.md has a section '%s'", heading.strip()).contains(heading);
        int start = text.indexOf(heading) + heading.length();
        int end = text.indexOf("\n#", start);
        return text.substring(start, end < 0 ? text.length() : end).replaceAll("\\s+", " ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInLosses")
    void eachLossHasASectionWithItsWhenToUseSentence(Description loss) throws IOException {
        assertThat(loss.whenToUse()).isNotBlank();
        assertThat(section(loss)).contains("When to use: " + loss.whenToUse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInLosses")
    void eachParameterBesidesTheCommonReductionIsNamed(Description loss) throws IOException {
        String section = section(loss);
        List<String> missing = loss.params().stream()
                .map(ParamSpec::name)
                .filter(name -> !name.equals("reduction"))
                .filter(name -> !section.contains("`" + name + "`"))
                .toList();

        assertThat(missing).as("parameters of %s missing from its section", loss.name()).isEmpty();
    }
}
