package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

class RestartTrackerTest {

    private static final String UUID = "6f1c1a2e-0b57-4d0e-9a61-1c0f0a0000bb";
    private static final Instant T0 = Instant.parse("2026-12-05T07:00:00Z");

    private final RestartTracker tracker = new RestartTracker(
            EndpointConfig.builder("kvm", "oslo-dc1", Platform.LIBVIRT).nodeSites(Map.of("kvm3", "oslo-dc2")).build(),
            Duration.ofMinutes(10));

    @Test
    void shouldReportACrashFollowedByAStartOnAnotherHostAsARestart() {
        assertThat(tracker.onEvent(UUID, "kvm1", LifecycleEvents.map(LifecycleEvents.STOPPED, 5), T0)).isEmpty();

        assertThat(tracker.onEvent(UUID, "kvm3", LifecycleEvents.map(LifecycleEvents.STARTED, 0), T0.plusSeconds(40)))
                .hasValueSatisfying(a -> {
                    assertThat(a.action()).isEqualTo(HaActionKind.RESTART);
                    assertThat(a.vmId()).isEqualTo(UUID);
                    assertThat(a.fromHost()).isEqualTo("kvm1");
                    assertThat(a.toHost()).isEqualTo("kvm3");
                    assertThat(a.site()).isEqualTo("oslo-dc2");
                    assertThat(a.actionId()).isEqualTo(UUID + "/kvm1->kvm3/" + T0.toEpochMilli());
                    assertThat(a.detail()).isEqualTo("stopped/failed on kvm1 at 2026-12-05T07:00:00Z, started/booted on kvm3");
                });
        // Reported once.
        assertThat(tracker.onEvent(UUID, "kvm3", LifecycleEvents.map(LifecycleEvents.STARTED, 0), T0.plusSeconds(50)))
                .isEmpty();
    }

    @Test
    void shouldIgnoreAStartOnTheSameHostAfterTheWindowOrWithoutACrash() {
        tracker.onEvent(UUID, "kvm1", LifecycleEvents.map(LifecycleEvents.CRASHED, 0), T0);
        assertThat(tracker.onEvent(UUID, "kvm1", LifecycleEvents.map(LifecycleEvents.STARTED, 0), T0.plusSeconds(5))).isEmpty();

        tracker.onEvent(UUID, "kvm1", LifecycleEvents.map(LifecycleEvents.STOPPED, 2), T0);
        assertThat(tracker.onEvent(UUID, "kvm2", LifecycleEvents.map(LifecycleEvents.STARTED, 0), T0.plusSeconds(601)))
                .isEmpty();

        tracker.onEvent(UUID, "kvm1", LifecycleEvents.map(LifecycleEvents.STOPPED, 1), T0); // destroyed by an operator
        assertThat(tracker.onEvent(UUID, "kvm2", LifecycleEvents.map(LifecycleEvents.STARTED, 0), T0.plusSeconds(5))).isEmpty();
    }
}
