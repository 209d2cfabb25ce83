package org.sitewatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Typed, path-aware access to one mapping of a parsed scenario document. Every accessor records
 * the field as known, so {@link #rejectUnknown()} can name misspelt fields; every error names the
 * full path ({@code sites[0].vms[2].node}). Package-private helper of the scenario parsers.
 */
final class YamlObject {

    private final JsonNode node;
    private final String path;
    private final Set<String> known = new HashSet<>();

    YamlObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new ScenarioException((path.isEmpty() ? "document" : path)
                    + ": must be a mapping (key: value pairs)");
        }
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    ScenarioException error(String field, String message) {
        return new ScenarioException(pathOf(field) + ": " + message);
    }

    boolean has(String field) {
        known.add(field);
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** The field's text without marking it known, or null; for look-ahead passes. */
    String peek(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /** The underlying mapping (a deep copy), for a look-ahead pass with its own field tracking. */
    JsonNode rawCopy() {
        return node.deepCopy();
    }

    /** Marks fields as allowed without reading them (they are read elsewhere). */
    void allow(String... fields) {
        known.addAll(List.of(fields));
    }

    String string(String field) {
        if (!has(field)) {
            throw error(field, "is required");
        }
        JsonNode v = node.get(field);
        if (!v.isValueNode()) {
            throw error(field, "must be a single value");
        }
        return v.asText();
    }

    String string(String field, String fallback) {
        return has(field) ? string(field) : fallback;
    }

    int integer(String field) {
        String text = string(field);
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw error(field, "must be an integer, got '" + text + "'");
        }
    }

    int integer(String field, int fallback) {
        return has(field) ? integer(field) : fallback;
    }

    Integer optionalInteger(String field) {
        return has(field) ? integer(field) : null;
    }

    Double optionalDouble(String field) {
        if (!has(field)) {
            return null;
        }
        String text = string(field);
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw error(field, "must be a number, got '" + text + "'");
        }
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        String text = string(field).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw error(field, "must be true or false, got '" + text + "'");
        };
    }

    Duration duration(String field) {
        String text = string(field);
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(field, e.getMessage());
        }
    }

    Duration duration(String field, Duration fallback) {
        return has(field) ? duration(field) : fallback;
    }

    /** A byte size: plain number of bytes or with a K/M/G/T suffix (powers of 1024). */
    long bytes(String field, long fallback) {
        if (!has(field)) {
            return fallback;
        }
        String text = string(field).trim().toUpperCase(Locale.ROOT);
        long factor = 1;
        String digits = text;
        int idx = "KMGT".indexOf(text.isEmpty() ? ' ' : text.charAt(text.length() - 1));
        if (idx >= 0) {
            factor = 1L << (10 * (idx + 1));
            digits = text.substring(0, text.length() - 1);
        }
        try {
            return Long.parseLong(digits) * factor;
        } catch (NumberFormatException e) {
            throw error(field, "must be a byte size like 4096, 512M or 8G, got '" + text + "'");
        }
    }

    /** The list under {@code field}, an empty one when absent; anything but a list is an error. */
    private JsonNode listAt(String field) {
        if (!has(field)) {
            return JsonNodeFactory.instance.arrayNode();
        }
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            throw error(field, "must be a list");
        }
        return v;
    }

    /** The list of mappings under {@code field}; empty when absent. */
    List<YamlObject> objects(String field) {
        List<YamlObject> out = new ArrayList<>();
        JsonNode v = listAt(field);
        for (int i = 0; i < v.size(); i++) {
            out.add(new YamlObject(v.get(i), pathOf(field) + "[" + i + "]"));
        }
        return out;
    }

    /** The list of single values under {@code field}; empty when absent. */
    List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = listAt(field);
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isValueNode()) {
                throw new ScenarioException(pathOf(field) + "[" + i + "]: must be a single value");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** The mapping under {@code field}, or null when absent. */
    YamlObject object(String field) {
        return has(field) ? new YamlObject(node.get(field), pathOf(field)) : null;
    }

    /** Fails on the first field no accessor asked for. */
    void rejectUnknown() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                List<String> allowed = new ArrayList<>(known);
                allowed.sort(null);
                throw error(name, "unknown field (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }
}
