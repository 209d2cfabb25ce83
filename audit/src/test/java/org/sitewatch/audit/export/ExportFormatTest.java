package org.sitewatch.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.audit.EventFilter;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.TimeRange;
import org.sitewatch.audit.replay.AuditRecord;
import org.sitewatch.events.Json;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.testsupport.TestEvents;

class ExportFormatTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    private static final ReplayRequest REQUEST = ReplayRequest.of(new TimeRange(T, T.plusSeconds(3600)),
            EventFilter.of(List.of("paris-dc1"), null, null, null, null, null));
    private final SitewatchEvent failed = TestEvents.at(T, TestEvents.failed("paris-dc1", "102-0", "london-dr", 900, T.minusSeconds(60)));
    private final AuditRecord record = AuditRecord.of("sitewatch.replication", 3, 42, failed, Json.bytes(failed.data()));

    private String render(ExportFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportOutcome outcome = Exporter.write(List.of(record).iterator(), format.writer(REQUEST), out);
        assertThat(outcome.records()).isEqualTo(1);
        assertThat(outcome.bytes()).isEqualTo(out.size());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteTheCanonicalLineAsJsonLines() throws Exception {
        assertThat(render(ExportFormat.JSONL)).isEqualTo(new String(record.canonical(), StandardCharsets.UTF_8) + "\n");
    }

    @Test
    void shouldWriteCsvWithAFixedHeaderAndTheDataLast() throws Exception {
        String[] lines = render(ExportFormat.CSV).split("\r\n");
        assertThat(lines[0]).isEqualTo("time,site,platform,type,subject,entity_id,name,state,vendor_state,detail,id,source,topic,partition,offset,data");
        assertThat(lines[1]).startsWith("2026-11-27T10:00:00Z,paris-dc1,proxmox,org.sitewatch.replication.status.v1,"
                + "replication/paris-dc1/102-0,102-0,vm-102-0,FAILED/CRITICAL,failed,\"paris-dc1 -> london-dr, pvesr,");
        assertThat(lines[1]).contains(",sitewatch.replication,3,42,\"{\"\"site\"\":\"\"paris-dc1\"\"");
    }

    @Test
    void shouldWriteAHumanTimelineThatSaysWhereKafkaKeepsEachEvent() throws Exception {
        String[] lines = render(ExportFormat.TIMELINE).split("\n");
        assertThat(lines[0]).isEqualTo("# Sitewatch timeline: events with time in [2026-11-27T10:00:00Z, 2026-11-27T11:00:00Z), "
                + "filters: site=paris-dc1; in event-time order, UTC");
        assertThat(lines[1]).startsWith("2026-11-27T10:00:00Z  paris-dc1  replication.status  replication/paris-dc1/102-0 (vm-102-0)  FAILED/CRITICAL  ")
                .contains("command 'zfs recv' failed").endsWith("[sitewatch.replication/3@42]");
    }

    @Test
    void shouldAcceptFormatNamesAndExplainUnknownOnes() {
        assertThat(ExportFormat.parse("NDJSON")).isEqualTo(ExportFormat.JSONL);
        assertThatThrownBy(() -> ExportFormat.parse("xml")).hasMessage("unknown format 'xml': use jsonl, csv, timeline");
    }
}
