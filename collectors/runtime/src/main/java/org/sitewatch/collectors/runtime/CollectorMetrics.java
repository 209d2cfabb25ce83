package org.sitewatch.collectors.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventType;

/**
 * One endpoint's meters, node_exporter style: every collector has its own success, duration and
 * last-success series, tagged {@code site}, {@code platform}, {@code collector}. Label values are
 * bounded (enums), and every series exists from start-up with zero, so {@code rate()} and
 * {@code absent()} work before the first failure.
 *
 * <ul>
 *   <li>{@value #POLL_DURATION} timer (Prometheus {@code _seconds})</li>
 *   <li>{@value #POLLS} counter, {@code outcome} = ok | error | auth_failed</li>
 *   <li>{@value #ERRORS} counter, {@code kind} = a {@link CollectorErrorKind}</li>
 *   <li>{@value #LAST_SUCCESS} gauge, epoch seconds, 0 = never (Prometheus {@code _timestamp_seconds})</li>
 *   <li>{@value #UP} gauge, 1 when the last poll succeeded</li>
 *   <li>{@value #PUBLISHED} counter by {@code type} (CloudEvents type), acknowledged by the sink</li>
 *   <li>{@value #PUBLISH_FAILURES} counter by {@code type}, sends that finally failed</li>
 *   <li>{@value #SKIPPED} counter, vendor records left out because they could not be mapped</li>
 *   <li>{@value #RESYNCS} counter by {@code reason} = send_failure | queue_overflow, resyncs the runtime asked for</li>
 *   <li>{@value #CALLBACKS_DROPPED} counter, push callbacks dropped when the bounded queue overflowed</li>
 *   <li>{@value #OUTBOX_SIZE} gauge, one-off events (HA actions) waiting to be sent again</li>
 *   <li>{@value #OUTBOX_DROPPED} counter, one-off events dropped because the outbox was full</li>
 * </ul>
 */
public final class CollectorMetrics {

    public static final String POLL_DURATION = "sitewatch.collector.poll.duration";
    public static final String POLLS = "sitewatch.collector.polls";
    public static final String ERRORS = "sitewatch.collector.errors";
    public static final String LAST_SUCCESS = "sitewatch.collector.last.success.timestamp";
    public static final String UP = "sitewatch.collector.up";
    public static final String PUBLISHED = "sitewatch.collector.events.published";
    public static final String PUBLISH_FAILURES = "sitewatch.collector.events.publish.failures";
    public static final String SKIPPED = "sitewatch.collector.records.skipped";
    public static final String RESYNCS = "sitewatch.collector.resyncs";
    public static final String CALLBACKS_DROPPED = "sitewatch.collector.push.callbacks.dropped";
    public static final String OUTBOX_SIZE = "sitewatch.collector.outbox.size";
    public static final String OUTBOX_DROPPED = "sitewatch.collector.outbox.dropped";

    /** Why the runtime asked for a resync. */
    enum ResyncReason { SEND_FAILURE, QUEUE_OVERFLOW }

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Timer pollDuration;
    private final Map<CollectorStatus, Counter> polls = new EnumMap<>(CollectorStatus.class);
    private final Map<CollectorErrorKind, Counter> errors = new EnumMap<>(CollectorErrorKind.class);
    private final Map<EventType, Counter> published = new EnumMap<>(EventType.class);
    private final Map<EventType, Counter> publishFailures = new EnumMap<>(EventType.class);
    private final Counter skipped;
    private final Map<ResyncReason, Counter> resyncs = new EnumMap<>(ResyncReason.class);
    private final Counter callbacksDropped;
    private final Counter outboxDropped;
    private final AtomicInteger outboxSize = new AtomicInteger();
    private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();
    private final AtomicInteger up = new AtomicInteger();

