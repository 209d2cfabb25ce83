package org.sitewatch.collectors.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads oVirt's JSON fields. The engine (and RHV's documented examples) sends booleans and small
 * numbers either as JSON values or as strings ({@code "enabled":"true"}, {@code "priority":"1"}), so
 * every boolean and number goes through {@link #bool} and {@link #number}, which take both. A value
 * that is neither is a {@link BadRecordException} naming the field: the record is skipped, not the poll.
 */
final class OvirtJson {

    private OvirtJson() {
    }

    /** The field's text, or null when it is absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String text = v.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** An enum word in lower case as the engine writes it; null when absent. */
    static String word(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** {@code true}, {@code "true"} (any case), {@code false}, {@code "false"}; null when absent. */
    static Boolean bool(JsonNode node, String field) throws BadRecordException {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            String t = v.asText().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return t.equals("true");
            }
        }
        throw new BadRecordException(field + " is neither true nor false but " + v);
    }

    /** A whole number given as {@code 1} or {@code "1"}; null when absent. */
    static Long number(JsonNode node, String field) throws BadRecordException {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new BadRecordException(field + " is not a whole number but " + v);
    }

    /** A date: epoch milliseconds as a number or a string; null when absent. */
    static Instant time(JsonNode node, String field) throws BadRecordException {
        Long millis = number(node, field);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** The {@code id} of a link object such as {@code "host":{"href":"...","id":"..."}}; null when absent. */
    static String linkId(JsonNode node, String link) {
        JsonNode v = node == null ? null : node.get(link);
        return v == null || !v.isObject() ? null : text(v, "id");
    }

    /** The record's own id, required. */
    static String id(JsonNode node) throws BadRecordException {
        String id = text(node, "id");
        if (id == null) {
            throw new BadRecordException("it has no id");
        }
        return id;
    }
}
