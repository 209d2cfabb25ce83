package org.sitewatch.streams.metrics;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows per gauge, registered all at once with overwrite, so series that vanished are removed. */
final class GaugeRows {

    private final Map<String, List<MultiGauge.Row<?>>> byName = new HashMap<>();

    void add(String name, Tags tags, Number value) {
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(MultiGauge.Row.of(tags, value));
    }

    void registerInto(Map<String, MultiGauge> gauges) {
        gauges.forEach((name, gauge) -> gauge.register(byName.getOrDefault(name, List.of()), true));
    }
}
