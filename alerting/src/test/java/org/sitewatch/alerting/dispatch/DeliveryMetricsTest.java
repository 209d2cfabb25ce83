package org.sitewatch.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.alerting.support.TestAlerts.T0;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.health.ComponentHealth;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.events.Alert;

/** The names Prometheus scrapes, as dashboards and alert rules will use them. */
class DeliveryMetricsTest {

    @Test
    void shouldExportTheDeliveryMetersUnderTheirPrometheusNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ActiveAlerts alerts = new ActiveAlerts(new MaintenanceWindows(List.of(), Duration.ofHours(1)), Duration.ofHours(1));
        Alert a = firing("A", "paris", "critical", T0);
        Alert b = firing("B", "paris", "page-me", T0);
        alerts.apply(a.fingerprint(), a, 0, 1, Set.of("alertmanager"), T0);
        alerts.apply(b.fingerprint(), b, 0, 2, Set.of(), T0);
        DeliveryMetrics metrics = new DeliveryMetrics(registry, alerts, Clock.fixed(T0, ZoneOffset.UTC));
        metrics.delivered("alertmanager", true, Duration.ofMillis(12));
        metrics.delivered("alertmanager", false, Duration.ofMillis(3));
        TargetState state = new TargetState();
        state.succeeded(T0);
        metrics.track("alertmanager", state, alerts);
        ComponentHealth dispatcher = new ComponentHealth("alert-dispatcher");
        dispatcher.started();
        ComponentHealth reader = new ComponentHealth("maintenance-log");
        reader.started();
        reader.died(T0, new IllegalStateException("boom"));
        metrics.component(dispatcher);
        metrics.component(reader);

        String text = registry.scrape();
        assertThat(text)
                .contains("sitewatch_alert_deliveries_total{outcome=\"success\",target=\"alertmanager\"} 1.0")
                .contains("sitewatch_alert_deliveries_total{outcome=\"failure\",target=\"alertmanager\"} 1.0")
                .contains("sitewatch_alert_delivery_duration_seconds_count{target=\"alertmanager\"} 2")
                .contains("sitewatch_alerts_active{severity=\"critical\"} 1.0")
                .contains("sitewatch_alerts_active{severity=\"other\"} 1.0")
                .contains("sitewatch_alerts_active{severity=\"warning\"} 0.0")
                .contains("sitewatch_alert_delivery_pending 1.0")
                .contains("sitewatch_alerts_suppressed 0.0")
                .contains("sitewatch_alert_delivery_backlog{target=\"alertmanager\"} 1.0")
                .contains("sitewatch_alert_delivery_failures_in_a_row{target=\"alertmanager\"} 0.0")
                .contains("sitewatch_alert_delivery_last_success_timestamp_seconds{target=\"alertmanager\"} "
                        + (double) T0.getEpochSecond())
                .contains("sitewatch_alert_state_changes_collapsed_total{target=\"alertmanager\"} 0.0")
                .contains("sitewatch_alert_dispatcher_rebuilding 0.0")
                .contains("sitewatch_component_up{part=\"alert-dispatcher\"} 1.0")
                .contains("sitewatch_component_up{part=\"maintenance-log\"} 0.0")
                .contains("sitewatch_alert_records_invalid_total 0.0");
    }
}
