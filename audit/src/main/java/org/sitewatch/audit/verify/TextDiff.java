package org.sitewatch.audit.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.sitewatch.audit.export.ExportFormat;
import org.sitewatch.events.Json;

/**
 * Says how a changed unit differs from what Kafka holds: the JSON paths (JSON Lines, state JSON),
 * the CSV columns, or both texts (timeline, table).
 */
final class TextDiff {

    static final int MAX_PATHS = 5;

    private TextDiff() {
    }

    static String describe(ExportFormat format, String csvHeader, String expected, String actual) {
        if (format == ExportFormat.JSONL) {
            return json(expected, actual);
        }
        if (format == ExportFormat.CSV && csvHeader != null) {
            return csv(csvHeader, expected, actual);
        }
        return "file has " + Alignment.snippet(actual) + ", Kafka gives " + Alignment.snippet(expected);
    }

    static String json(String expected, String actual) {
        try {
            List<String> diffs = new ArrayList<>();
            diff("", Json.MAPPER.readTree(expected), Json.MAPPER.readTree(actual), diffs);
            return diffs.isEmpty() ? "same JSON content, different spelling (" + Alignment.snippet(actual) + ")"
                    : String.join("; ", diffs.subList(0, Math.min(MAX_PATHS, diffs.size())))
                    + (diffs.size() > MAX_PATHS ? "; and " + (diffs.size() - MAX_PATHS) + " more" : "");
        } catch (Exception e) {
            return "not valid JSON: " + Alignment.snippet(actual);
        }
    }

    /** Collects {@code path: file X, Kafka Y} for every leaf that differs. */
    static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected != null && actual != null && expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(path.isEmpty() ? n : path + "." + n, expected.get(n), actual.get(n), out);
            }
        } else if (expected != null && actual != null && expected.isArray() && actual.isArray()
                && expected.size() == actual.size()) {
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                diff(path + "[" + i + "]", e.next(), a.next(), out);
            }
        } else if (expected == null || actual == null || !expected.equals(actual)) {
            out.add((path.isEmpty() ? "(document)" : path) + ": file " + (actual == null ? "has none" : actual)
                    + ", Kafka " + (expected == null ? "has none" : expected));
        }
    }

    private static String csv(String header, String expected, String actual) {
        List<String> names = UnitReader.csvFields(header);
        List<String> e = UnitReader.csvFields(expected);
        List<String> a = UnitReader.csvFields(actual);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String ev = i < e.size() ? e.get(i) : null;
            String av = i < a.size() ? a.get(i) : null;
            if (ev == null || !ev.equals(av)) {
                String col = i < names.size() ? names.get(i) : "column " + (i + 1);
                diffs.add(col + ": file " + (av == null ? "has none" : Alignment.snippet(av)) + ", Kafka "
                        + (ev == null ? "has none" : Alignment.snippet(ev)));
            }
        }
        return diffs.isEmpty() ? "different quoting" : String.join("; ", diffs.subList(0, Math.min(MAX_PATHS, diffs.size())));
    }
}
