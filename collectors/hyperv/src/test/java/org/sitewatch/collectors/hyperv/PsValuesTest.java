package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every date and TimeSpan form PowerShell writes, read from JSON text as it arrives. */
class PsValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NEW_YEAR = Instant.parse("2025-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"d\": \"\\/Date(1735689600000)\\/\"}",
        "{\"d\": \"/Date(1735689600000)/\"}",
        "{\"d\": \"\\/Date(1735689600000+0100)\\/\"}",
        "{\"d\": {\"value\": \"\\/Date(1735689600000)\\/\", \"DisplayHint\": 2, \"DateTime\": \"Wednesday, 1 January 2025 01:00:00\"}}",
        "{\"d\": \"2025-01-01T00:00:00Z\"}",
        "{\"d\": \"2025-01-01T00:00:00.0000000Z\"}",
        "{\"d\": \"2025-01-01T01:00:00.0000000+01:00\"}",
        "{\"d\": \"2025-01-01T00:00:00\"}",
    })
    void shouldReadEveryDateForm(String json) throws Exception {
        assertThat(PsValues.date(JSON.readTree(json), "d")).isEqualTo(NEW_YEAR);
    }

    @Test
    void shouldReadAbsentDatesAsNullAndRefuseOthersNamingTheField() throws Exception {
        assertThat(PsValues.date(JSON.readTree("{\"d\": null}"), "d")).isNull();
        assertThat(PsValues.date(JSON.readTree("{}"), "d")).isNull();
        assertThatThrownBy(() -> PsValues.date(JSON.readTree("{\"LastReplicationTime\": \"yesterday\"}"),
                "LastReplicationTime"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LastReplicationTime 'yesterday' is neither /Date(ms)/ nor ISO-8601");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"t\": {\"Ticks\": 935000000, \"Days\": 0, \"Hours\": 0, \"Minutes\": 1, \"Seconds\": 33, \"TotalSeconds\": 93.5}}",
        "{\"t\": {\"Ticks\": 935000000}}",
        "{\"t\": \"00:01:33.5000000\"}",
        "{\"t\": \"00:01:33.5\"}",
        "{\"t\": 93.5}",
        "{\"t\": \"93.5\"}",
    })
    void shouldReadEveryTimeSpanForm(String json) throws Exception {
        assertThat(PsValues.seconds(JSON.readTree(json), "t")).isEqualTo(93.5);
    }

    @Test
    void shouldReadDaysAndNegativeTimeSpans() throws Exception {
        assertThat(PsValues.seconds(JSON.readTree("{\"t\": \"1.02:00:00\"}"), "t")).isEqualTo(93_600.0);
        assertThat(PsValues.seconds(JSON.readTree("{\"t\": \"-00:00:05\"}"), "t")).isEqualTo(-5.0);
        assertThatThrownBy(() -> PsValues.seconds(JSON.readTree("{\"AverageReplicationLatency\": \"soon\"}"),
                "AverageReplicationLatency"))
                .hasMessageContaining("AverageReplicationLatency 'soon' is not a TimeSpan");
    }

    @Test
    void shouldReadNumbersBooleansAndListsLeniently() throws Exception {
        JsonNode node = JSON.readTree("{\"n\": \"300\", \"b\": 1, \"c\": \"False\", \"one\": \"only\", \"many\": [\"a\", null, \"b\"]}");

        assertThat(PsValues.number(node, "n")).isEqualTo(300L);
        assertThat(PsValues.bool(node, "b")).isTrue();
        assertThat(PsValues.bool(node, "c")).isFalse();
        assertThat(PsValues.strings(node, "one")).containsExactly("only");
        assertThat(PsValues.strings(node, "many")).containsExactly("a", "b");
        assertThatThrownBy(() -> PsValues.number(JSON.readTree("{\"ReplicationFrequencySec\": \"often\"}"),
                "ReplicationFrequencySec")).hasMessage("ReplicationFrequencySec 'often' is not a number");
    }
}
