package org.sitewatch.collectors.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.sitewatch.collectors.spi.CheckpointStore;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.EventPage;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventData;
import org.sitewatch.events.SitewatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every loop of one endpoint shares: its thread, change detector, publisher, checkpoints,
 * heartbeats, meters and failure log, and what every loop does with them: publish what a snapshot
 * changed (states with their checkpoints, atomically), publish event-history pages with their
 * cursor, and report the outcome of an attempt (heartbeat, meters, log).
 *
 * <p>Not thread-safe: used from the endpoint's scheduler thread only (the history cursor is also
 * read by the poll worker, hence volatile).
 */
final class EndpointServices {

    private static final Logger log = LoggerFactory.getLogger(EndpointServices.class);
    private static final int REASONS_LOGGED = 5;
    private static final String HISTORY_CURSOR = "history/cursor";

    final EndpointConfig endpoint;
    final Clock clock;
    final RetryPolicy retry;
    final ScheduledExecutorService scheduler;
    final CollectorMetrics metrics;
    final RuntimeSettings settings;
    private final EndpointPublisher publisher;
    private final ChangeDetector detector;
    private final Heartbeats heartbeats;
    private final FailureLog failureLog;
    private final Checkpoints checkpoints;
    private final PublishedStates publishedStates;
    private final Outbox outbox;
    private final String historyCursorKey;
    private volatile String historyCursor;
    private List<String> lastSkipped = List.of();
    private List<PartialRead> lastUnreadable = List.of();
    private int failuresInARow;

