package org.sitewatch.alerting.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.MaintenanceWindow;

/** The set of windows the dispatcher consults: configured ones, API ones, and forgetting old ones. */
class MaintenanceWindowsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final Map<String, String> PARIS_HOST = Map.of("alertname", "HaHostFailed", "severity", "critical",
            "site", "paris", "cluster", "pve-a", "host", "pve1");

    @Test
    void shouldListSuppressingWindowsFromConfigurationAndApi() {
        MaintenanceWindows windows = new MaintenanceWindows(List.of(window("site", "paris")), Duration.ofHours(1));
        windows.put(new MaintenanceWindow("api-1", null, "pve-a", null, null, null, T0, T1, null, null));
        windows.put(new MaintenanceWindow("api-2", "lyon", null, null, null, null, T0, T1, null, null));

        assertThat(windows.suppressing(PARIS_HOST, T0.plusSeconds(1))).containsExactly("w", "api-1");
        assertThat(windows.suppressing(PARIS_HOST, T1)).isEmpty();
        assertThat(windows.isConfigured("w")).isTrue();
        assertThatThrownBy(() -> windows.put(window("site", "nice"))).hasMessageContaining("declared in the configuration");

        windows.remove("api-1");
        assertThat(windows.suppressing(PARIS_HOST, T0.plusSeconds(1))).containsExactly("w");
    }


    @Test
    void shouldForgetApiWindowsLongAfterTheyEnded() {
        MaintenanceWindows windows = new MaintenanceWindows(List.of(), Duration.ofHours(1));
        windows.put(window("site", "lyon", "old"));
        assertThat(windows.list(T1.plusSeconds(60))).hasSize(1);
        windows.prune(T1.plus(Duration.ofHours(2)));
        assertThat(windows.find("old")).isEmpty();
    }

    @Test
    void shouldTellWhichEndedWindowsItPrunedSoTheLogDeletesThem() {
        MaintenanceWindows windows = new MaintenanceWindows(List.of(window("site", "paris", "configured")), Duration.ofHours(1));
        windows.put(window("site", "lyon", "old"));
        windows.put(new MaintenanceWindow("later", "nice", null, null, null, null, T0, T1.plus(Duration.ofDays(1)), null, "alice"));
        List<String> pruned = new java.util.ArrayList<>();
        windows.whenPruned(pruned::add);

        windows.prune(T1.plusSeconds(60)); // ended, but within the hour it stays listed
        assertThat(pruned).isEmpty();
        windows.prune(T1.plus(Duration.ofHours(2)));
        assertThat(pruned).containsExactly("old");
        windows.prune(T1.plus(Duration.ofHours(3)));
        assertThat(pruned).as("told once").containsExactly("old");
        assertThat(windows.find("configured")).as("configuration is never pruned").isPresent();
    }


    private static MaintenanceWindow window(String label, String value) {
        return window(label, value, "w");
    }

    private static MaintenanceWindow window(String label, String value, String id) {
        return new MaintenanceWindow(id, "site".equals(label) ? value : null, "cluster".equals(label) ? value : null,
                "host".equals(label) ? value : null, "item".equals(label) ? value : null, "vm".equals(label) ? value : null,
                T0, T1, null, null);
    }
}
