package dev.descent.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.api.Schedule;
import dev.descent.api.ScheduleProvider;
import dev.descent.optim.BuiltIns;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schedule against PyTorch: replays each case of {@code fixtures/schedules/<schedule>.json}, written by
 * {@code tools/fixtures/generate_schedule_fixtures.py} (see {@code tools/fixtures/README.md}). Each case creates
 * the schedule from its spec, as the host would, and compares {@code learningRate(t, initial_lr)} with the
 * rate PyTorch's scheduler gave after {@code t} steps; for {@code reduce_on_plateau} the case's metric of each
 * epoch is observed in between.
 *
 * <p>Tolerance: {@code |actual - expected| <= 1e-12 |expected|}; a rate PyTorch gives as exactly 0 must be
 * within 1e-18 of 0 (a cosine reaching its minimum gives cos(pi) + 1, which both sides round to 0, but a JDK
 * and a C library may round cos differently by an ulp elsewhere). Where PyTorch steps a recursive form and
 * Descent a closed one, the two differ by rounding only: measured when the fixtures were made, by under 1e-14
 * relative over 2100 steps.
 */
class ScheduleFixtureTest {
    private static final String FOLDER = "fixtures/schedules";
    private static final double RELATIVE_TOLERANCE = 1e-12;
    private static final double ZERO_TOLERANCE = 1e-18;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case of a fixture file; {@code metrics} is empty but for {@code reduce_on_plateau}. */
    record FixtureCase(String schedule, String name, String spec, String interval, double initialLr, double[] rates,
            double[] metrics) {}

    static Stream<Named<FixtureCase>> cases() throws IOException {
        List<Named<FixtureCase>> cases = new ArrayList<>();
        for (Path file : fixtureFiles()) {
            JsonNode root = JSON.readTree(file.toFile());
            String schedule = root.get("schedule").asText();
            for (JsonNode node : root.get("cases")) {
                FixtureCase fixture = new FixtureCase(schedule, node.get("name").asText(), node.get("spec").asText(),
                        node.get("interval").asText(), root.get("initial_lr").asDouble(), doubles(node.get("rates")),
                        node.has("metrics") ? doubles(node.get("metrics")) : new double[0]);
                cases.add(Named.of(schedule + ": " + fixture.name(), fixture));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRateAgreesWithPyTorch(FixtureCase fixture) {
        Schedule schedule = BuiltIns.schedule(fixture.spec());

        double[] expected = fixture.rates();
        for (int t = 0; t < expected.length; t++) {
            double bound = expected[t] == 0 ? ZERO_TOLERANCE : RELATIVE_TOLERANCE * Math.abs(expected[t]);
            assertThat(schedule.learningRate(t, fixture.initialLr()))
                    .as("%s (%s): rate at t=%d of %d", fixture.name(), fixture.spec(), t, expected.length)
                    .isCloseTo(expected[t], within(bound));
            if (t < fixture.metrics().length) {
                schedule.observe(fixture.metrics()[t]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void intervalIsTheOneTheCaseIsSteppedAt(FixtureCase fixture) {
        assertThat(BuiltIns.schedule(fixture.spec()).interval().word()).as(fixture.spec())
                .isEqualTo(fixture.interval());
    }

    @Test
    void everyRegisteredScheduleHasAFixtureFile() throws IOException {
        List<String> files = fixtureFiles().stream().map(file -> file.getFileName().toString()).toList();

        assertThat(BuiltIns.scheduleProviders().stream().map(provider -> provider.name() + ".json"))
                .as("schedules found by ServiceLoader without a fixture file in %s; add the schedule to"
                        + " tools/fixtures/generate_schedule_fixtures.py and run it", FOLDER)
                .isSubsetOf(files);
    }

    @Test
    void everyFixtureFileNamesARegisteredSchedule() throws IOException {
        List<String> names = BuiltIns.scheduleProviders().stream().map(ScheduleProvider::name).toList();

        assertThat(fixtureFiles()).extracting(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                .as("fixture files in %s whose schedule is not registered", FOLDER)
                .isSubsetOf(names);
    }

    private static List<Path> fixtureFiles() throws IOException {
        URL folder = ScheduleFixtureTest.class.getClassLoader().getResource(FOLDER);
        assertThat(folder).as("the test resource folder %s", FOLDER).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resources at '" + folder + "' are not a folder", e);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
