package org.sitewatch.alerting.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.alerting.health.ComponentHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of one target: loops over {@link TargetDelivery#attempt}, then sleeps until the
 * dispatcher says new state changes arrived ({@link #wake}), the target's backoff or re-send tick is
 * due, or {@code recheck} passed (an ended maintenance window releases its alerts within it). A slow
 * or dead target blocks only its own worker: every target has one.
 */
final class DeliveryWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final TargetDelivery delivery;
    private final Clock clock;
    private final Duration recheck;
    private final ComponentHealth health;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean stopping;
    private Thread thread;

    DeliveryWorker(TargetDelivery delivery, Clock clock, Duration recheck) {
        this.delivery = delivery;
        this.clock = clock;
        this.recheck = recheck;
        this.health = new ComponentHealth("alert-delivery/" + delivery.name(), this::details);
    }

    ComponentHealth health() {
        return health;
    }

    synchronized void start() {
        thread = new Thread(this, "sitewatch-alert-delivery-" + delivery.name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        health.started();
        try {
            while (!stopping) {
                Instant next = delivery.attempt(clock.instant());
                awaitSignal(next);
            }
        } catch (RuntimeException | Error e) {
            health.died(clock.instant(), e);
            log.error("the delivery worker of alert target {} stopped unexpectedly; nothing more is delivered to it",
                    delivery.name(), e);
        }
    }

    /** New state changes may be owed: try at once (unless backing off). */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Asks the loop to end after the request in flight, if any. */
    void requestStop() {
        stopping = true;
        wake();
    }

    /** Waits for the loop to end until {@code deadline} (System.nanoTime), then interrupts it. */
    void awaitStop(long deadlineNanos) {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        try {
            t.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                log.warn("the delivery worker of {} did not stop in time; its last delivery is sent again after the "
                        + "restart", delivery.name());
                t.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitSignal(Instant next) {
        long millis = recheck.toMillis();
        if (!next.equals(Instant.MAX)) {
            millis = Math.min(millis, Math.max(1, Duration.between(clock.instant(), next).toMillis()));
        }
        synchronized (signal) {
            try {
                long deadline = System.currentTimeMillis() + millis;
                while (!woken && !stopping) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        break;
                    }
                    signal.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
            woken = false;
        }
    }

    private Map<String, Object> details() {
        TargetState s = delivery.state();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("failuresInARow", s.failuresInARow());
        if (s.lastSuccess() != null) {
            out.put("lastSuccess", s.lastSuccess().toString());
        }
        if (s.lastError() != null) {
            out.put("lastError", s.lastError());
        }
        return out;
    }
}