    public CollectorMetrics(MeterRegistry registry, EndpointConfig endpoint) {
        this.registry = registry;
        Tags tags = Tags.of("site", endpoint.site(), "platform", endpoint.platform().wire(), "collector", endpoint.id());
        pollDuration = add(Timer.builder(POLL_DURATION).description("How long polling the vendor endpoint took")
                .tags(tags).register(registry));
        for (CollectorStatus status : CollectorStatus.values()) {
            polls.put(status, add(Counter.builder(POLLS).description("Polls by outcome")
                    .tags(tags).tag("outcome", status.name().toLowerCase(Locale.ROOT)).register(registry)));
        }
        for (CollectorErrorKind kind : CollectorErrorKind.values()) {
            errors.put(kind, add(Counter.builder(ERRORS).description("Failed polls by error kind")
                    .tags(tags).tag("kind", kind.name()).register(registry)));
        }
        for (EventType type : EventType.values()) {
            published.put(type, add(Counter.builder(PUBLISHED).description("Events acknowledged by the event sink")
                    .tags(tags).tag("type", type.typeName()).register(registry)));
            publishFailures.put(type, add(Counter.builder(PUBLISH_FAILURES)
                    .description("Events the sink finally failed to store; the next resync republishes")
                    .tags(tags).tag("type", type.typeName()).register(registry)));
        }
        skipped = add(Counter.builder(SKIPPED).description("Vendor records that could not be mapped and were left out")
                .tags(tags).register(registry));
        for (ResyncReason reason : ResyncReason.values()) {
            resyncs.put(reason, add(Counter.builder(RESYNCS).description("Resyncs the runtime asked for, by reason")
                    .tags(tags).tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry)));
        }
        callbacksDropped = add(Counter.builder(CALLBACKS_DROPPED)
                .description("Push callbacks dropped because the endpoint's bounded queue overflowed")
                .tags(tags).register(registry));
        outboxDropped = add(Counter.builder(OUTBOX_DROPPED)
                .description("One-off events (HA actions) dropped because the endpoint's outbox was full")
                .tags(tags).register(registry));
        add(Gauge.builder(OUTBOX_SIZE, outboxSize, AtomicInteger::doubleValue).strongReference(true)
                .description("One-off events waiting in the outbox to be sent again").tags(tags).register(registry));
        add(Gauge.builder(LAST_SUCCESS, lastSuccessEpochSeconds, AtomicLong::doubleValue).strongReference(true)
                .description("When the endpoint was last read successfully, 0 when never")
                .baseUnit("seconds").tags(tags).register(registry));
        add(Gauge.builder(UP, up, AtomicInteger::doubleValue).strongReference(true)
                .description("1 when the last poll succeeded, else 0").tags(tags).register(registry));
    }

    void pollSucceeded(Duration duration, Instant observedAt) {
        pollDuration.record(duration);
        polls.get(CollectorStatus.OK).increment();
        lastSuccessEpochSeconds.set(observedAt.getEpochSecond());
        up.set(1);
    }

    void pollFailed(Duration duration, CollectorStatus status, CollectorErrorKind kind) {
        pollDuration.record(duration);
        polls.get(status).increment();
        errors.get(kind).increment();
        up.set(0);
    }

    /** A push source's subscription broke or came back (no poll duration to record). */
    void subscription(boolean healthy, Instant at) {
        up.set(healthy ? 1 : 0);
        if (healthy) {
            lastSuccessEpochSeconds.set(at.getEpochSecond());
        }
    }

    void subscriptionFailed(CollectorStatus status, CollectorErrorKind kind) {
        polls.get(status).increment();
        errors.get(kind).increment();
        up.set(0);
    }

    void published(EventType type) {
        published.get(type).increment();
    }

    void publishFailed(EventType type) {
        publishFailures.get(type).increment();
    }

    void skipped(int records) {
        skipped.increment(records);
    }

    void resync(ResyncReason reason) {
        resyncs.get(reason).increment();
    }

    void callbacksDropped(int callbacks) {
        callbacksDropped.increment(callbacks);
    }

    void outbox(int size, int dropped) {
        outboxSize.set(size);
        if (dropped > 0) {
            outboxDropped.increment(dropped);
        }
    }

    /** Removes this endpoint's meters, so a stopped endpoint leaves no frozen series behind. */
    void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }

    private <M extends Meter> M add(M meter) {
        meters.add(meter);
        return meter;
    }
}
