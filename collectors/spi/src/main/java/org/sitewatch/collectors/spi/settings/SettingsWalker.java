package org.sitewatch.collectors.spi.settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Visits every value of a bound settings record under the key it was configured with
 * ({@code login.password}, {@code vaults[0].name}, {@code urls[dr]}), nested records, lists and maps
 * included, so the runtime can look at a vendor's settings without knowing its record, e.g. to warn
 * when a credential would travel over plain HTTP.
 */
public final class SettingsWalker {

    /** Receives one configured value (never null) with its key relative to the vendor block. */
    @FunctionalInterface
    public interface Visitor {
        void visit(String key, Object value);
    }

    private SettingsWalker() {
    }

    public static void walk(Record settings, Visitor visitor) {
        walkRecord("", settings, visitor);
    }

    private static void walkRecord(String prefix, Record settings, Visitor visitor) {
        for (RecordComponent c : settings.getClass().getRecordComponents()) {
            walkValue(prefix + ScalarValues.kebab(c.getName()), read(settings, c), visitor);
        }
    }

    private static void walkValue(String key, Object value, Visitor visitor) {
        if (value == null) {
            return;
        }
        visitor.visit(key, value);
        if (value instanceof Record nested) {
            walkRecord(key + ".", nested, visitor);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walkValue(key + "[" + i + "]", list.get(i), visitor);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walkValue(key + "[" + k + "]", v, visitor));
        }
    }

    private static Object read(Record settings, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(settings);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + settings.getClass().getSimpleName() + "." + c.getName(), e);
        }
    }
}
