package org.sitewatch.collectors.vmware.replication;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient reads of the gateways' JSON: absent, null and blank all count as absent. */
final class Json {

    private Json() {
    }

    /** A field's text (numbers as their digits), trimmed; null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** A whole number field; null when absent or not a number. */
    static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() && value.canConvertToLong() ? value.asLong() : null;
    }

    /** The text of {@code field}, or of its {@code message} when it is an object ({@code {message, details}}). */
    static String message(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.isObject()) {
            return text(value, "message");
        }
        return text(node, field);
    }
}
