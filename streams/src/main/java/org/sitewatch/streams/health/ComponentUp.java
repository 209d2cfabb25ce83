package org.sitewatch.streams.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * The gauge {@code sitewatch_component_up{part="..."}}: 1 while a long-running part of Sitewatch works, 0 once
 * it stopped (what its health indicator says DOWN). Self-alerts fire on {@code == 0}, so a part that died
 * stays visible to Prometheus, unlike its own meters, which vanish with it (Kafka Streams' client metrics
 * are removed when the client shuts itself down).
 *
 * <p>The label is {@code part}, not {@code component}: Prometheus targets carry a {@code component} label
 * of their own ({@code dashboard/prometheus/targets/}), which would rename a scraped {@code component} to
 * {@code exported_component}. The alerting module registers the same gauge for {@code alert-dispatcher}
 * and {@code maintenance-log} by these names (it does not depend on this module).
 */
public final class ComponentUp {

    /** Micrometer's name; Prometheus shows it as {@code sitewatch_component_up}. */
    public static final String METER = "sitewatch.component.up";
    public static final String PART_TAG = "part";

    private ComponentUp() {
    }

    /** Registers the gauge for {@code part}: 1 while {@code up} says so, else 0. */
    public static Gauge register(MeterRegistry registry, String part, BooleanSupplier up) {
        return Gauge.builder(METER, up, u -> u.getAsBoolean() ? 1 : 0)
                .description("1 while this Sitewatch part works, 0 once it stopped (see /actuator/health)")
                .tag(PART_TAG, part)
                .strongReference(true)
                .register(registry);
    }
}
