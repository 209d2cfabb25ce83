package org.sitewatch.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.Json;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.testsupport.TestEvents;

class CanonicalJsonTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00.250Z");
    private final SitewatchEvent event = TestEvents.at(T, TestEvents.failed("paris-dc1", "102-0", "london-dr", 900, T.minusSeconds(60)));

    @Test
    void shouldWriteOneLineWithFixedFieldOrderAndTheRecordValueAsData() {
        byte[] raw = Json.bytes(event.data());
        String line = new String(CanonicalJson.render(event, raw, "sitewatch.replication", 4, 17), StandardCharsets.UTF_8);

        assertThat(line).startsWith("{\"id\":\"" + event.id() + "\",\"source\":\"/sitewatch/collectors/proxmox/paris-dc1\","
                + "\"type\":\"org.sitewatch.replication.status.v1\",\"subject\":\"replication/paris-dc1/102-0\","
                + "\"time\":\"2026-11-27T10:00:00.250Z\",\"data\":" + new String(raw, StandardCharsets.UTF_8) + ",");
        assertThat(line).endsWith(",\"kafka\":{\"topic\":\"sitewatch.replication\",\"partition\":4,\"offset\":17}}");
        assertThat(line).doesNotContain("\n");
        assertThat(CanonicalJson.dataSlice(line.getBytes(StandardCharsets.UTF_8))).isEqualTo(raw);
        assertThat(CanonicalJson.parseEvent(line.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    }

    @Test
    void shouldKeepUnknownFieldsOfTheValueAndCompactAValueSpreadOverLines() {
        String pretty = "{\n  \"site\" : \"paris-dc1\",\n  \"futureField\" : 1\n}";
        String line = new String(CanonicalJson.render(event, pretty.getBytes(StandardCharsets.UTF_8), "t", 0, 0),
                StandardCharsets.UTF_8);
        assertThat(line).contains("\"data\":{\"site\":\"paris-dc1\",\"futureField\":1}");
    }

    @Test
    void shouldQuoteTextThatNeedsEscapingAndKeepItReadable() {
        SitewatchEvent odd = new SitewatchEvent("vendor \"id\" \\ é\n", java.net.URI.create("/sitewatch/collectors/x/paris-dc1"),
                event.type(), event.subject(), T, event.data());
        byte[] line = CanonicalJson.render(odd, null, "sitewatch.replication", 0, 1);
        assertThat(new String(line, StandardCharsets.UTF_8)).startsWith("{\"id\":\"vendor \\\"id\\\" \\\\ é\\n\",");
        assertThat(CanonicalJson.parseEvent(line).id()).isEqualTo("vendor \"id\" \\ é\n");
    }
}
