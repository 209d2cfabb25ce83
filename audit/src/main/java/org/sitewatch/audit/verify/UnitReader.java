package org.sitewatch.audit.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitewatch.audit.export.ExportFormat;
import org.sitewatch.audit.replay.AuditRecord;
import org.sitewatch.events.Json;

/**
 * Splits an export into {@link Unit}s and reads each unit's Kafka coordinates, per format: the
 * {@code kafka} object of a JSON line, the topic/partition/offset columns of a CSV row (quoted fields
 * may span lines), the bracket at the end of a timeline line. A unit that does not parse gets no key,
 * which the comparison reports as not a record of the export.
 */
final class UnitReader implements Iterator<Unit> {

    private static final Pattern TIMELINE_KEY = Pattern.compile("\\[([^\\[\\]/]+/\\d+@\\d+)]$");
    /** Positions of topic, partition and offset in the CSV header. */
    private static final int CSV_TOPIC = 12;

    private final BufferedReader in;
    private final ExportFormat format;
    private long number;
    private Unit next;

    UnitReader(BufferedReader in, ExportFormat format) {
        this.in = in;
        this.format = format;
        advance();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public Unit next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        Unit u = next;
        advance();
        return u;
    }

    private void advance() {
        try {
            String text = format == ExportFormat.CSV ? csvRecord() : in.readLine();
            if (text == null) {
                next = null;
                return;
            }
            number++;
            next = new Unit(number, keyOf(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String keyOf(String text) {
        switch (format) {
            case JSONL:
                return jsonKey(text);
            case CSV:
                if (number == 1) {
                    return Unit.HEADER;
                }
                List<String> fields = csvFields(text);
                return fields.size() > CSV_TOPIC + 2 && fields.get(CSV_TOPIC + 1).matches("\\d+") && fields.get(CSV_TOPIC + 2).matches("\\d+")
                        ? AuditRecord.coordinates(fields.get(CSV_TOPIC), Integer.parseInt(fields.get(CSV_TOPIC + 1)),
                                Long.parseLong(fields.get(CSV_TOPIC + 2)))
                        : null;
            default:
                if (text.startsWith("#")) {
                    return Unit.HEADER;
                }
                Matcher m = TIMELINE_KEY.matcher(text);
                return m.find() ? m.group(1) : null;
        }
    }

    private static String jsonKey(String line) {
        try {
            JsonNode k = Json.MAPPER.readTree(line).path("kafka");
            if (!k.path("topic").isTextual() || !k.path("partition").canConvertToInt() || !k.path("offset").canConvertToLong()) {
                return null;
            }
            return AuditRecord.coordinates(k.path("topic").asText(), k.path("partition").asInt(), k.path("offset").asLong());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One CSV record, CRLF removed, joining physical lines while a quoted field is open. */
    private String csvRecord() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        StringBuilder record = new StringBuilder(line);
        while (quotesOpen(record) ) {
            String more = in.readLine();
            if (more == null) {
                break;
            }
            record.append('\n').append(more);
        }
        return record.toString();
    }

    private static boolean quotesOpen(CharSequence s) {
        long quotes = s.chars().filter(c -> c == '"').count();
        return quotes % 2 == 1;
    }

    static List<String> csvFields(String record) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