    EndpointServices(EndpointConfig endpoint, Clock clock, RetryPolicy retry, ScheduledExecutorService scheduler,
                     CollectorMetrics metrics, EventSink sink, Checkpoints checkpoints, RuntimeSettings settings) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.retry = retry;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.settings = settings;
        this.publisher = new EndpointPublisher(endpoint, sink, metrics);
        this.detector = new ChangeDetector(endpoint.resyncEvery());
        this.heartbeats = new Heartbeats(endpoint);
        this.failureLog = new FailureLog(endpoint);
        this.checkpoints = checkpoints;
        this.publishedStates = new PublishedStates(endpoint.id());
        this.outbox = new Outbox(endpoint.id(), settings.outboxCapacity(), publisher::send, metrics);
        List<EventData> restored = publishedStates.restore(checkpoints);
        detector.restore(restored);
        this.historyCursorKey = Checkpoints.prefixOf(endpoint.id()) + HISTORY_CURSOR;
        this.historyCursor = checkpoints.get(historyCursorKey).orElse(null);
        if (!restored.isEmpty() || historyCursor != null) {
            log.info("collector {} resumes from its checkpoints: {} entities last published{}", endpoint.id(),
                    restored.size(), historyCursor == null ? "" : ", event history after " + historyCursor);
        }
    }

    /** The checkpoint store the endpoint's source gets in its context. */
    CheckpointStore sourceCheckpoints() {
        return checkpoints.forSource(endpoint.id(),
                record -> publisher.commit(List.of(), List.of(record)));
    }

    /** Publishes what changed in a full snapshot with its checkpoints, its HA actions, and counts its skipped records. */
    void publishSnapshot(Snapshot snapshot) {
        if (publisher.takeSendFailure()) {
            detector.requestResync();
        }
        ChangeDetector.Changes changes = detector.onSnapshot(snapshot);
        publishStates(snapshot.observedAt(), changes.toPublish());
        outbox.add(publisher.events(snapshot.observedAt(), publisher.valid(snapshot.actions())));
        countSkipped(snapshot.skipped());
        noteUnreadable(snapshot.unreadable());
        log.debug("collector {}: {} of {} states published{}, {} actions", endpoint.id(), changes.toPublish().size(),
                snapshot.states().size(), changes.resync() ? " (resync)" : "", snapshot.actions().size());
    }

    /** Publishes one pushed observation when it changed something. */
    void publishObservation(Instant time, EventData data) {
        detector.onObservation(data).ifPresent(d -> {
            if (publishedStates.writesFor(List.of(d)).isEmpty()) {
                // Not a state (an HA action): sent through the outbox, so a failed send is retried in order.
                outbox.add(publisher.events(time, publisher.valid(List.of(d))));
            } else {
                publishStates(time, List.of(d));
            }
        });
    }

    /** The cursor after the last event-history page published; null before the first one. */
    String historyCursor() {
        return historyCursor;
    }

    /**
     * Publishes history pages in order, each with its cursor in one atomic write, and stops at the
     * first that could not be stored: the next cycle reads again from the last stored cursor.
     */
    void publishHistory(List<EventPage> pages) {
        for (EventPage page : pages) {
            if (page.events().isEmpty() && page.nextCursor().equals(historyCursor)) {
                continue;
            }
            List<SitewatchEvent> events = publisher.events(page);
            List<CheckpointRecord> cursor = List.of(CheckpointRecord.put(historyCursorKey, page.nextCursor()));
            if (!await(publisher.commit(events, cursor))) {
                if (scheduler.isShutdown()) {
                    log.info("collector {}: stopping; {} event-history event(s) after cursor {} were not committed, so the "
                            + "cursor did not move: the restarted collector reads them from the vendor again", endpoint.id(),
                            events.size(), historyCursor);
                }
                return;
            }
            checkpoints.apply(cursor);
            historyCursor = page.nextCursor();
        }
    }

    /** A successful poll (or a healthy subscription when {@code took} is null). */
    void succeeded(Instant observedAt, Duration took, Duration nextIn) {
        outbox.retry();
        failuresInARow = 0;
        failureLog.succeeded();
        if (took != null) {
            metrics.pollSucceeded(took, observedAt);
        } else {
            metrics.subscription(true, observedAt);
        }
        publisher.publish(observedAt, heartbeats.ok(observedAt, took, nextIn, lastUnreadable));
    }

    /**
     * A failed attempt: counts it, logs it (once per streak), publishes the heartbeat and returns
     * when to try again according to the retry policy.
     */
    Duration failed(Instant startedAt, CollectorException e, Duration took) {
        outbox.retry();
        failuresInARow++;
        Duration next = retry.afterFailure(endpoint.pollInterval(), failuresInARow, e.permanent(),
                e.retryAfter().orElse(null));
        if (took != null) {
            metrics.pollFailed(took, e.status(), e.kind());
        } else {
            metrics.subscriptionFailed(e.status(), e.kind());
        }
        failureLog.failed(e, "in " + next.toString().substring(2).toLowerCase(Locale.ROOT));
        publisher.publish(startedAt, heartbeats.failed(e, took, next));
        return next;
    }

    /** Repeats the current status as a heartbeat (push sources, between events). */
    void heartbeat(CollectorException currentFailure, Duration nextIn) {
        outbox.retry();
        Instant now = clock.instant();
        publisher.publish(now, currentFailure == null
                ? heartbeats.ok(now, null, nextIn, lastUnreadable) : heartbeats.failed(currentFailure, null, nextIn));
        if (currentFailure == null) {
            metrics.subscription(true, now);
        }
    }

    /** Whether a send failed since the last call (the flag is cleared). */
    boolean takeSendFailure() {
        return publisher.takeSendFailure();
    }

    /** Makes the next snapshot republish everything. */
    void requestResync() {
        detector.requestResync();
    }


    private void publishStates(Instant time, List<EventData> states) {
        List<EventData> valid = publisher.valid(states);
        List<CheckpointRecord> writes = publishedStates.writesFor(valid);
        // Applied once stored: what the checkpoints say was published, was.
        publisher.commit(publisher.events(time, valid), writes).whenComplete((ok, error) -> {
            if (error == null) {
                checkpoints.apply(writes);
            } else if (scheduler.isShutdown()) {
                log.info("collector {}: stopping; {} changed state(s) were not committed, so their checkpoints did not move: "
                        + "the restarted collector publishes them again", endpoint.id(), valid.size());
            }
        });
    }

    /** Says what the stopped endpoint leaves unsent: HA actions still in its outbox. */
    void stopped() {
        int waiting = outbox.size();
        if (waiting > 0) {
            log.warn("collector {}: stopped with {} HA action(s) in its outbox not acknowledged by Kafka; unless the closing "
                    + "producer still delivers them they are lost (read from a snapshot, they have no checkpoint to read "
                    + "them again from)", endpoint.id(), waiting);
        }
    }

    private boolean await(java.util.concurrent.CompletableFuture<Void> stored) {
        try {
            stored.get(settings.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void noteUnreadable(List<PartialRead> unreadable) {
        if (!unreadable.equals(lastUnreadable) && !unreadable.isEmpty()) {
            log.warn("collector {} could not read part of the endpoint; those parts keep their last state: {}",
                    endpoint.id(), unreadable.stream().map(p -> p.type().typeName() + " of " + p.scope() + " ("
                            + p.reason() + ")").collect(Collectors.joining("; ")));
        } else if (unreadable.isEmpty() && !lastUnreadable.isEmpty()) {
            log.info("collector {} reads every part of the endpoint again", endpoint.id());
        }
        lastUnreadable = unreadable;
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
