package org.sitewatch.collectors.vmware.vim25;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One object of a property read: its reference, the properties read (path to value, see
 * {@link DataObject} for the value types; an unset property is absent) and the paths vCenter could
 * not read with the fault class of each ({@code missingSet}, e.g. {@code NoPermission}).
 */
public record ObjectContent(MoRef obj, Map<String, Object> properties, Map<String, String> missing) {

    public ObjectContent {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }

    public Object get(String path) {
        return properties.get(path);
    }

    static ObjectContent from(DataObject content) {
        MoRef obj = content.moRef("obj");
        if (obj == null) {
            throw new IllegalArgumentException("ObjectContent without obj");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (DataObject property : content.objects("propSet")) {
            Object value = property.get("val");
            if (value != null) {
                properties.put(property.string("name"), value);
            }
        }
        return new ObjectContent(obj, properties, missing(content));
    }

    /** A {@code missingSet}: property path to the fault class that kept it from being read. */
    static Map<String, String> missing(DataObject content) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (DataObject entry : content.objects("missingSet")) {
            Object fault = entry.path("fault.fault");
            missing.put(entry.string("path"), fault instanceof DataObject f && f.type() != null ? f.type() : "unknown");
        }
        return missing;
    }
}
