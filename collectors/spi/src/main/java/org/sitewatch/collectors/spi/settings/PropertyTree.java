package org.sitewatch.collectors.spi.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flat property names, as a properties file or the simulator's endpoint settings write them, into
 * the property tree a {@link SettingsBlock} holds: {@code login.username} opens the block
 * {@code login}; {@code sites[hv-paris]} is the entry {@code hv-paris} of the map {@code sites}
 * (a name in brackets may hold dots); {@code vaults[0].name} is the field {@code name} of the first
 * item of the list {@code vaults}, and {@code hosts[1]} the second value of the list {@code hosts}.
 * Spring's binder builds the same tree from YAML or environment variables; this is for callers
 * that configure an endpoint without Spring (tests, benchmarks, tools).
 */
public final class PropertyTree {

    private PropertyTree() {
    }

    /**
     * The tree of {@code flat}'s properties, in their order.
     *
     * @throws IllegalArgumentException naming the property when a name is malformed ({@code a[},
     *     {@code a[0][1]}, an empty segment) or when one name is used both as a value and as a block
     */
    public static Map<String, Object> of(Map<String, String> flat) {
        Map<String, Object> root = new LinkedHashMap<>();
        flat.forEach((name, value) -> put(root, name, name, value));
        return finish(root);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> block, String fullName, String name, String value) {
        int dot = name.indexOf('.');
        int bracket = name.indexOf('[');
        if (bracket >= 0 && (dot < 0 || bracket < dot)) {
            int close = name.indexOf(']', bracket);
            if (close < 0 || bracket == 0) {
                throw malformed(fullName, "a bracket without a name before it or a closing ']'");
            }
            String key = name.substring(0, bracket);
            String index = name.substring(bracket + 1, close);
            String rest = name.substring(close + 1);
            if (index.isEmpty() || !(rest.isEmpty() || rest.startsWith(".")) || rest.equals(".")) {
                throw malformed(fullName, "expected name[key] or name[key].field");
            }
            boolean listItem = index.chars().allMatch(Character::isDigit);
            Object container = block.computeIfAbsent(key, k -> listItem ? new Items() : new LinkedHashMap<String, Object>());
            if (listItem != container instanceof Items) {
                throw malformed(fullName, "'" + key + "' is used both as a list and as a map");
            }
            Map<Object, Object> entries = listItem ? ((Items) container).byIndex : (Map<Object, Object>) container;
            Object entryKey = listItem ? (Object) Integer.valueOf(index) : index;
            if (rest.isEmpty()) {
                putValue(entries, entryKey, fullName, value);
            } else {
                Object inner = entries.computeIfAbsent(entryKey, k -> new LinkedHashMap<String, Object>());
                put(asBlock(inner, fullName), fullName, rest.substring(1), value);
            }
        } else if (dot < 0) {
            if (name.isEmpty()) {
                throw malformed(fullName, "an empty name");
            }
            putValue((Map<Object, Object>) (Map<?, ?>) block, name, fullName, value);
        } else {
            if (dot == 0 || dot == name.length() - 1) {
                throw malformed(fullName, "an empty segment");
            }
            Object inner = block.computeIfAbsent(name.substring(0, dot), k -> new LinkedHashMap<String, Object>());
            put(asBlock(inner, fullName), fullName, name.substring(dot + 1), value);
        }
    }

    private static void putValue(Map<Object, Object> entries, Object key, String fullName, String value) {
        Object before = entries.putIfAbsent(key, value);
        if (before != null && !(before instanceof String)) {
            throw malformed(fullName, "'" + key + "' is already a block");
        }
        entries.put(key, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asBlock(Object node, String fullName) {
        if (!(node instanceof Map<?, ?>)) {
            throw malformed(fullName, "a value is used as a block");
        }
        return (Map<String, Object>) node;
    }

    /** Lists from their indexed items (in index order), recursively. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> finish(Map<String, Object> block) {
        Map<String, Object> out = new LinkedHashMap<>();
        block.forEach((key, node) -> out.put(key, finishNode(node)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object finishNode(Object node) {
        if (node instanceof Items items) {
            List<Object> list = new ArrayList<>();
            items.byIndex.values().forEach(v -> list.add(finishNode(v)));
            return list;
        }
        if (node instanceof Map<?, ?> map) {
            return finish((Map<String, Object>) map);
        }
        return node;
    }

    private static IllegalArgumentException malformed(String fullName, String problem) {
        return new IllegalArgumentException("property '" + fullName + "': " + problem);
    }

    /** A list while it is built: items by index. */
    private static final class Items {
        final Map<Object, Object> byIndex = new TreeMap<>();
    }
}
