package org.sitewatch.alerting.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sitewatch.alerting.maintenance.MaintenanceLimits;
import org.sitewatch.alerting.maintenance.MaintenanceService;
import org.sitewatch.alerting.maintenance.MaintenanceStore;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.events.MaintenanceWindow;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Test-only application: the alerting REST API over in-memory state, with a fixed clock and a
 * maintenance store that writes straight into the windows (no Kafka). The auto-configuration is off.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({AlertsController.class, MaintenanceController.class, AlertingApiExceptionHandler.class})
class ApiTestApp {

    static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

    /** Small enough to reach in a test: windows of at most a day, three open at once. */
    static final MaintenanceLimits LIMITS = new MaintenanceLimits(Duration.ofDays(1), 3);

    @Bean
    Clock testClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    MaintenanceWindows maintenanceWindows() {
        return new MaintenanceWindows(List.of(new MaintenanceWindow("config-0", "nice", null, null, null, null,
                Instant.EPOCH, NOW.plusSeconds(3600), "fibre works", "config")), Duration.ofHours(1));
    }

    @Bean
    ActiveAlerts activeAlerts(MaintenanceWindows windows) {
        return new ActiveAlerts(windows, Duration.ofHours(1));
    }

    @Bean
    MaintenanceService maintenanceService(MaintenanceWindows windows, Clock clock) {
        MaintenanceStore direct = new MaintenanceStore() {
            @Override
            public void save(MaintenanceWindow window) {
                windows.put(window);
            }

            @Override
            public void delete(String id) {
                windows.remove(id);
            }
        };
        return new MaintenanceService(windows, direct, clock, LIMITS);
    }
}
