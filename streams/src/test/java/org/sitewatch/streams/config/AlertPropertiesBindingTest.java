package org.sitewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.core.alerts.AlertRule;
import org.sitewatch.core.alerts.AlertSettings;
import org.sitewatch.core.alerts.AlertThresholds;
import org.sitewatch.core.alerts.Severity;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AlertPropertiesBindingTest {

    @Test
    void shouldUseTheDocumentedDefaults() {
        AlertSettings s = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("sitewatch.alerts", AlertProperties.class).toSettings();

        assertThat(s.enabled()).isTrue();
        assertThat(s.defaults()).isEqualTo(AlertThresholds.DEFAULTS);
        assertThat(s.defaults().rpoGrace()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.defaults().rpoResolveRatio()).isEqualTo(0.8);
        assertThat(s.defaults().collectorDownIntervals()).isEqualTo(3);
        assertThat(s.defaults().collectorFailingIntervals()).isEqualTo(3);
        assertThat(s.severity(AlertRule.HaVmRestarted)).isEqualTo(Severity.INFO);
        assertThat(s.runbookUrl(AlertRule.CollectorDown)).isEqualTo("http://localhost:8080/runbooks#collectordown");
    }

    @Test
    void shouldLayerSitePairAndItemOverridesFieldByField() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.alerts.rpo-grace", "2m",
                "sitewatch.alerts.runbook-base-url", "https://wiki.example/runbooks.md",
                "sitewatch.alerts.severities.ReplicationPaused", "critical",
                "sitewatch.alerts.sites.paris-dc1.rpo-grace", "10m",
                "sitewatch.alerts.sites.paris-dc1.collector-down-intervals", "5",
                "sitewatch.alerts.sites.paris-dc1.collector-failing-intervals", "6",
                "sitewatch.alerts.pairs.paris-dc1.london-dr.rpo-resolve-ratio", "0.5",
                "sitewatch.alerts.items.paris-dc1.102-0.paused-for", "1h")));
        AlertSettings s = binder.bind("sitewatch.alerts", AlertProperties.class).get().toSettings();

        ReplicationStatus item = new ReplicationStatus("paris-dc1", Platform.PROXMOX, "102-0", "102", "db", "paris-dc1",
                "london-dr", null, null, null, ReplicationState.REPLICATING, ReplicationHealth.OK, null, 900L, null, null, null,
                0, null, false);
        AlertThresholds t = s.forItem(item);
        assertThat(t.rpoGrace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(t.rpoResolveRatio()).isEqualTo(0.5);
        assertThat(t.pausedFor()).isEqualTo(Duration.ofHours(1));
        assertThat(s.forSite("paris-dc1").collectorDownIntervals()).isEqualTo(5);
        assertThat(s.forSite("paris-dc1").collectorFailingIntervals()).isEqualTo(6);
        assertThat(s.forSite("lyon-dc2").collectorFailingIntervals()).isEqualTo(3);
        assertThat(s.forSite("lyon-dc2").rpoGrace()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.severity(AlertRule.ReplicationPaused)).isEqualTo(Severity.CRITICAL);
        assertThat(s.runbookUrl(AlertRule.ReplicationPaused)).isEqualTo("https://wiki.example/runbooks.md#replicationpaused");
    }

    @Test
    void shouldFailStartUpOnBadValues() {
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.alerts.pairs.a.b.rpo-resolve-ratio", "1.5"))).bind("sitewatch.alerts", AlertProperties.class))
                .hasRootCauseMessage("rpo-resolve-ratio must be in (0, 1] but was 1.5");
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.alerts.sites.a.collector-failing-intervals", "0"))).bind("sitewatch.alerts", AlertProperties.class))
                .hasRootCauseMessage("collector-failing-intervals must be at least 1 but was 0");
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.alerts.severities.NoSuchRule", "info"))).bind("sitewatch.alerts", AlertProperties.class))
                .rootCause().hasMessageContaining("unknown rule 'NoSuchRule'");
    }
}
