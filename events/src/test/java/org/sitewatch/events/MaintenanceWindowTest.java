package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final Map<String, String> PARIS_HOST = Map.of("alertname", "HaHostFailed", "severity", "critical",
            "site", "paris", "cluster", "pve-a", "host", "pve1");

    @Test
    void shouldMatchWhenEveryGivenMatcherEqualsItsLabel() {
        assertThat(window("site", "paris").matches(PARIS_HOST)).isTrue();
        assertThat(new MaintenanceWindow("w", "paris", "pve-a", null, null, null, T0, T1, null, null).matches(PARIS_HOST)).isTrue();
        assertThat(new MaintenanceWindow("w", "paris", "pve-b", null, null, null, T0, T1, null, null).matches(PARIS_HOST)).isFalse();
        assertThat(window("site", "lyon").matches(PARIS_HOST)).isFalse();
        assertThat(window("vm", "100").matches(PARIS_HOST)).as("a missing label never matches").isFalse();
    }

    @Test
    void shouldBeActiveFromStartUntilJustBeforeEnd() {
        MaintenanceWindow w = window("site", "paris");
        assertThat(w.activeAt(T0.minusMillis(1))).isFalse();
        assertThat(w.activeAt(T0)).isTrue();
        assertThat(w.activeAt(T1.minusMillis(1))).isTrue();
        assertThat(w.activeAt(T1)).isFalse();
    }

    @Test
    void shouldRefuseWindowsThatWouldSilenceEverythingOrEndBeforeTheyStart() {
        assertThatThrownBy(() -> new MaintenanceWindow("w", null, " ", null, null, null, T0, T1, null, null))
                .hasMessageContaining("at least one of site, cluster, host, item, vm");
        assertThatThrownBy(() -> new MaintenanceWindow("w", "paris", null, null, null, null, T1, T0, null, null))
                .hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> new MaintenanceWindow("a b", "paris", null, null, null, null, T0, T1, null, null))
                .hasMessageContaining("id must be");
    }

    @Test
    void shouldRoundTripAsJsonWithoutNulls() throws Exception {
        MaintenanceWindow w = new MaintenanceWindow("w1", "paris", null, null, "100-0", null, T0, T1, "disk swap", "alice");
        String json = new String(Json.bytes(w));
        assertThat(json).doesNotContain("cluster").doesNotContain("matchers");
        assertThat(Json.read(json.getBytes(), MaintenanceWindow.class)).isEqualTo(w);
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
