package org.sitewatch.alerting.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *   <li>{@code sitewatch_alert_dispatcher_paused}: 1 while reading is paused because a target is exhausted;</li>
 *   <li>{@code sitewatch_alert_records_invalid_total}: unreadable records on the alerts topic (skipped).</li>
 * </ul>
 */
public final class DeliveryMetrics {

    static final List<String> SEVERITIES = List.of("critical", "warning", "info");

    private final MeterRegistry registry;
    private final AtomicBoolean paused = new AtomicBoolean();
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
        Gauge.builder("sitewatch.alert.dispatcher.paused", paused, p -> p.get() ? 1 : 0)
                .description("1 while the dispatcher stopped reading because a target keeps failing").register(registry);
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

    void paused(boolean isPaused) {
        paused.set(isPaused);
    }

    void invalidRecord() {
        invalid.increment();
    }
}
