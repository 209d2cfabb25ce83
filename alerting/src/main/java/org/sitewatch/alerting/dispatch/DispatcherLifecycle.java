package org.sitewatch.alerting.dispatch;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link AlertDispatcher} on its own thread with the Spring context. Starts after the
 * maintenance log (so windows are known before the first delivery) and stops before it; stopping
 * lets the delivery workers finish their request and the dispatcher write the delivery state and
 * commit, bounded by {@code stopTimeout} each.
 */
public final class DispatcherLifecycle implements SmartLifecycle {

    /** After {@code KafkaMaintenanceLog.PHASE}: windows must be loaded before anything is delivered. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

    private static final Logger log = LoggerFactory.getLogger(DispatcherLifecycle.class);

    private final AlertDispatcher dispatcher;
    private final Duration stopTimeout;
    private final Runnable prepare;
    private Thread thread;
    private boolean used;

    /**
     * @param prepare run on {@link #start()} before the thread starts (creating the state topic if missing);
     *     then the topics are checked, and a failure of either stops the start-up with its reason
     */
    public DispatcherLifecycle(AlertDispatcher dispatcher, Duration stopTimeout, Runnable prepare) {
        this.dispatcher = dispatcher;
        this.stopTimeout = stopTimeout;
        this.prepare = prepare;
    }

    public AlertDispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        if (used) {
            // The Kafka clients were closed by the first stop; a new context builds a new dispatcher.
            log.warn("the alert dispatcher is single-use and was already stopped; not restarting it");
            return;
        }
        used = true;
        prepare.run();
        dispatcher.checkTopics();
        thread = new Thread(() -> {
            try {
                dispatcher.run();
            } catch (RuntimeException | Error e) {
                log.error("the alert dispatcher stopped unexpectedly; alerts are no longer delivered", e);
            }
        }, "sitewatch-alert-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        dispatcher.stop();
        try {
            // The workers' requests in flight, then the state write and the commit.
            thread.join(stopTimeout.multipliedBy(2).toMillis());
            if (thread.isAlive()) {
                log.warn("the alert dispatcher did not stop within {}", stopTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
