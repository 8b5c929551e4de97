package dev.descent.app.plugin.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The placeholder syntax of the scaffold's templates ({@link Templates}). */
class PluginScaffoldTemplatesTest {

    @Test
    void replacesEachPlaceholderWithItsValue() {
        String rendered = Templates.render("t", "class {{className}} is '{{name}}', {{name}} again",
                Map.of("className", "LogCosh", "name", "log_cosh"));

        assertThat(rendered).isEqualTo("class LogCosh is 'log_cosh', log_cosh again");
    }

    @Test
    void writesAMavenExpressionForAnMvnPlaceholder() {
        String rendered = Templates.render("t", "<version>{{mvn:project.version}}</version>", Map.of());

        assertThat(rendered).isEqualTo("<version>${project.version}</version>");
    }

    @Test
    void takesValuesLiterallyEvenWithDollarsAndBackslashes() {
        String rendered = Templates.render("t", "[{{x}}]", Map.of("x", "$1 \\n"));

        assertThat(rendered).isEqualTo("[$1 \\n]");
    }

    @Test
    void leavesBracesThatAreNotPlaceholdersAlone() {
        String rendered = Templates.render("t", "{ {@code x} } ${HOME}", Map.of());

        assertThat(rendered).isEqualTo("{ {@code x} } ${HOME}");
    }

    @Test
    void refusesAnUnknownPlaceholderNamingTheTemplate() {
        assertThatThrownBy(() -> Templates.render("pom.xml.tmpl", "{{nmae}}", Map.of("name", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("scaffold template 'pom.xml.tmpl' has an unknown placeholder '{{nmae}}'; known:"
                        + " name");
    }

    @Test
    void refusesAMissingTemplate() {
        assertThatThrownBy(() -> Templates.text("nope.tmpl"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("scaffold template 'nope.tmpl' is missing");
    }
}
