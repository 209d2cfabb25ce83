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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.delivery.Backoff;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.events.Alert;
import org.sitewatch.events.MaintenanceWindow;

/** Each target's delivery on its own, clock-driven, without Kafka or threads. */
class TargetDeliveryTest {

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
    private final TargetDelivery toAm = new TargetDelivery(alerts, am, BACKOFF, Duration.ofMinutes(15), metrics);
    private final TargetDelivery toHook = new TargetDelivery(alerts, hook, BACKOFF, Duration.ofMinutes(15), metrics);

    @Test
    void shouldDeliverEachStateChangeOnceToAWebhook() {
        Alert a = fire(firing("A", "paris", "critical", T0), 1);
        toHook.attempt(NOW);
        toHook.attempt(NOW.plusSeconds(1));

        assertThat(hook.batches).containsExactly(List.of(a));
        assertThat(alerts.backlog("hook")).isZero();
        assertThat(registry.get("sitewatch.alert.deliveries").tags("target", "hook", "outcome", "success").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldResendTheActiveSetToAlertmanagerOnEachTickOnly() {
        Alert a = fire(firing("A", "paris", "critical", T0), 1);
        assertThat(toAm.attempt(NOW)).as("the next tick is due then").isEqualTo(NOW.plusSeconds(60));
        Alert b = fire(firing("B", "paris", "warning", T0), 2);
        toAm.attempt(NOW.plusSeconds(5));
        assertThat(am.lastBatch()).as("between ticks only the change").containsExactly(b);

        toAm.attempt(NOW.plusSeconds(60));
        assertThat(am.lastBatch()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void shouldBackOffAFailingTargetWhileAnotherDeliversAndCatchUpAfterwards() {
        hook.failing = true;
        Alert a = fire(firing("A", "paris", "critical", T0), 1);
        toAm.attempt(NOW);
        assertThat(toHook.attempt(NOW)).as("retry after the first backoff").isEqualTo(NOW.plusSeconds(1));
        assertThat(am.batches).containsExactly(List.of(a));
        assertThat(alerts.backlog("hook")).as("the webhook still owes it").isEqualTo(1);
        assertThat(alerts.backlog("alertmanager")).isZero();

        Alert b = fire(firing("B", "paris", "critical", T0), 2);
        toHook.attempt(NOW.plusMillis(500));
        assertThat(hook.attempts).as("waiting out the first backoff").isEqualTo(1);
        toAm.attempt(NOW.plusMillis(500));
        assertThat(am.lastBatch()).as("not held back by the failing webhook").containsExactly(b);
        toHook.attempt(NOW.plusSeconds(1));
        assertThat(hook.attempts).isEqualTo(2);
        assertThat(toHook.state().failuresInARow()).isEqualTo(2);

        hook.failing = false;
        toHook.attempt(NOW.plusSeconds(3));
        assertThat(hook.batches).singleElement().satisfies(batch -> assertThat(batch).containsExactlyInAnyOrder(a, b));
        assertThat(alerts.backlog("hook")).isZero();
        assertThat(toHook.state().failuresInARow()).isZero();
        assertThat(toHook.state().lastSuccess()).isEqualTo(NOW.plusSeconds(3));
        assertThat(registry.get("sitewatch.alert.deliveries").tags("target", "hook", "outcome", "failure").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("sitewatch.alert.delivery.failures.in.a.row").tags("target", "hook").gauge().value())
                .isZero();
    }

    @Test
    void shouldKeepRetryingEveryMaxBackoffAfterMaxAttemptsAndSkipNothing() {
        hook.failing = true;
        Alert a = fire(firing("A", "paris", "critical", T0), 1);
        Instant t = NOW;
        for (int i = 0; i < 6; i++) {
            toHook.attempt(t);
            t = t.plusSeconds(4);
        }
        assertThat(hook.attempts).isEqualTo(6);
        assertThat(registry.get("sitewatch.alert.delivery.backlog").tags("target", "hook").gauge().value()).isEqualTo(1);

        hook.failing = false;
        toHook.attempt(t);
        assertThat(hook.batches).containsExactly(List.of(a));
    }

    @Test
    void shouldReleaseASuppressedAlertWhenItsWindowEnds() {
        Alert a = fire(firing("A", "lyon", "critical", T0), 4);
        toHook.attempt(NOW);
        toAm.attempt(NOW);
        assertThat(hook.batches).isEmpty();
        assertThat(am.batches).isEmpty();
        assertThat(alerts.backlog("hook")).isEqualTo(1);

        toHook.attempt(T0.plusSeconds(60));
        toAm.attempt(T0.plusSeconds(60));
        assertThat(hook.batches).containsExactly(List.of(a));
        assertThat(am.batches).containsExactly(List.of(a));
        assertThat(alerts.pendingCount()).isZero();
    }

    @Test
    void shouldWaitForTheRebuildBeforeResendingToAlertmanager() {
        alerts.rebuilding(List.of(1));
        Alert a = fire(firing("A", "paris", "critical", T0), 1);
        toAm.attempt(NOW);
        assertThat(am.batches).as("partition 0 is ready: its state change goes out").containsExactly(List.of(a));
        toAm.attempt(NOW.plusSeconds(120));
        assertThat(am.batches).as("no re-send of a half-known active set").hasSize(1);

        alerts.rebuilt(List.of(1));
        toAm.attempt(NOW.plusSeconds(121));
        assertThat(am.lastBatch()).containsExactly(a);
    }

    @Test
    void shouldSendLargeSetsInBatches() {
        for (int i = 0; i < TargetDelivery.MAX_BATCH + 10; i++) {
            fire(firing("A" + i, "paris", "warning", T0), i);
        }
        toHook.attempt(NOW);
        assertThat(hook.batches).hasSize(2);
        assertThat(hook.batches.get(0)).hasSize(TargetDelivery.MAX_BATCH);
        assertThat(alerts.backlog("hook")).isZero();
    }

    private Alert fire(Alert a, long offset) {
        alerts.apply(a.fingerprint(), a, 0, offset, Set.of("alertmanager", "hook"), NOW);
        return a;
    }
}
