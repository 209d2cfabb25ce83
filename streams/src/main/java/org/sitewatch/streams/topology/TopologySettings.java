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
 */
public record TopologySettings(Duration dedupeRetention, Duration punctuateInterval, HealthRules rules,
                               AggregateLimits limits, AlertSettings alerts) {

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
    }

    /** Settings with the alert rules at their defaults. */
    public TopologySettings(Duration dedupeRetention, Duration punctuateInterval, HealthRules rules, AggregateLimits limits) {
        this(dedupeRetention, punctuateInterval, rules, limits, AlertSettings.defaultSettings());
    }

    public static TopologySettings defaults() {
        return new TopologySettings(DEFAULT_DEDUPE_RETENTION, DEFAULT_PUNCTUATE_INTERVAL, HealthRules.defaultRules(),
                AggregateLimits.DEFAULTS);
    }

    /** These settings with other alert settings. */
    public TopologySettings withAlerts(AlertSettings newAlerts) {
        return new TopologySettings(dedupeRetention, punctuateInterval, rules, limits, newAlerts);
    }
}
