package org.sitewatch.collectors.azure.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The date-time forms ARM and ASR write, and ASR's "never" sentinels. */
class AsrTimesTest {

    private static JsonNode field(String json) throws Exception {
        return new ObjectMapper().readTree("{\"t\":" + json + "}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"2025-01-01T09:05:00Z\"|2025-01-01T09:05:00Z",
        "\"2025-01-01T09:05:00.1234567Z\"|2025-01-01T09:05:00.123456700Z",
        "\"2025-01-01T08:00:00+00:00\"|2025-01-01T08:00:00Z",
        "\"2025-01-01T10:00:00+02:00\"|2025-01-01T08:00:00Z",
        "\"2025-01-01T09:05:00\"|2025-01-01T09:05:00Z",
        "\"2025-01-01T09:05:00.5\"|2025-01-01T09:05:00.500Z"})
    void shouldReadEveryDateTimeForm(String json, Instant expected) throws Exception {
        assertThat(AsrTimes.parse(field(json), "t")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"1753-01-01T01:01:01Z\"", "\"0001-01-01T00:00:00\"", "\"0001-01-01T00:00:00Z\""})
    void shouldReadAbsentValuesAndSentinelsAsNever(String json) throws Exception {
        assertThat(AsrTimes.parse(field(json), "t")).isNull();
        assertThat(AsrTimes.parse(field(json), "absent")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yesterday\"", "\"/Date(1735722300000)/\"", "12345"})
    void shouldRefuseAnythingElseNamingTheField(String json) {
        assertThatThrownBy(() -> AsrTimes.parse(field(json), "t"))
                .isInstanceOf(UnusableItemException.class).hasMessageStartingWith("t '").hasMessageContaining("ISO 8601");
    }
}
