package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiVersionTest {

    @Test
    void theCurrentVersionIsTheOneTheBuildStampsIntoManifests() throws IOException {
        Properties build = new Properties();
        try (InputStream in = ApiVersionTest.class.getResourceAsStream("/build.properties")) {
            assertThat(in).as("build.properties on the test class path").isNotNull();
            build.load(in);
        }

        assertThat(build.getProperty("descent.api.version"))
                .as("descent.api.version, filtered in by Maven")
                .doesNotContain("${")
                .isEqualTo(ApiVersion.CURRENT.toString());
    }

    @Test
    void parseReadsMajorAndMinor() {
        assertThat(ApiVersion.parse("1.0")).isEqualTo(new ApiVersion(1, 0));
    }

    @Test
    void parseReadsNumbersOfSeveralDigits() {
        assertThat(ApiVersion.parse("12.34")).isEqualTo(new ApiVersion(12, 34));
    }

    @Test
    void parseIgnoresSurroundingWhitespace() {
        assertThat(ApiVersion.parse(" 2.3\n")).isEqualTo(new ApiVersion(2, 3));
    }

    @Test
    void toStringParsesBack() {
        ApiVersion version = new ApiVersion(3, 14);

        assertThat(ApiVersion.parse(version.toString())).isEqualTo(version);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "1", "1.", ".1", "1.0.0", "a.b", "1.x", "v1.0", "1,0", "1. 0", "-1.0", "1.-0",
            "+1.0", "1.+2", "99999999999.0"})
    void malformedTextIsRefusedWithAMessageQuotingIt(String text) {
        assertThatThrownBy(() -> ApiVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed API version '" + text + "'; expected MAJOR.MINOR, e.g. " + ApiVersion.CURRENT);
    }

    @Test
    void negativeNumbersAreRefused() {
        assertThatThrownBy(() -> new ApiVersion(1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @ParameterizedTest(name = "{0} accepts a plugin built against {1}: {2}")
    @CsvSource({
            "1.0, 1.0, true",
            "1.3, 1.3, true",
            "1.3, 1.0, true",
            "1.3, 1.2, true",
            "1.3, 1.4, false",
            "1.0, 2.0, false",
            "2.0, 1.0, false",
            "2.5, 1.9, false",
            "1.9, 2.0, false",
    })
    void aPluginIsAcceptedWhenMajorsAreEqualAndItsMinorIsNotNewer(String running, String plugin, boolean accepted) {
        assertThat(ApiVersion.parse(running).accepts(ApiVersion.parse(plugin))).isEqualTo(accepted);
    }

    @Test
    void theCurrentVersionAcceptsItself() {
        assertThat(ApiVersion.CURRENT.accepts(ApiVersion.CURRENT)).isTrue();
    }

    @Test
    void versionsOrderByMajorThenMinor() {
        assertThat(new ApiVersion(1, 9)).isLessThan(new ApiVersion(2, 0));
        assertThat(new ApiVersion(1, 2)).isLessThan(new ApiVersion(1, 10));
        assertThat(new ApiVersion(1, 2)).isEqualByComparingTo(new ApiVersion(1, 2));
    }

    @Test
    void theManifestAttributeIsNamedAsTheDesignSays() {
        assertThat(ApiVersion.MANIFEST_ATTRIBUTE).isEqualTo("Descent-Api-Version");
    }
}
