package org.sitewatch.collectors.citrix.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads Monitor Service fields that may arrive in more than one JSON form: an integer as a JSON
 * number or as a string of digits (OData's IEEE754Compatible format and some gateways send
 * strings), a boolean as {@code true} or {@code "true"}. Absent and {@code null} read as absent;
 * anything else is an {@link UnusableMachineException} naming the field and the value.
 */
final class ODataValues {

    private ODataValues() {
    }

    /** The integer in {@code field}, or null when the field is absent or null. */
    static Integer integer(JsonNode record, String field) throws UnusableMachineException {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual() && value.asText().trim().matches("-?\\d{1,9}")) {
            return Integer.parseInt(value.asText().trim());
        }
        throw new UnusableMachineException(field + " is not a whole number but " + value);
    }

    /** The boolean in {@code field}, or {@code fallback} when absent or null. */
    static boolean bool(JsonNode record, String field, boolean fallback) throws UnusableMachineException {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().trim();
        if (value.isTextual() && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw new UnusableMachineException(field + " is not true or false but " + value);
    }

    /** The text in {@code field}, or null when absent, null or blank. */
    static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            return null;
        }
        return value.asText();
    }
}
