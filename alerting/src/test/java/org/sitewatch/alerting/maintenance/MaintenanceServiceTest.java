package org.sitewatch.alerting.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.MaintenanceWindow;

class MaintenanceServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final MaintenanceWindows windows = new MaintenanceWindows(List.of(
            new MaintenanceWindow("config-0", "nice", null, null, null, null, Instant.EPOCH, NOW.plusSeconds(60), null, "config")),
            Duration.ofHours(1));
    private final List<String> writes = new ArrayList<>();
    private final MaintenanceStore store = new MaintenanceStore() {
        @Override
        public void save(MaintenanceWindow window) {
            writes.add("save " + window.id());
            windows.put(window);
        }

        @Override
        public void delete(String id) {
            writes.add("delete " + id);
            windows.remove(id);
        }
    };
    private final MaintenanceService service = new MaintenanceService(windows, store, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldCreateAWindowStartingNowForADuration() {
        MaintenanceView v = service.create(new MaintenanceRequest(null, "paris", null, null, null, null, null, null,
                Duration.ofHours(2), "disk swap", "alice"));
        assertThat(v.id()).startsWith("mw-");
        assertThat(v.startsAt()).isEqualTo(NOW);
        assertThat(v.endsAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(v.active()).isTrue();
        assertThat(v.source()).isEqualTo("api");
        assertThat(writes).containsExactly("save " + v.id());
        assertThat(service.list()).extracting(MaintenanceView::id).containsExactly("config-0", v.id());
    }

    @Test
    void shouldExplainWhatIsWrongWithARequest() {
        assertThatThrownBy(() -> service.create(new MaintenanceRequest(null, "paris", null, null, null, null, null, null, null, null, null)))
                .hasMessageContaining("either endsAt or duration");
        assertThatThrownBy(() -> service.create(new MaintenanceRequest(null, null, null, null, null, null, null, null,
                Duration.ofHours(1), null, null))).hasMessageContaining("at least one of site");
        assertThatThrownBy(() -> service.create(new MaintenanceRequest(null, "paris", null, null, null, null, null,
                NOW.minusSeconds(1), null, null, null))).hasMessageContaining("not in the future");
        assertThat(writes).isEmpty();
    }

    @Test
    void shouldNotTouchWindowsFromConfiguration() {
        assertThatThrownBy(() -> service.delete("config-0")).isInstanceOf(MaintenanceService.ConfiguredWindowException.class);
        assertThatThrownBy(() -> service.create(new MaintenanceRequest("config-0", "paris", null, null, null, null, null,
                null, Duration.ofHours(1), null, null))).isInstanceOf(MaintenanceService.ConfiguredWindowException.class);
        assertThatThrownBy(() -> service.delete("nope")).isInstanceOf(MaintenanceService.UnknownWindowException.class);
    }

    @Test
    void shouldDeleteAnApiWindow() {
        MaintenanceView v = service.create(new MaintenanceRequest("swap-1", null, null, "pve1", null, null, null, null,
                Duration.ofHours(1), null, null));
        service.delete(v.id());
        assertThat(writes).containsExactly("save swap-1", "delete swap-1");
        assertThat(service.find("swap-1")).isEmpty();
    }
}
