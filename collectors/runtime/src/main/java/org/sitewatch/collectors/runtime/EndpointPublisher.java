package org.sitewatch.collectors.runtime;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.EventPage;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.SitewatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one endpoint's records into CloudEvents (source {@code /sitewatch/collectors/<platform>/<id>},
 * deterministic id, event time) and hands them to the {@link EventSink}. A record that breaks the
 * contract is not sent (it would only reach the dead-letter topic) but counted as skipped. Send
 * failures are counted, logged once per streak, and flagged so the runtime schedules a resync.
 * States and event-history pages go out with their checkpoints in one atomic write ({@link #commit}).
 */
final class EndpointPublisher {

    private static final Logger log = LoggerFactory.getLogger(EndpointPublisher.class);

    private final EndpointConfig endpoint;
    private final URI source;
    private final EventSink sink;
    private final CollectorMetrics metrics;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean failedSinceCheck = new AtomicBoolean();

    EndpointPublisher(EndpointConfig endpoint, EventSink sink, CollectorMetrics metrics) {
        this.endpoint = endpoint;
        this.source = sourceOf(endpoint);
        this.sink = sink;
        this.metrics = metrics;
    }

    /** The CloudEvents source of an endpoint's events. */
    static URI sourceOf(EndpointConfig endpoint) {
        return URI.create("/sitewatch/collectors/" + endpoint.platform().wire() + "/" + endpoint.id());
    }

    URI source() {
        return source;
    }

    /** Publishes the records, all observed at {@code time}; returns how many were refused as invalid. */
    int publish(Instant time, List<? extends EventData> records) {
        int invalid = 0;
        for (EventData data : records) {
            if (!publish(time, data)) {
                invalid++;
            }
        }
        return invalid;
    }

    /** Sends one event; the future says whether it was stored (counted like every send). */
    CompletableFuture<Void> send(SitewatchEvent event) {
        CompletableFuture<Void> stored;
        try {
            stored = sink.publish(event);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.whenComplete((ok, error) -> outcome(List.of(event), error));
    }

    /** Publishes one record; false when it was refused as invalid (and counted as skipped). */
    boolean publish(Instant time, EventData data) {
        if (!valid(data)) {
            return false;
        }
        SitewatchEvent event = SitewatchEvent.observed(source, time, data);
        sink.publish(event).whenComplete((ok, error) -> outcome(List.of(event), error));
        return true;
    }

    /** The records that keep the contract; the others are counted as skipped and logged. */
    List<EventData> valid(List<? extends EventData> records) {
        List<EventData> valid = new ArrayList<>(records.size());
        for (EventData data : records) {
            if (valid(data)) {
                valid.add(data);
            }
        }
        return valid;
    }

    /** Valid records as the events an observation at {@code time} publishes. */
    List<SitewatchEvent> events(Instant time, List<? extends EventData> validRecords) {
        return validRecords.stream().map(d -> SitewatchEvent.observed(source, time, d)).toList();
    }

    /** A history page's valid events; the vendor's own event id is kept when it gave one. */
    List<SitewatchEvent> events(EventPage page) {
        List<SitewatchEvent> events = new ArrayList<>();
        for (EventPage.HistoryEvent e : page.events()) {
            if (valid(e.data())) {
                events.add(e.vendorEventId() == null ? SitewatchEvent.observed(source, e.time(), e.data())
                        : SitewatchEvent.fromVendorEvent(e.vendorEventId(), source, e.time(), e.data()));
            }
        }
        return events;
    }

    /**
     * Stores events and checkpoint writes together or not at all; counts the outcome. The future
     * fails when nothing was stored.
     */
    CompletableFuture<Void> commit(List<SitewatchEvent> events, List<CheckpointRecord> checkpoints) {
        if (events.isEmpty() && checkpoints.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> stored;
        try {
            stored = sink.publishAtomically(endpoint.id(), events, checkpoints);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.whenComplete((ok, error) -> outcome(events, error));
    }

    private boolean valid(EventData data) {
        List<String> problems = EventValidator.problems(data);
        if (problems.isEmpty()) {
            return true;
        }
        metrics.skipped(1);
        log.warn("collector {} produced an invalid {} for {} and did not publish it: {}", endpoint.id(),
                data.getClass().getSimpleName(), data.key(), String.join("; ", problems));
        return false;
    }

    private void outcome(List<SitewatchEvent> events, Throwable error) {
        if (error == null) {
            events.forEach(e -> metrics.published(e.type()));
            if (failing.compareAndSet(true, false)) {
                log.info("collector {}: publishing works again", endpoint.id());
            }
            return;
        }
        events.forEach(e -> metrics.publishFailed(e.type()));
        failedSinceCheck.set(true);
        if (failing.compareAndSet(false, true)) {
            String what = events.isEmpty() ? "checkpoints" : events.get(0).type().typeName() + " " + events.get(0).subject()
                    + (events.size() > 1 ? " and " + (events.size() - 1) + " more" : "");
            log.warn("collector {}: could not publish {} ({}); further failures are counted in {}, "
                    + "and the next resync republishes the state", endpoint.id(), what, error.toString(),
                    CollectorMetrics.PUBLISH_FAILURES);
        }
    }

    /** Whether a send failed since the last call; the runtime then asks for a resync. */
    boolean takeSendFailure() {
        return failedSinceCheck.getAndSet(false);
    }
}
