package org.sitewatch.alerting.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whether one long-running part of the alerting module (the dispatcher thread, a delivery worker,
 * the maintenance-log reader) is alive: set by the part itself when it starts, and when its thread
 * ends because of an error (since when, and the error). Read by the health indicators and the
 * {@code sitewatch_component_up} gauge. An orderly stop is not a failure.
 */
public final class ComponentHealth {

    private final String component;
    private final Supplier<Map<String, Object>> details;
    private volatile boolean started;
    private volatile Instant diedAt;
    private volatile String error;

    public ComponentHealth(String component) {
        this(component, Map::of);
    }

    /** {@code details}: what the health endpoint shows about it besides up or down (backlog, last success ...). */
    public ComponentHealth(String component, Supplier<Map<String, Object>> details) {
        this.component = component;
        this.details = details;
    }

    public String component() {
        return component;
    }

    public void started() {
        diedAt = null;
        error = null;
        started = true;
    }

    /** Its thread ended because of {@code e}: alerts are no longer handled by it. */
    public void died(Instant at, Throwable e) {
        error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        diedAt = at;
    }

    /** Started and not dead. Before its start it is not up either (the gauge says 0, health says UNKNOWN). */
    public boolean up() {
        return started && diedAt == null;
    }

    public boolean dead() {
        return diedAt != null;
    }

    public Map<String, Object> details() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (diedAt != null) {
            out.put("diedAt", diedAt.toString());
            out.put("error", error);
        }
        out.putAll(details.get());
        return out;
    }
}
