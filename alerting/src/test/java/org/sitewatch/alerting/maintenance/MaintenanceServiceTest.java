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
    private final MaintenanceService service = new MaintenanceService(windows, store, Clock.fixed(NOW, ZoneOffset.UTC),
            new MaintenanceLimits(Duration.ofDays(7), 2));

    @Test
    void shouldCreateAWindowStartingNowForADuration() {
        MaintenanceView v = service.create(new MaintenanceRequest(null, "paris", null, null, null, null, null, null,
                Duration.ofHours(2), "disk swap", null), "alice");
        assertThat(v.id()).startsWith("mw-");
        assertThat(v.startsAt()).isEqualTo(NOW);
        assertThat(v.endsAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(v.active()).isTrue();
        assertThat(v.source()).isEqualTo("api");
        assertThat(v.createdBy()).isEqualTo("alice");
        assertThat(writes).containsExactly("save " + v.id());
        assertThat(service.list()).extracting(MaintenanceView::id).containsExactly("config-0", v.id());
    }

    @Test
    void shouldExplainWhatIsWrongWithARequest() {
        assertThatThrownBy(() -> service.create(new MaintenanceRequest(null, "paris", null, null, null, null, null, null, null, null, null), "alice"))
                .hasMessageContaining("either endsAt or duration");
        assertThatThrownBy(() -> service.create(new MaintenanceRequest(null, null, null, null, null, null, null, null,
                Duration.ofHours(1), null, null), "alice")).hasMessageContaining("at least one of site");
        assertThatThrownBy(() -> service.create(new MaintenanceRequest(null, "paris", null, null, null, null, null,
                NOW.minusSeconds(1), null, null, null), "alice")).hasMessageContaining("not in the future");
        assertThat(writes).isEmpty();
    }

    @Test
    void shouldNotTouchWindowsFromConfiguration() {
        assertThatThrownBy(() -> service.delete("config-0", "alice")).isInstanceOf(MaintenanceService.ConfiguredWindowException.class);
        assertThatThrownBy(() -> service.create(new MaintenanceRequest("config-0", "paris", null, null, null, null, null,
                null, Duration.ofHours(1), null, null), "alice")).isInstanceOf(MaintenanceService.ConfiguredWindowException.class);
        assertThatThrownBy(() -> service.delete("nope", "alice")).isInstanceOf(MaintenanceService.UnknownWindowException.class);
    }

    @Test
    void shouldDeleteAnApiWindow() {
        MaintenanceView v = service.create(new MaintenanceRequest("swap-1", null, null, "pve1", null, null, null, null,
                Duration.ofHours(1), null, null), "alice");
        service.delete(v.id(), "bob");
        assertThat(writes).containsExactly("save swap-1", "delete swap-1");
        assertThat(service.find("swap-1")).isEmpty();
    }

    @Test
    void shouldRefuseACreatorInTheBody() {
        assertThatThrownBy(() -> service.create(window("x", Duration.ofHours(1), "mallory"), "alice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("createdBy is not accepted in the body: the creator is the authenticated caller (alice)");
        assertThat(writes).isEmpty();
    }

    @Test
    void shouldRefuseAWindowLongerThanTheMaximumNamingTheSetting() {
        assertThatThrownBy(() -> service.create(window("long", Duration.ofDays(3650), null), "alice"))
                .isInstanceOf(MaintenanceLimits.LimitExceededException.class)
                .hasMessage("the window would last 3650 days, longer than the maximum of 7 days "
                        + "(sitewatch.alerting.maintenance-limits.max-duration)");
        // measured from its start, not from now: a window starting later is bounded just the same
        assertThatThrownBy(() -> service.create(new MaintenanceRequest(null, "paris", null, null, null, null,
                NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(38)), null, null, null), "alice"))
                .isInstanceOf(MaintenanceLimits.LimitExceededException.class);
        assertThat(service.create(window("week", Duration.ofDays(7), null), "alice").endsAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void shouldCountOnlyActiveAndFutureApiWindowsAgainstTheMaximum() {
        service.create(window("a", Duration.ofHours(1), null), "alice");
        service.create(new MaintenanceRequest("b", "paris", null, null, null, null, NOW.plus(Duration.ofDays(1)), null,
                Duration.ofHours(1), null, null), "alice");
        // replacing one of the two is not one more
        service.create(window("a", Duration.ofHours(2), null), "bob");
        assertThatThrownBy(() -> service.create(window("c", Duration.ofHours(1), null), "alice"))
                .isInstanceOf(MaintenanceLimits.LimitExceededException.class)
                .hasMessageContaining("already 2 active or future maintenance windows")
                .hasMessageContaining("sitewatch.alerting.maintenance-limits.max-windows = 2");
        // an ended window no longer counts (the configured window never does)
        windows.put(new MaintenanceWindow("b", "paris", null, null, null, null, NOW.minusSeconds(120), NOW.minusSeconds(60),
                null, "alice"));
        assertThat(service.create(window("c", Duration.ofHours(1), null), "alice").id()).isEqualTo("c");
    }

    private static MaintenanceRequest window(String id, Duration duration, String createdBy) {
        return new MaintenanceRequest(id, "paris", null, null, null, null, null, null, duration, null, createdBy);
    }
}
