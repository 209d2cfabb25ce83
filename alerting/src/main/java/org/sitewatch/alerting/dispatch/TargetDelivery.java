package org.sitewatch.alerting.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sitewatch.alerting.delivery.AlertTarget;
import org.sitewatch.alerting.delivery.Backoff;
import org.sitewatch.alerting.delivery.DeliveryException;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.events.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target's delivery, without Kafka or threads: on each {@link #attempt} (unless it is backing
 * off) what the target is owed (state changes from {@link ActiveAlerts}) plus, for a re-sending
 * target whose tick is due, the whole active set; sent in chunks of at most {@link #MAX_BATCH}
 * alerts (Prometheus' batch size), each accepted chunk marked delivered at once. A failure backs
 * this target off ({@link Backoff}); other targets have their own {@code TargetDelivery} and worker,
 * so they never wait for it.
 *
 * <p>Called by its {@link DeliveryWorker} only.
 */
final class TargetDelivery {

    /** Alerts per request, as Prometheus' notifier batches them. */
    static final int MAX_BATCH = 256;

    private static final Logger log = LoggerFactory.getLogger(TargetDelivery.class);

    private final ActiveAlerts alerts;
    private final AlertTarget target;
    private final TargetState state = new TargetState();
    private final Backoff backoff;
    private final Duration resolvedResendFor;
    private final DeliveryMetrics metrics;

    TargetDelivery(ActiveAlerts alerts, AlertTarget target, Backoff backoff, Duration resolvedResendFor,
                   DeliveryMetrics metrics) {
        this.alerts = alerts;
        this.target = target;
        this.backoff = backoff;
        this.resolvedResendFor = resolvedResendFor;
        this.metrics = metrics;
        metrics.track(target.name(), state, alerts);
    }

    String name() {
        return target.name();
    }

    TargetState state() {
        return state;
    }

    /**
     * Delivers what is owed (and the re-sends, when due) unless the target is backing off; returns
     * the next instant at which something is due without new records (end of the backoff, next
     * re-send tick), {@link Instant#MAX} if nothing.
     */
    Instant attempt(Instant now) {
        if (state.mayAttempt(now)) {
            deliver(now);
        }
        return nextDue();
    }

    private void deliver(Instant now) {
        List<Alert> owed = alerts.deliverableFor(target.name(), now);
        Optional<Duration> resend = target.resendInterval();
        boolean resendDue = resend.isPresent() && state.resendDue(now, resend.get());
        if (resendDue && alerts.isRebuilding()) {
            resendDue = false; // a re-send of half the active set would tell Alertmanager nothing wrong, but wait for all
        }
        List<Alert> batch = resendDue ? union(owed, alerts.resendable(now, resolvedResendFor)) : owed;
        for (int from = 0; from < batch.size(); from += MAX_BATCH) {
            List<Alert> chunk = batch.subList(from, Math.min(batch.size(), from + MAX_BATCH));
            if (!send(chunk, now)) {
                return;
            }
            alerts.delivered(target.name(), chunk);
        }
        if (resendDue) {
            state.resent(now);
        }
    }

    private Instant nextDue() {
        Instant next = state.failuresInARow() > 0 ? state.nextAttempt() : Instant.MAX;
        Optional<Duration> resend = target.resendInterval();
        // Never re-sent yet (the state is still being rebuilt): the worker's regular re-check covers it.
        if (resend.isPresent() && !state.lastResend().equals(Instant.MIN)) {
            Instant tick = state.lastResend().plus(resend.get());
            next = tick.isBefore(next) ? tick : next;
        }
        return next;
    }

    private boolean send(List<Alert> chunk, Instant now) {
        long started = System.nanoTime();
        try {
            target.deliver(chunk, now);
            metrics.delivered(target.name(), true, Duration.ofNanos(System.nanoTime() - started));
            if (state.succeeded(now)) {
                log.info("alert target {} accepts deliveries again", target.name());
            }
            return true;
        } catch (DeliveryException | RuntimeException e) {
            metrics.delivered(target.name(), false, Duration.ofNanos(System.nanoTime() - started));
            state.failed(now, backoff, e.getMessage());
            logFailure(e);
            return false;
        }
    }

    private void logFailure(Exception e) {
        int n = state.failuresInARow();
        if (n == 1) {
            log.warn("alert target {} did not accept a delivery, retrying with backoff: {}", target.name(), e.getMessage());
        } else if (n == backoff.maxAttempts()) {
            log.error("alert target {} failed {} times in a row; its state changes wait (other targets are not held "
                    + "back) and delivery is retried every {} until it succeeds: {}", target.name(), n, backoff.max(),
                    e.getMessage());
        } else {
            log.debug("alert target {} failed again ({} in a row): {}", target.name(), n, e.getMessage());
        }
    }

    /** The owed state changes, then the re-sends of alerts that have none owed. */
    private static List<Alert> union(List<Alert> owed, List<Alert> resend) {
        List<Alert> out = new ArrayList<>(owed);
        Set<String> owedFingerprints = new HashSet<>();
        owed.forEach(a -> owedFingerprints.add(a.fingerprint()));
        resend.stream().filter(a -> !owedFingerprints.contains(a.fingerprint())).forEach(out::add);
        return out;
    }
}
