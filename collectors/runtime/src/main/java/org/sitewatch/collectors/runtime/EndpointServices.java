package org.sitewatch.collectors.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every loop of one endpoint shares: its thread, change detector, publisher, heartbeats,
 * meters and failure log, and the two things every loop does with them: publish what a snapshot
 * changed, and report the outcome of an attempt (heartbeat, meters, log).
 *
 * <p>Not thread-safe: used from the endpoint's scheduler thread only.
 */
final class EndpointServices {

    private static final Logger log = LoggerFactory.getLogger(EndpointServices.class);
    private static final int REASONS_LOGGED = 5;

    final EndpointConfig endpoint;
    final Clock clock;
    final RetryPolicy retry;
    final ScheduledExecutorService scheduler;
    final CollectorMetrics metrics;
    private final EndpointPublisher publisher;
    private final ChangeDetector detector;
    private final Heartbeats heartbeats;
    private final FailureLog failureLog;
    private List<String> lastSkipped = List.of();
    private int failuresInARow;

    EndpointServices(EndpointConfig endpoint, Clock clock, RetryPolicy retry, ScheduledExecutorService scheduler,
                     CollectorMetrics metrics, EventSink sink) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.retry = retry;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.publisher = new EndpointPublisher(endpoint, sink, metrics);
        this.detector = new ChangeDetector(endpoint.resyncEvery());
        this.heartbeats = new Heartbeats(endpoint);
        this.failureLog = new FailureLog(endpoint);
    }

    /** Publishes what changed in a full snapshot, its HA actions, and counts its skipped records. */
    void publishSnapshot(Snapshot snapshot) {
        if (publisher.takeSendFailure()) {
            detector.requestResync();
        }
        ChangeDetector.Changes changes = detector.onSnapshot(snapshot);
        publisher.publish(snapshot.observedAt(), changes.toPublish());
        publisher.publish(snapshot.observedAt(), snapshot.actions());
        countSkipped(snapshot.skipped());
        log.debug("collector {}: {} of {} states published{}, {} actions", endpoint.id(), changes.toPublish().size(),
                snapshot.states().size(), changes.resync() ? " (resync)" : "", snapshot.actions().size());
    }

    /** Publishes one pushed observation when it changed something. */
    void publishObservation(Instant time, EventData data) {
        detector.onObservation(data).ifPresent(d -> publisher.publish(time, d));
    }

    /** A successful poll (or a healthy subscription when {@code took} is null). */
    void succeeded(Instant observedAt, Duration took, Duration nextIn) {
        failuresInARow = 0;
        failureLog.succeeded();
        if (took != null) {
            metrics.pollSucceeded(took, observedAt);
        } else {
            metrics.subscription(true, observedAt);
        }
        publisher.publish(observedAt, heartbeats.ok(observedAt, took, nextIn));
    }

    /**
     * A failed attempt: counts it, logs it (once per streak), publishes the heartbeat and returns
     * when to try again according to the retry policy.
     */
    Duration failed(Instant startedAt, CollectorException e, Duration took) {
        failuresInARow++;
        Duration next = retry.afterFailure(endpoint.pollInterval(), failuresInARow, e.permanent());
        if (took != null) {
            metrics.pollFailed(took, e.status(), e.kind());
        } else {
            metrics.subscriptionFailed(e.status(), e.kind());
        }
        failureLog.failed(e, "in " + next.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
        publisher.publish(startedAt, heartbeats.failed(e, took, next));
        return next;
    }

    /** Repeats the current status as a heartbeat (push sources, between events). */
    void heartbeat(CollectorException currentFailure, Duration nextIn) {
        Instant now = clock.instant();
        publisher.publish(now, currentFailure == null
                ? heartbeats.ok(now, null, nextIn) : heartbeats.failed(currentFailure, null, nextIn));
        if (currentFailure == null) {
            metrics.subscription(true, now);
        }
    }

    private void countSkipped(List<String> skipped) {
        if (skipped.isEmpty()) {
            lastSkipped = List.of();
            return;
        }
        metrics.skipped(skipped.size());
        // The same bad records come back every poll: say it when the set changes, not each time.
        if (!skipped.equals(lastSkipped)) {
            log.warn("collector {} skipped {} vendor record(s) it could not map, e.g.: {}", endpoint.id(),
                    skipped.size(), String.join(" | ", skipped.subList(0, Math.min(REASONS_LOGGED, skipped.size()))));
        }
        lastSkipped = skipped;
    }
}
