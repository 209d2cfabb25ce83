package org.sitewatch.audit.replay;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Json;
import org.sitewatch.events.SitewatchEvent;

/**
 * The canonical form of an audited event: one JSON object on one line, fields in this order:
 * <pre>{"id":..,"source":..,"type":..,"subject":..,"time":"2026-11-27T10:00:00Z","data":{..},
 *  "kafka":{"topic":"sitewatch.vm","partition":3,"offset":42}}</pre>
 * {@code data} is the record value exactly as the collector published it (compact JSON), so the
 * export shows what Kafka holds, unknown fields included; only a value spread over several lines is
 * re-written compactly. {@code time} is the CloudEvents time as an ISO-8601 instant in UTC. The
 * rendering is deterministic, which is what lets a verification re-render and compare byte by byte.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static byte[] render(SitewatchEvent e, byte[] rawData, String topic, int partition, long offset) {
        byte[] data = dataJson(e, rawData);
        // Written byte by byte rather than through a JSON generator: the data is copied as it is,
        // never decoded and re-encoded, which is most of a replay's work per record.
        Out out = new Out(160 + data.length + e.source().toString().length() + e.subject().length());
        out.raw("{\"id\":").string(e.id())
                .raw(",\"source\":").string(e.source().toString())
                .raw(",\"type\":").string(e.type().typeName())
                .raw(",\"subject\":").string(e.subject())
                .raw(",\"time\":").string(e.time().toString())
                .raw(",\"data\":").bytes(data)
                .raw(",\"kafka\":{\"topic\":").string(topic)
                .raw(",\"partition\":").raw(Integer.toString(partition))
                .raw(",\"offset\":").raw(Long.toString(offset))
                .raw("}}");
        return out.toByteArray();
    }

    /** Reads an event back from its canonical form. */
    public static SitewatchEvent parseEvent(byte[] canonical) {
        try {
            JsonNode n = Json.MAPPER.readTree(canonical);
            EventType type = EventType.fromTypeName(n.path("type").asText())
                    .orElseThrow(() -> new IllegalArgumentException("unknown type " + n.path("type")));
            EventData data = Json.MAPPER.treeToValue(n.get("data"), type.dataClass());
            return new SitewatchEvent(n.path("id").asText(), URI.create(n.path("source").asText()), type,
                    n.path("subject").asText(), Instant.parse(n.path("time").asText()), data);
        } catch (IOException ex) {
            throw new UncheckedIOException("not a canonical audit record", ex);
        }
    }

    /**
     * The bytes of the {@code data} value inside a canonical record, without parsing: between the
     * first {@code ,"data":} and the last {@code ,"kafka":{}. A quote inside a JSON string is always
     * escaped, so neither marker can occur inside the strings before or inside the data.
     */
    public static byte[] dataSlice(byte[] canonical) {
        int start = indexOf(canonical, DATA_MARKER, 0, true) + DATA_MARKER.length;
        int end = indexOf(canonical, KAFKA_MARKER, start, false);
        return Arrays.copyOfRange(canonical, start, end);
    }

    private static final byte[] DATA_MARKER = ",\"data\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KAFKA_MARKER = ",\"kafka\":{".getBytes(StandardCharsets.UTF_8);

    private static int indexOf(byte[] hay, byte[] needle, int from, boolean first) {
        // The data marker is near the start, the kafka marker near the end: search from that side.
        int last = hay.length - needle.length;
        for (int k = 0; k <= last - from; k++) {
            int i = first ? from + k : last - k;
            int j = 0;
            while (j < needle.length && hay[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a canonical audit record");
    }

    private static byte[] dataJson(SitewatchEvent e, byte[] rawData) {
        try {
            if (rawData == null) {
                return Json.bytes(e.data());
            }
            if (rawData.length == 0 || !compactOneLine(rawData)) {
                // One record per line: a value spread over lines is made compact, its content unchanged.
                return Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(rawData));
            }
            return rawData;
        } catch (IOException ex) {
            throw new UncheckedIOException("the record value is not JSON", ex);
        }
    }

    /** No line break anywhere, no white space around. */
    private static boolean compactOneLine(byte[] b) {
        if (isSpace(b[0]) || isSpace(b[b.length - 1])) {
            return false;
        }
        for (byte x : b) {
            if (x == '\n' || x == '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /**
     * A growing byte buffer with JSON string quoting. Not a ByteArrayOutputStream: its synchronized
     * write per byte costs more than the rest of the rendering.
     */
    private static final class Out {
        private byte[] buf;
        private int len;

        Out(int size) {
            buf = new byte[size];
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        Out raw(String ascii) {
            ensure(ascii.length());
            for (int i = 0; i < ascii.length(); i++) {
                buf[len++] = (byte) ascii.charAt(i);
            }
            return this;
        }

        Out bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
            return this;
        }

        Out string(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                    // Rare: let Jackson quote and encode the whole string.
                    return raw("\"").bytes(JsonStringEncoder.getInstance().quoteAsUTF8(s)).raw("\"");
                }
            }
            return raw("\"").raw(s).raw("\"");
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, len);
        }
    }
}
