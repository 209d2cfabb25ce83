package org.sitewatch.collectors.vmware.vim25;

import java.util.List;
import java.util.Objects;

/** Which properties to read of which managed object type, e.g. {@code VirtualMachine: runtime.powerState, overallStatus}. */
public record PropertySpec(String type, List<String> paths) {

    public PropertySpec {
        Objects.requireNonNull(type, "type");
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("name at least one property path of " + type);
        }
    }

    public static PropertySpec of(String type, String... paths) {
        return new PropertySpec(type, List.of(paths));
    }
}
