package org.sitewatch.collectors.runtime;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.SitewatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one endpoint's records into CloudEvents (source {@code /sitewatch/collectors/<platform>/<id>},
 * deterministic id, event time) and hands them to the {@link EventSink}. A record that breaks the
 * contract is not sent (it would only reach the dead-letter topic) but counted as skipped. Send
 * failures are counted, logged once per streak, and flagged so the runtime schedules a resync.
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

    /** Publishes one record; false when it was refused as invalid (and counted as skipped). */
    boolean publish(Instant time, EventData data) {
        List<String> problems = EventValidator.problems(data);
        if (!problems.isEmpty()) {
            metrics.skipped(1);
            log.warn("collector {} produced an invalid {} for {} and did not publish it: {}", endpoint.id(),
                    data.getClass().getSimpleName(), data.key(), String.join("; ", problems));
            return false;
        }
        SitewatchEvent event = SitewatchEvent.observed(source, time, data);
        EventType type = event.type();
        sink.publish(event).whenComplete((ok, error) -> {
            if (error == null) {
                metrics.published(type);
                if (failing.compareAndSet(true, false)) {
                    log.info("collector {}: publishing works again", endpoint.id());
                }
            } else {
                metrics.publishFailed(type);
                failedSinceCheck.set(true);
                if (failing.compareAndSet(false, true)) {
                    log.warn("collector {}: could not publish {} {} ({}); further failures are counted in {}, "
                            + "and the next resync republishes the state", endpoint.id(), type.typeName(),
                            event.subject(), error.toString(), CollectorMetrics.PUBLISH_FAILURES);
                }
            }
        });
        return true;
    }

    /** Whether a send failed since the last call; the runtime then asks for a resync. */
    boolean takeSendFailure() {
        return failedSinceCheck.getAndSet(false);
    }
}
