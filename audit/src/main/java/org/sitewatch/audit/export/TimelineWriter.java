package org.sitewatch.audit.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.replay.AuditRecord;
import org.sitewatch.audit.EventTypes;
import org.sitewatch.events.SitewatchEvent;

/**
 * A timeline for people: a header line, then one line per event in event-time order (UTC):
 * <pre>2026-11-27T10:00:05Z  paris-dc1  replication.status  replication/paris-dc1/102-0  FAILED/CRITICAL  paris-dc1 -> paris-dc1, ...  [sitewatch.replication/3@42]</pre>
 * The bracket at the end says where Kafka keeps the event. Line breaks inside texts become spaces.
 */
final class TimelineWriter implements RecordWriter {

    private final ReplayRequest request;

    TimelineWriter(ReplayRequest request) {
        this.request = request;
    }

    @Override
    public void begin(OutputStream out) throws IOException {
        out.write(("# Sitewatch timeline: events with time in " + request.range() + ", filters: "
                + request.filter().describe() + "; in event-time order, UTC\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(AuditRecord record, OutputStream out) throws IOException {
        SitewatchEvent e = record.event();
        EventSummary s = EventSummary.of(e.data());
        String line = e.time() + "  " + e.site() + "  " + EventTypes.shortName(e.type()) + "  " + e.subject()
                + (s.name() == null || s.name().equals(e.data().entityId()) ? "" : " (" + s.name() + ")")
                + "  " + (s.state() == null ? "-" : s.state())
                + (s.detail() == null || s.detail().isEmpty() ? "" : "  " + s.detail())
                + "  [" + record.coordinates() + "]";
        out.write((oneLine(line) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
