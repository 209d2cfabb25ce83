package org.sitewatch.collectors.vmware;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;
import org.sitewatch.simulator.SimulatedEndpoint;

/** The collector endpoint of a simulated vCenter, its settings bound as Spring binds the embedded default's properties. */
final class SimulatedEndpoints {

    private SimulatedEndpoints() {
    }

    static EndpointConfig of(SimulatedEndpoint simulated) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("url", simulated.url());
        simulated.settings().forEach((key, value) -> put(block, key, value));
        return EndpointConfig.builder(simulated.id(), simulated.site(), Platform.VSPHERE)
                .settings(block).timeout(Duration.ofSeconds(5)).build();
    }

    /** Dots open blocks; {@code key[name]} is the entry {@code name} of map {@code key} (a name may hold dots). */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> block, String key, String value) {
        int bracket = key.indexOf('[');
        int dot = key.indexOf('.');
        if (bracket >= 0 && (dot < 0 || bracket < dot)) {
            ((Map<String, Object>) block.computeIfAbsent(key.substring(0, bracket), k -> new LinkedHashMap<>()))
                    .put(key.substring(bracket + 1, key.indexOf(']')), value);
        } else if (dot < 0) {
            block.put(key, value);
        } else {
            put((Map<String, Object>) block.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>()),
                    key.substring(dot + 1), value);
        }
    }
}
