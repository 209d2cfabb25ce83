package org.sitewatch.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.alerting.support.TestAlerts.T0;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.delivery.Backoff;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.events.Alert;
import org.sitewatch.events.MaintenanceWindow;

class DeliveryRoundTest {

    private static final Backoff BACKOFF = new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(4));
    private static final Instant NOW = T0.plusSeconds(10);

    private final MaintenanceWindows windows = new MaintenanceWindows(List.of(
            new MaintenanceWindow("lyon", "lyon", null, null, null, null, T0, T0.plusSeconds(60), null, null)),
            Duration.ofHours(1));
    private final ActiveAlerts alerts = new ActiveAlerts(windows, Duration.ofHours(1));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeliveryMetrics metrics = new DeliveryMetrics(registry, alerts, Clock.fixed(NOW, ZoneOffset.UTC));
    private final FakeTarget am = new FakeTarget("alertmanager", Duration.ofMinutes(1));
    private final FakeTarget hook = new FakeTarget("hook", null);
    private final DeliveryRound round = new DeliveryRound(alerts, List.of(am, hook), BACKOFF, Duration.ofMinutes(15), metrics);

    @Test
    void shouldDeliverEachStateChangeOnceToAWebhook() {
        Alert a = fire(firing("A", "paris", "critical", T0), 1);
        round.run(NOW);
        round.run(NOW.plusSeconds(1));

        assertThat(hook.batches).containsExactly(List.of(a));
        assertThat(alerts.heldOffset(0)).isEmpty();
        assertThat(registry.get("sitewatch.alert.deliveries").tags("target", "hook", "outcome", "success").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldResendTheActiveSetToAlertmanagerOnEachTickOnly() {
        Alert a = fire(firing("A", "paris", "critical", T0), 1);
        round.run(NOW);
        Alert b = fire(firing("B", "paris", "warning", T0), 2);
        round.run(NOW.plusSeconds(5));
        assertThat(am.lastBatch()).as("between ticks only the change").containsExactly(b);

        round.run(NOW.plusSeconds(60));
        assertThat(am.lastBatch()).containsExactlyInAnyOrder(a, b);
        assertThat(hook.batches).hasSize(2);
    }

    @Test
    void shouldBackOffAFailingTargetWithoutHoldingBackTheOthers() {
        hook.failing = true;
        Alert a = fire(firing("A", "paris", "critical", T0), 1);
        round.run(NOW);
        assertThat(am.batches).containsExactly(List.of(a));
        assertThat(alerts.heldOffset(0)).as("the webhook still owes it").hasValue(1);

        round.run(NOW.plusMillis(500));
        assertThat(hook.attempts).as("waiting out the first backoff").isEqualTo(1);
        round.run(NOW.plusSeconds(1));
        assertThat(hook.attempts).isEqualTo(2);

        hook.failing = false;
        round.run(NOW.plusSeconds(3));
        assertThat(hook.batches).containsExactly(List.of(a));
        assertThat(alerts.heldOffset(0)).isEmpty();
        assertThat(registry.get("sitewatch.alert.deliveries").tags("target", "hook", "outcome", "failure").counter().count())
                .isEqualTo(2);
    }

    @Test
    void shouldReportExhaustionAfterMaxAttemptsAndRecoverOnSuccess() {
        hook.failing = true;
        fire(firing("A", "paris", "critical", T0), 1);
        Instant t = NOW;
        assertThat(round.run(t)).isFalse();
        t = t.plusSeconds(1);
        assertThat(round.run(t)).isFalse();
        t = t.plusSeconds(2);
        assertThat(round.run(t)).as("third failure in a row").isTrue();
        t = t.plusSeconds(4);
        assertThat(round.run(t)).as("still failing, still paused").isTrue();

        hook.failing = false;
        t = t.plusSeconds(4);
        assertThat(round.run(t)).isFalse();
        assertThat(hook.batches).hasSize(1);
    }

    @Test
    void shouldReleaseASuppressedAlertWhenItsWindowEnds() {
        Alert a = fire(firing("A", "lyon", "critical", T0), 4);
        round.run(NOW);
        assertThat(hook.batches).isEmpty();
        assertThat(am.batches).isEmpty();
        assertThat(alerts.heldOffset(0)).hasValue(4);

        round.run(T0.plusSeconds(60));
        assertThat(hook.batches).containsExactly(List.of(a));
        assertThat(am.batches).containsExactly(List.of(a));
        assertThat(alerts.heldOffset(0)).isEmpty();
    }

    @Test
    void shouldSendLargeSetsInBatches() {
        for (int i = 0; i < DeliveryRound.MAX_BATCH + 10; i++) {
            fire(firing("A" + i, "paris", "warning", T0), i);
        }
        round.run(NOW);
        assertThat(hook.batches).hasSize(2);
        assertThat(hook.batches.get(0)).hasSize(DeliveryRound.MAX_BATCH);
        assertThat(alerts.pendingCount()).isZero();
    }

    private Alert fire(Alert a, long offset) {
        alerts.apply(a.fingerprint(), a, 0, offset, round.targetNames(), NOW);
        return a;
    }
}
