package org.sitewatch.simulator.front;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The vendor fronts registered on the class path ({@code META-INF/services}), by platform name. */
public final class VendorFronts {

    private static final Map<String, VendorFront> BY_PLATFORM = load();

    private VendorFronts() {
    }

    private static Map<String, VendorFront> load() {
        Map<String, VendorFront> out = new TreeMap<>();
        for (VendorFront f : ServiceLoader.load(VendorFront.class, VendorFront.class.getClassLoader())) {
            VendorFront previous = out.put(f.platform(), f);
            if (previous != null) {
                throw new IllegalStateException("two simulator fronts for platform '" + f.platform() + "': "
                        + previous.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return out;
    }

    /** @throws IllegalArgumentException naming the known platforms when none is registered */
    public static VendorFront forPlatform(String platform) {
        VendorFront f = BY_PLATFORM.get(platform);
        if (f == null) {
            throw new IllegalArgumentException("no simulator front for platform '" + platform + "' (available: "
                    + String.join(", ", BY_PLATFORM.keySet()) + ")");
        }
        return f;
    }
}
