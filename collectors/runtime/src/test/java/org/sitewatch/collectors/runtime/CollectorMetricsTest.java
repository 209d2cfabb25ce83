package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventType;

class CollectorMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CollectorMetrics metrics = new CollectorMetrics(registry, ScriptedSources.endpoint("paris-pve", "paris-dc1"));

    @Test
    void shouldExportNodeExporterStyleSeriesUnderPrometheusNames() {
        metrics.pollSucceeded(Duration.ofMillis(120), Instant.ofEpochSecond(1736244010L));
        metrics.pollFailed(Duration.ofMillis(30), CollectorStatus.AUTH_FAILED, CollectorErrorKind.AUTH);
        metrics.published(EventType.VM_STATE);
        metrics.skipped(2);

        String text = registry.scrape();

        assertThat(text)
                .contains("sitewatch_collector_poll_duration_seconds_count{" + labels() + "} 2")
                .contains("sitewatch_collector_polls_total{" + labels("outcome", "ok") + "} 1.0")
                .contains("sitewatch_collector_polls_total{" + labels("outcome", "auth_failed") + "} 1.0")
                .contains("sitewatch_collector_errors_total{" + labels("kind", "AUTH") + "} 1.0")
                .contains("sitewatch_collector_errors_total{" + labels("kind", "TIMEOUT") + "} 0.0")
                .contains("sitewatch_collector_last_success_timestamp_seconds{" + labels() + "} 1.73624401E9")
                .contains("sitewatch_collector_up{" + labels() + "} 0.0")
                .contains("sitewatch_collector_events_published_total{"
                        + labels("type", "org.sitewatch.vm.state.v1") + "} 1.0")
                .contains("sitewatch_collector_records_skipped_total{" + labels() + "} 2.0");
    }

    /** Prometheus sorts label names; {@code extra} is one more name/value pair. */
    private static String labels(String... extra) {
        java.util.TreeMap<String, String> labels = new java.util.TreeMap<>(java.util.Map.of(
                "collector", "paris-pve", "platform", "proxmox", "site", "paris-dc1"));
        if (extra.length == 2) {
            labels.put(extra[0], extra[1]);
        }
        return labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(java.util.stream.Collectors.joining(","));
    }

    @Test
    void shouldRemoveItsSeriesWhenClosed() {
        metrics.close();

        assertThat(registry.scrape()).doesNotContain("sitewatch_collector");
    }
}
