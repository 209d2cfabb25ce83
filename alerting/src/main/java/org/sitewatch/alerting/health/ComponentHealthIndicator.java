package org.sitewatch.alerting.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} for alerting components: DOWN as soon as one of them died (each one's
 * details say since when and why), UNKNOWN before they started, else UP; {@code extra} adds details
 * such as whether the dispatcher is still rebuilding its state.
 */
public final class ComponentHealthIndicator implements HealthIndicator {

    private final Supplier<List<ComponentHealth>> components;
    private final Supplier<Map<String, Object>> extra;

    public ComponentHealthIndicator(Supplier<List<ComponentHealth>> components, Supplier<Map<String, Object>> extra) {
        this.components = components;
        this.extra = extra;
    }

    @Override
    public Health health() {
        List<ComponentHealth> all = components.get();
        Health.Builder builder;
        if (all.stream().anyMatch(ComponentHealth::dead)) {
            builder = Health.down();
        } else if (all.isEmpty() || all.stream().allMatch(ComponentHealth::up)) {
            builder = Health.up();
        } else {
            builder = Health.unknown();
        }
        Map<String, Object> details = new LinkedHashMap<>(extra.get());
        if (all.size() == 1) {
            details.putAll(all.get(0).details());
        } else {
            all.forEach(c -> details.put(c.component(), detailsWithState(c)));
        }
        return builder.withDetails(details).build();
    }

    private static Map<String, Object> detailsWithState(ComponentHealth c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", c.dead() ? "DOWN" : c.up() ? "UP" : "UNKNOWN");
        out.putAll(c.details());
        return out;
    }
}
