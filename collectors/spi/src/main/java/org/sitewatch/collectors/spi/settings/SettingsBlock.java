package org.sitewatch.collectors.spi.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An endpoint's vendor block as configured, before binding: {@code sitewatch.collectors.endpoints[n].<platform>}
 * as a property tree (nested maps, lists and single values) and the full key it came from, so
 * every problem can name the exact property.
 *
 * <p>The tree may hold inline secrets: {@link #toString()} shows only its keys.
 *
 * @param key the block's full key, e.g. {@code sitewatch.collectors.endpoints[0].proxmox}
 * @param tree the block's content; empty when the configuration has none
 */
public record SettingsBlock(String key, Map<String, Object> tree) {

    public SettingsBlock {
        Objects.requireNonNull(key, "key");
        tree = tree == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tree));
    }

    /** Binds the block onto {@code type}; a {@link SettingsException} lists every problem under its full key. */
    public <T extends Record> T bind(Class<T> type, SettingsBinder binder) {
        return binder.bind(key, tree, type);
    }

    /** A top-level single value by key (any spelling of it), or null. */
    public Object value(String kebabKey) {
        String wanted = ScalarValues.canonical(kebabKey);
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            if (ScalarValues.canonical(e.getKey()).equals(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return key + tree.keySet();
    }
}
