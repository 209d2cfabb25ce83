package org.sitewatch.collectors.azure.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-tolerant reads of ARM's JSON, where absent and {@code null} mean the same. */
final class Json {

    private Json() {
    }

    /** The field as text; null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String text = v.asText();
        return text.isBlank() ? null : text;
    }

    /**
     * The field as a whole number, given as a JSON number or a numeric string; null when absent.
     *
     * @throws UnusableItemException naming the field when it is not a number
     */
    static Long number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return Math.round(v.asDouble());
        }
        String text = v.asText().trim();
        if (text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        throw new UnusableItemException(field + " '" + text + "' is not a number");
    }
}
