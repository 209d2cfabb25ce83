package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Lenient readers for PVE's JSON: Perl sends booleans as {@code 0}/{@code 1} (sometimes as
 * {@code true}/{@code false}, or as strings), numbers sometimes as strings, and leaves optional
 * fields out. Missing optional fields read as null; a required one missing is a {@link BadRecordException}.
 */
final class PveJson {

    private PveJson() {
    }

    /** The entries of a list answer; anything but an array means the answer is unusable. */
    static List<JsonNode> list(JsonNode data, String what) throws CollectorException {
        if (data == null || !data.isArray()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    what + " did not answer a list but " + (data == null ? "nothing" : data.getNodeType()), null);
        }
        List<JsonNode> entries = new ArrayList<>(data.size());
        data.forEach(entries::add);
        return entries;
    }

    /** A text field, numbers included; null when missing, null or empty. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    static String requiredText(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            throw new BadRecordException("required field '" + field + "' is missing");
        }
        return s;
    }

    /** {@code 0/1}, {@code true/false}, or those as strings; null when missing; else a bad record. */
    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue() != 0;
        }
        switch (v.asText().trim().toLowerCase(Locale.ROOT)) {
            case "1":
            case "true":
                return Boolean.TRUE;
            case "0":
            case "false":
            case "":
                return Boolean.FALSE;
            default:
                throw new BadRecordException("field '" + field + "' is not a boolean: '" + v.asText() + "'");
        }
    }

    /** An integer, also when sent as a string or a float; null when missing. */
    static Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.longValue();
        }
        try {
            return (long) Double.parseDouble(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new BadRecordException("field '" + field + "' is not a number: '" + v.asText() + "'");
        }
    }

    /** An epoch-seconds field where 0 means "never": null for 0 or missing; past {@link Instant#MAX} a bad record. */
    static Instant epochSeconds(JsonNode node, String field) {
        Long s = number(node, field);
        if (s == null || s <= 0) {
            return null;
        }
        if (s > Instant.MAX.getEpochSecond()) {
            throw new BadRecordException("field '" + field + "' is no time: " + s + " seconds");
        }
        return Instant.ofEpochSecond(s);
    }

    static Integer integer(JsonNode node, String field) {
        Long v = number(node, field);
        return v == null ? null : Math.toIntExact(v);
    }
}
