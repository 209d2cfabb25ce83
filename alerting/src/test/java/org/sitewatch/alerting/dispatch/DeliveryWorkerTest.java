package org.sitewatch.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.delivery.AlertTarget;
import org.sitewatch.alerting.delivery.Backoff;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.events.Alert;

/** A target's worker thread: woken by new state changes, and DOWN with its error once it died. */
class DeliveryWorkerTest {

    private final ActiveAlerts alerts = new ActiveAlerts(new MaintenanceWindows(List.of(), Duration.ofHours(1)),
            Duration.ofHours(1));
    private final DeliveryMetrics metrics = new DeliveryMetrics(new SimpleMeterRegistry(), alerts, Clock.systemUTC());

    @Test
    void shouldDeliverWhenWokenAndSayWhenItDied() {
        List<Alert> received = new CopyOnWriteArrayList<>();
        AlertTarget target = new AlertTarget() {
            @Override
            public String name() {
                return "hook";
            }

            @Override
            public void deliver(List<Alert> batch, Instant now) {
                if (batch.stream().anyMatch(a -> a.alertname().equals("Poison"))) {
                    throw new AssertionError("a bug in the target");
                }
                received.addAll(batch);
            }
        };
        // A long re-check: only the wake-up can make the first delivery prompt.
        DeliveryWorker worker = new DeliveryWorker(new TargetDelivery(alerts, target, Backoff.DEFAULT, Duration.ZERO, metrics),
                Clock.systemUTC(), Duration.ofMinutes(5));
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.health().up());
            Alert a = firing("HaHostFailed", "paris", "critical", Instant.now());
            alerts.apply(a.fingerprint(), a, 0, 1, Set.of("hook"), Instant.now());
            worker.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(a));

            Alert poison = firing("Poison", "paris", "critical", Instant.now());
            alerts.apply(poison.fingerprint(), poison, 0, 2, Set.of("hook"), Instant.now());
            worker.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.health().dead());
            assertThat(worker.health().component()).isEqualTo("alert-delivery/hook");
            assertThat(worker.health().details()).containsKey("diedAt")
                    .containsEntry("error", "AssertionError: a bug in the target");
        } finally {
            worker.requestStop();
            worker.awaitStop(System.nanoTime() + Duration.ofSeconds(5).toNanos());
        }
    }
}
