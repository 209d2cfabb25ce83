package org.sitewatch.collectors.vmware.vim25;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vim25 data object as plain Java values: its {@code xsi:type} (null when the wire did not say,
 * e.g. a response's {@code returnval}) and its fields in wire order.
 *
 * <p>Field values are {@code String}, {@code Boolean}, {@code Integer}, {@code Long},
 * {@code Double}, {@link Instant}, {@link MoRef}, nested {@code DataObject}s and {@code List}s.
 * The wire types a value only where the schema is polymorphic (a property's {@code val}, an
 * {@code ArrayOf...}, a subtype such as an admission control policy), so a plain field like
 * {@code dasConfig.enabled} arrives as the string {@code "true"}: the typed getters below convert
 * leniently. A field repeated on the wire becomes a list; a repeated field that occurred once is a
 * single value, which {@link #list} hides.
 */
public record DataObject(String type, Map<String, Object> fields) {

    public DataObject {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field's value, or null when absent. */
    public Object get(String name) {
        return fields.get(name);
    }

    /** The value at a dotted path ({@code dasConfig.admissionControlPolicy.failoverLevel}), or null. */
    public Object path(String dottedPath) {
        Object current = this;
        for (String name : dottedPath.split("\\.")) {
            if (!(current instanceof DataObject object)) {
                return null;
            }
            current = object.get(name);
        }
        return current;
    }

    /** The field as text: strings, numbers and booleans as written, a reference as its value. */
    public String string(String name) {
        Object value = get(name);
        if (value == null || value instanceof DataObject || value instanceof List) {
            return null;
        }
        return value instanceof MoRef ref ? ref.value() : value.toString();
    }

    /** The field as a boolean ({@code true}/{@code false}, typed or not), or null. */
    public Boolean bool(String name) {
        Object value = get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    /** The field as a long (typed or written as digits), or null. */
    public Long number(String name) {
        Object value = get(name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value instanceof String s ? Long.valueOf(s.trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The field as an instant (typed or an ISO-8601 text), or null. */
    public Instant instant(String name) {
        Object value = get(name);
        if (value instanceof Instant i) {
            return i;
        }
        try {
            return value instanceof String s ? OffsetDateTime.parse(s.trim()).toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public MoRef moRef(String name) {
        return get(name) instanceof MoRef ref ? ref : null;
    }

    public DataObject object(String name) {
        return get(name) instanceof DataObject object ? object : null;
    }

    /** The field as a list whatever the wire did: absent is empty, a single value a list of one. */
    public List<Object> list(String name) {
        Object value = get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> values) {
            return List.copyOf(values);
        }
        return List.of(value);
    }

    /** The data objects among {@link #list}. */
    public List<DataObject> objects(String name) {
        return list(name).stream().filter(DataObject.class::isInstance).map(DataObject.class::cast).toList();
    }
}
