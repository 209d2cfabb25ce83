package org.sitewatch.simulator.citrix;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData query options the simulated Monitor Service honours on an entity set: {@code $filter}
 * of the form {@code <Field> eq <integer>} (e.g. {@code LifecycleState eq 0}), {@code $select},
 * {@code $expand} of one navigation property with a nested {@code $select}, and {@code $skip} (what
 * its next links use). Anything else in {@code $filter} or an unknown option is refused, as a real
 * service refuses a query it cannot parse.
 */
record ODataQuery(String filterField, Integer filterValue, Set<String> select, String expand, Set<String> expandSelect,
                  int skip, String rawWithoutSkip) {

    private static final Pattern FILTER = Pattern.compile("(\\w+) eq (-?\\d+)");
    private static final Pattern EXPAND = Pattern.compile("(\\w+)(?:\\(\\$select=([\\w,]+)\\))?");
    /** Navigation properties: only in an answer when expanded. */
    private static final Set<String> NAVIGATION = Set.of("DesktopGroup");
    private static final Set<String> OPTIONS = Set.of("$filter", "$select", "$expand", "$skip", "$count");

    /** @throws IllegalArgumentException with the text an OData error carries */
    static ODataQuery parse(String rawQuery) {
        Map<String, String> options = new LinkedHashMap<>();
        StringBuilder withoutSkip = new StringBuilder();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!OPTIONS.contains(key)) {
                    throw new IllegalArgumentException("The query parameter '" + key + "' is not supported.");
                }
                options.put(key, value);
                if (!key.equals("$skip")) {
                    withoutSkip.append(withoutSkip.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        String field = null;
        Integer value = null;
        if (options.containsKey("$filter")) {
            Matcher f = FILTER.matcher(options.get("$filter").trim());
            if (!f.matches()) {
                throw new IllegalArgumentException("The query specified in the URI is not valid: $filter '"
                        + options.get("$filter") + "' (the simulator takes '<Field> eq <integer>')");
            }
            field = f.group(1);
            value = Integer.parseInt(f.group(2));
        }
        String expand = null;
        Set<String> expandSelect = Set.of();
        if (options.containsKey("$expand")) {
            Matcher e = EXPAND.matcher(options.get("$expand").trim());
            if (!e.matches()) {
                throw new IllegalArgumentException("The query specified in the URI is not valid: $expand '"
                        + options.get("$expand") + "'");
            }
            expand = e.group(1);
            expandSelect = e.group(2) == null ? Set.of() : fields(e.group(2));
        }
        int skip;
        try {
            skip = Math.max(0, Integer.parseInt(options.getOrDefault("$skip", "0").trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The query specified in the URI is not valid: $skip '"
                    + options.get("$skip") + "'");
        }
        Set<String> select = options.containsKey("$select") ? fields(options.get("$select")) : Set.of();
        return new ODataQuery(field, value, select, expand, expandSelect, skip, withoutSkip.toString());
    }

    /** The records the filter keeps, each cut to the selection with the expanded property added. */
    List<Map<String, Object>> apply(List<Map<String, Object>> records) {
        return records.stream().filter(this::kept).map(this::shape).toList();
    }

    private boolean kept(Map<String, Object> record) {
        if (filterField == null) {
            return true;
        }
        Object v = record.get(filterField);
        return v != null && String.valueOf(v).equals(String.valueOf(filterValue));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> shape(Map<String, Object> record) {
        Map<String, Object> out = new LinkedHashMap<>();
        record.forEach((k, v) -> {
            if (NAVIGATION.contains(k) ? k.equals(expand) : select.isEmpty() || select.contains(k)) {
                out.put(k, v instanceof Map<?, ?> nested && !expandSelect.isEmpty()
                        ? cut((Map<String, Object>) nested, expandSelect) : v);
            }
        });
        return out;
    }

    private static Map<String, Object> cut(Map<String, Object> record, Set<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        record.forEach((k, v) -> {
            if (fields.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Set<String> fields(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : list.split(",")) {
            if (!f.isBlank()) {
                out.add(f.trim());
            }
        }
        return out;
    }
}
