package org.sitewatch.alerting.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * One delivery pass over every target, without Kafka: what each target is owed (state changes
 * from {@link ActiveAlerts}) plus, for re-sending targets whose tick is due, the whole active set;
 * sent in chunks of at most {@link #MAX_BATCH} alerts (Prometheus' batch size). A target that fails
 * waits out its {@link Backoff}; one target failing never holds back another.
 *
 * <p>Dispatcher thread only.
 */
final class DeliveryRound {

    /** Alerts per request, as Prometheus' notifier batches them. */
    static final int MAX_BATCH = 256;

    private static final Logger log = LoggerFactory.getLogger(DeliveryRound.class);

    private final ActiveAlerts alerts;
    private final List<AlertTarget> targets;
    private final Map<String, TargetState> states = new LinkedHashMap<>();
    private final Backoff backoff;
    private final Duration resolvedResendFor;
    private final DeliveryMetrics metrics;

    DeliveryRound(ActiveAlerts alerts, List<AlertTarget> targets, Backoff backoff, Duration resolvedResendFor,
                  DeliveryMetrics metrics) {
        this.alerts = alerts;
        this.targets = List.copyOf(targets);
        this.backoff = backoff;
        this.resolvedResendFor = resolvedResendFor;
        this.metrics = metrics;
        for (AlertTarget t : targets) {
            if (states.put(t.name(), new TargetState()) != null) {
                throw new IllegalArgumentException("two alert targets are named " + t.name());
            }
        }
    }

    Set<String> targetNames() {
        return new LinkedHashSet<>(states.keySet());
    }

    /** Tries every target that is not backing off; returns whether some target is exhausted. */
    boolean run(Instant now) {
        for (AlertTarget target : targets) {
            TargetState state = states.get(target.name());
            if (state.mayAttempt(now)) {
                attempt(target, state, now);
            }
        }
        return anyExhausted();
    }

    boolean anyExhausted() {
        return states.values().stream().anyMatch(s -> backoff.exhausted(s.failuresInARow()));
    }

    private void attempt(AlertTarget target, TargetState state, Instant now) {
        List<Alert> owed = alerts.deliverableFor(target.name(), now);
        Optional<Duration> resend = target.resendInterval();
        boolean resendDue = resend.isPresent() && state.resendDue(now, resend.get());
        List<Alert> batch = resendDue ? union(owed, alerts.resendable(now, resolvedResendFor)) : owed;
        for (int from = 0; from < batch.size(); from += MAX_BATCH) {
            List<Alert> chunk = batch.subList(from, Math.min(batch.size(), from + MAX_BATCH));
            if (!send(target, state, chunk, now)) {
                return;
            }
            alerts.delivered(target.name(), chunk);
        }
        if (resendDue) {
            state.resent(now);
        }
    }

    private boolean send(AlertTarget target, TargetState state, List<Alert> chunk, Instant now) {
        long started = System.nanoTime();
        try {
            target.deliver(chunk, now);
            metrics.delivered(target.name(), true, Duration.ofNanos(System.nanoTime() - started));
            if (state.succeeded()) {
                log.info("alert target {} accepts deliveries again", target.name());
            }
            return true;
        } catch (DeliveryException | RuntimeException e) {
            metrics.delivered(target.name(), false, Duration.ofNanos(System.nanoTime() - started));
            state.failed(now, backoff, e.getMessage());
            logFailure(target, state, e);
            return false;
        }
    }

    private void logFailure(AlertTarget target, TargetState state, Exception e) {
        int n = state.failuresInARow();
        if (n == 1) {
            log.warn("alert target {} did not accept a delivery, retrying with backoff: {}", target.name(), e.getMessage());
        } else if (n == backoff.maxAttempts()) {
            log.error("alert target {} failed {} times in a row; reading of new alerts is paused and delivery is "
                    + "retried every {} until it succeeds (nothing is skipped): {}", target.name(), n, backoff.max(),
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
