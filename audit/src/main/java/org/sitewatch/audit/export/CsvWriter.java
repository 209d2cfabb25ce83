package org.sitewatch.audit.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sitewatch.audit.replay.AuditRecord;
import org.sitewatch.audit.replay.CanonicalJson;
import org.sitewatch.events.SitewatchEvent;

/**
 * CSV (RFC 4180: comma, CRLF line ends, double quotes around fields that need them) with the fixed
 * header {@link #HEADER}. The last column holds the event's JSON data exactly as in the JSON Lines
 * export, so no information is lost; the columns before it are for reading and sorting.
 */
final class CsvWriter implements RecordWriter {

    static final List<String> HEADER = List.of("time", "site", "platform", "type", "subject", "entity_id", "name",
            "state", "vendor_state", "detail", "id", "source", "topic", "partition", "offset", "data");

    @Override
    public void begin(OutputStream out) throws IOException {
        line(out, HEADER);
    }

    @Override
    public void write(AuditRecord record, OutputStream out) throws IOException {
        SitewatchEvent e = record.event();
        EventSummary s = EventSummary.of(e.data());
        line(out, List.of(e.time().toString(), e.site(), e.data().platform() == null ? "" : e.data().platform().wire(),
                e.type().typeName(), e.subject(), e.data().entityId(), nz(s.name()), nz(s.state()),
                nz(e.data().vendorState()), nz(s.detail()), e.id(), e.source().toString(), record.topic(),
                Integer.toString(record.partition()), Long.toString(record.offset()),
                new String(CanonicalJson.dataSlice(record.canonical()), StandardCharsets.UTF_8)));
    }

    private static void line(OutputStream out, List<String> fields) throws IOException {
        StringBuilder sb = new StringBuilder(512);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
