package org.sitewatch.alerting.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.sitewatch.alerting.health.ComponentHealth;
import org.sitewatch.alerting.state.ActiveAlerts;

/**
 * The delivery meters, with bounded labels ({@code target} comes from configuration, {@code outcome}
 * is success or failure, {@code severity} is critical, warning, info or other):
 * <ul>
 *   <li>{@code sitewatch_alert_deliveries_total{target,outcome}}: delivery requests (one per batch);</li>
 *   <li>{@code sitewatch_alert_delivery_duration_seconds{target}}: how long each took;</li>
 *   <li>{@code sitewatch_alerts_active{severity}}: firing alerts (suppressed ones included);</li>
 *   <li>{@code sitewatch_alerts_suppressed}: firing alerts held back by a maintenance window;</li>
 *   <li>{@code sitewatch_alert_delivery_pending}: alerts whose current state some target has not accepted yet;</li>
 *   <li>{@code sitewatch_alert_delivery_backlog{target}}: state changes owed to the target (held by a window included);</li>
 *   <li>{@code sitewatch_alert_delivery_failures_in_a_row{target}}: 0 once a delivery succeeds;</li>
 *   <li>{@code sitewatch_alert_delivery_last_success_timestamp_seconds{target}}: 0 before the first success;</li>
 *   <li>{@code sitewatch_alert_state_changes_collapsed_total{target}}: owed state changes forgotten because one
 *       alert owed the target more than {@link ActiveAlerts#MAX_OWED_PER_TARGET} (a long outage of a flapping alert);</li>
 *   <li>{@code sitewatch_alert_dispatcher_rebuilding}: 1 while the delivery state of assigned partitions is read back;</li>
 *   <li>{@code sitewatch_component_up{part}}: 1 while the part's thread runs, 0 once it died (label {@code part},
 *       as the streams app's; Prometheus targets carry their own {@code component})
 *       ({@code alert-dispatcher}, {@code alert-delivery/<target>}, {@code maintenance-log});</li>
 *   <li>{@code sitewatch_alert_records_invalid_total}: unreadable records on the alerts topic (skipped).</li>
 * </ul>
 */
public final class DeliveryMetrics {

    static final List<String> SEVERITIES = List.of("critical", "warning", "info");

    private final MeterRegistry registry;
    private final Counter invalid;

    public DeliveryMetrics(MeterRegistry registry, ActiveAlerts alerts, Clock clock) {
        this.registry = registry;
        for (String severity : SEVERITIES) {
            Gauge.builder("sitewatch.alerts.active", alerts, a -> a.firingCount(severity))
                    .description("Firing alerts, suppressed ones included").tag("severity", severity).register(registry);
        }
        Gauge.builder("sitewatch.alerts.active", alerts, a -> a.firingCountOther(SEVERITIES))
                .description("Firing alerts, suppressed ones included").tag("severity", "other").register(registry);
        Gauge.builder("sitewatch.alerts.suppressed", alerts, a -> a.suppressedCount(clock.instant()))
                .description("Firing alerts held back by a maintenance window").register(registry);
        Gauge.builder("sitewatch.alert.delivery.pending", alerts, ActiveAlerts::pendingCount)
                .description("Alerts whose current state some target has not accepted yet").register(registry);
        Gauge.builder("sitewatch.alert.dispatcher.rebuilding", alerts, a -> a.isRebuilding() ? 1 : 0)
                .description("1 while the dispatcher reads back the delivery state of its partitions").register(registry);
        invalid = Counter.builder("sitewatch.alert.records.invalid")
                .description("Unreadable records on the alerts topic, skipped").register(registry);
    }

    void delivered(String target, boolean success, Duration took) {
        Counter.builder("sitewatch.alert.deliveries").description("Alert delivery requests")
                .tag("target", target).tag("outcome", success ? "success" : "failure")
                .register(registry).increment();
        Timer.builder("sitewatch.alert.delivery.duration").description("Duration of alert delivery requests")
                .tag("target", target).register(registry).record(took);
    }

    /** The per-target gauges of one target's progress and backlog. */
    void track(String target, TargetState state, ActiveAlerts alerts) {
        Gauge.builder("sitewatch.alert.delivery.backlog", alerts, a -> a.backlog(target))
                .description("State changes owed to the target").tag("target", target).register(registry);
        Gauge.builder("sitewatch.alert.delivery.failures.in.a.row", state, TargetState::failuresInARow)
                .description("Failed deliveries to the target since its last success").tag("target", target)
                .register(registry);
        Gauge.builder("sitewatch.alert.delivery.last.success.timestamp", state,
                        s -> s.lastSuccess() == null ? 0 : s.lastSuccess().toEpochMilli() / 1000.0)
                .description("When the target last accepted a delivery (0: not yet)").tag("target", target)
                .baseUnit("seconds").register(registry);
        FunctionCounter.builder("sitewatch.alert.state.changes.collapsed", alerts, a -> a.collapsed(target))
                .description("Owed state changes forgotten because one alert owed the target too many")
                .tag("target", target).register(registry);
    }

    /** {@code sitewatch_component_up{part}}: 1 while it runs. */
    public void component(ComponentHealth health) {
        Gauge.builder("sitewatch.component.up", health, h -> h.up() ? 1 : 0)
                .description("1 while the component runs, 0 before its start and once it died")
                .tag("part", health.component()).register(registry);
    }

    void invalidRecord() {
        invalid.increment();
    }
}
