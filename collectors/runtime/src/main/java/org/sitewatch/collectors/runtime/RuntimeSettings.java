package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How the runtime treats every endpoint, beyond each endpoint's own settings.
 *
 * @param pushHeartbeatInterval how often a push source's endpoint sends a heartbeat; null: its poll interval
 * @param callbackQueueCapacity the most callbacks of one push source waiting for the endpoint's thread;
 *     on overflow they are dropped (counted) and the source is asked to resync
 * @param outboxCapacity the most HA actions (and other one-off events) one endpoint keeps while they
 *     cannot be sent; beyond it the oldest are dropped, counted and logged
 * @param commitTimeout the longest the endpoint waits for an atomic write (events with their
 *     checkpoints) before treating it as failed
 * @param historyPagesPerPoll the most event-history pages read in one poll cycle
 * @param shutdownTimeout the longest stopping the collectors may take, Kafka reachable or not (default 8 s,
 *     within Docker's 10 s between SIGTERM and SIGKILL); see {@link ShutdownBudget}
 */
public record RuntimeSettings(Duration pushHeartbeatInterval, int callbackQueueCapacity, int outboxCapacity,
                              Duration commitTimeout, int historyPagesPerPoll, Duration shutdownTimeout) {

    public static final RuntimeSettings DEFAULT = new RuntimeSettings(null, 10_000, 1_000, Duration.ofSeconds(30), 10);

    /** The default shutdown time ({@link ShutdownBudget#DEFAULT_TOTAL}). */
    public RuntimeSettings(Duration pushHeartbeatInterval, int callbackQueueCapacity, int outboxCapacity,
                           Duration commitTimeout, int historyPagesPerPoll) {
        this(pushHeartbeatInterval, callbackQueueCapacity, outboxCapacity, commitTimeout, historyPagesPerPoll,
                ShutdownBudget.DEFAULT_TOTAL);
    }

    public RuntimeSettings {
        if (pushHeartbeatInterval != null && (pushHeartbeatInterval.isNegative() || pushHeartbeatInterval.isZero())) {
            throw new IllegalArgumentException("push-heartbeat-interval must be positive but was " + pushHeartbeatInterval);
        }
        if (callbackQueueCapacity < 1) {
            throw new IllegalArgumentException("callback-queue-capacity must be at least 1 but was " + callbackQueueCapacity);
        }
        if (outboxCapacity < 1) {
            throw new IllegalArgumentException("outbox-capacity must be at least 1 but was " + outboxCapacity);
        }
        Objects.requireNonNull(commitTimeout, "commitTimeout");
        if (commitTimeout.isNegative() || commitTimeout.isZero()) {
            throw new IllegalArgumentException("commit-timeout must be positive but was " + commitTimeout);
        }
        if (historyPagesPerPoll < 1) {
            throw new IllegalArgumentException("history-pages-per-poll must be at least 1 but was " + historyPagesPerPoll);
        }
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (shutdownTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("shutdown-timeout must be at least 1s but was " + shutdownTimeout);
        }
    }

    public RuntimeSettings withPushHeartbeatInterval(Duration interval) {
        return new RuntimeSettings(interval, callbackQueueCapacity, outboxCapacity, commitTimeout, historyPagesPerPoll,
                shutdownTimeout);
    }

    public RuntimeSettings withCallbackQueueCapacity(int capacity) {
        return new RuntimeSettings(pushHeartbeatInterval, capacity, outboxCapacity, commitTimeout, historyPagesPerPoll,
                shutdownTimeout);
    }

    public RuntimeSettings withOutboxCapacity(int capacity) {
        return new RuntimeSettings(pushHeartbeatInterval, callbackQueueCapacity, capacity, commitTimeout, historyPagesPerPoll,
                shutdownTimeout);
    }

    public RuntimeSettings withShutdownTimeout(Duration timeout) {
        return new RuntimeSettings(pushHeartbeatInterval, callbackQueueCapacity, outboxCapacity, commitTimeout,
                historyPagesPerPoll, timeout);
    }

    /** The heartbeat interval of a push endpoint whose poll interval is {@code pollInterval}. */
    Duration pushHeartbeatEvery(Duration pollInterval) {
        return pushHeartbeatInterval == null ? pollInterval : pushHeartbeatInterval;
    }
}
