package org.sitewatch.collectors.oraclevm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads fields of Oracle VM objects leniently where a value's meaning is unambiguous: a boolean
 * may come as {@code true} or as the string {@code "true"}, a text as a number, and a reference
 * as an ID object or (a client-side shortcut some tools use) as the bare id string. Anything else
 * of the wrong kind is an {@link OvmRecordException} naming the field.
 */
final class OvmFields {

    private OvmFields() {
    }

    /** A text field; numbers and booleans as their text; null when missing or null. */
    static String text(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        throw new OvmRecordException("field '" + field + "' is " + v.getNodeType().name().toLowerCase(Locale.ROOT)
                + ", not text");
    }

    /** A boolean: {@code true}/{@code false}, or those words as strings (any case); null when missing. */
    static Boolean bool(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText().toLowerCase(Locale.ROOT));
        }
        throw new OvmRecordException("field '" + field + "' is not a boolean: " + v);
    }

    /** A reference; null when missing or null. */
    static OvmRef ref(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return idObject(v, field);
    }

    /** A list of references; empty when missing or null. */
    static List<OvmRef> refs(JsonNode object, String field) {
        JsonNode v = object.get(field);
        List<OvmRef> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new OvmRecordException("field '" + field + "' is not a list of ID objects");
        }
        for (JsonNode item : v) {
            if (!item.isNull()) {
                out.add(idObject(item, field));
            }
        }
        return out;
    }

    private static OvmRef idObject(JsonNode v, String field) {
        if (v.isTextual() && !v.asText().isBlank()) {
            return new OvmRef(null, v.asText(), null, null);
        }
        if (!v.isObject()) {
            throw new OvmRecordException("field '" + field + "' is not an ID object: " + v);
        }
        String value = text(v, "value");
        if (value == null || value.isBlank()) {
            throw new OvmRecordException("field '" + field + "' is an ID object without a value");
        }
        return new OvmRef(text(v, "type"), value, text(v, "uri"), text(v, "name"));
    }

    /** The object's own id ({@code id}, an ID object); required. */
    static OvmRef id(JsonNode object) {
        OvmRef id = ref(object, "id");
        if (id == null) {
            throw new OvmRecordException("required field 'id' is missing");
        }
        return id;
    }
}
