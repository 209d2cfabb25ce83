package org.sitewatch.collectors.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;

/** Checks of the "something → its site" maps in the settings. */
final class SiteMaps {

    private SiteMaps() {
    }

    /**
     * @param key the map's key, for messages
     * @param what what the map's keys are, for messages
     * @return an unmodifiable copy, in configuration order
     */
    static Map<String, String> check(Map<String, String> sites, String key, String what) {
        if (sites == null || sites.isEmpty()) {
            throw new InvalidSettingException(key, "must map at least one " + what + " to its site");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        sites.forEach((name, site) -> {
            if (name.isBlank()) {
                throw new InvalidSettingException(key, "has an empty name");
            }
            if (site == null || site.isBlank()) {
                throw new InvalidSettingException(key + "." + name, "must name a site");
            }
            copy.put(name, site.strip());
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
