package org.sitewatch.streams.topology;

import java.time.Duration;
import java.util.Objects;
import org.sitewatch.core.alerts.AlertSettings;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.HealthRules;

/**
 * What the topology needs besides its topics: plain values, so tests and the Spring wiring build it
 * the same way.
 *
 * @param dedupeRetention how long a CloudEvent identity is remembered to drop re-sent events
 * @param punctuateInterval how often (wall clock) RPO deadlines, alert deadlines and collector staleness are checked
 * @param alerts the alert rules' settings
 * @param storeObjectCapacity values kept as objects per store and task by the write-behind stores (entity
 *     states, alert memories, aggregates); beyond it the least recently used are read back from RocksDB
 */
public record TopologySettings(Duration dedupeRetention, Duration punctuateInterval, HealthRules rules,
                               AggregateLimits limits, AlertSettings alerts, int storeObjectCapacity) {

    public static final int DEFAULT_STORE_OBJECT_CAPACITY = 10_000;

    public static final Duration DEFAULT_DEDUPE_RETENTION = Duration.ofHours(2);
    public static final Duration DEFAULT_PUNCTUATE_INTERVAL = Duration.ofSeconds(10);

    public TopologySettings {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(alerts, "alerts");
        if (dedupeRetention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("dedupe retention must be at least 1 minute but was " + dedupeRetention);
        }
        if (punctuateInterval.isNegative() || punctuateInterval.isZero()) {
            throw new IllegalArgumentException("punctuate interval must be positive but was " + punctuateInterval);
        }
        if (storeObjectCapacity < 1) {
            throw new IllegalArgumentException("store object capacity must be at least 1 but was " + storeObjectCapacity);
        }
    }

    public TopologySettings(Duration dedupeRetention, Duration punctuateInterval, HealthRules rules,
                            AggregateLimits limits, AlertSettings alerts) {
        this(dedupeRetention, punctuateInterval, rules, limits, alerts, DEFAULT_STORE_OBJECT_CAPACITY);
    }

    /** Settings with the alert rules at their defaults. */
    public TopologySettings(Duration dedupeRetention, Duration punctuateInterval, HealthRules rules, AggregateLimits limits) {
        this(dedupeRetention, punctuateInterval, rules, limits, AlertSettings.defaultSettings());
    }

    public static TopologySettings defaults() {
        return new TopologySettings(DEFAULT_DEDUPE_RETENTION, DEFAULT_PUNCTUATE_INTERVAL, HealthRules.defaultRules(),
                AggregateLimits.DEFAULTS);
    }

    /** These settings with another write-behind capacity. */
    public TopologySettings withStoreObjectCapacity(int capacity) {
        return new TopologySettings(dedupeRetention, punctuateInterval, rules, limits, alerts, capacity);
    }

    /** These settings with other alert settings. */
    public TopologySettings withAlerts(AlertSettings newAlerts) {
        return new TopologySettings(dedupeRetention, punctuateInterval, rules, limits, newAlerts, storeObjectCapacity);
    }
}
