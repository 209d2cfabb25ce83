package org.sitewatch.bench.load;

import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.collectors.runtime.KafkaEventSink;
import org.sitewatch.events.SitewatchEvent;

/**
 * Sends events to their raw topics through the collectors' own {@link KafkaEventSink}: the same
 * producer settings ({@code acks=all}, idempotence, zstd, {@code linger.ms=20}), topic
 * {@code event.type().topic()}, key {@code <site>/<entity id>}, record timestamp = event time and
 * CloudEvents binary mode. Either as fast as the producer takes them (throughput) or at a steady
 * rate (latency and soak runs; with {@link EventClock#wall()} the event time is the moment of sending).
 */
public final class LoadProducer implements AutoCloseable {

    /** Told when Kafka acknowledged (error null) or refused an event; called on the producer's I/O thread. */
    public interface AckListener {
        AckListener NONE = (event, error) -> { };

        void acknowledged(SitewatchEvent event, Throwable error);
    }

    private final KafkaEventSink sink;

    private LoadProducer(KafkaEventSink sink) {
        this.sink = sink;
    }

    public static LoadProducer connect(String bootstrapServers) {
        return new LoadProducer(KafkaEventSink.create(bootstrapServers, Map.of(), null));
    }

    /** Sends with no progress lines and no acknowledgement listener. */
    public SendOutcome send(Iterator<SitewatchEvent> events, SendPlan plan) {
        return send(events, plan, null, AckListener.NONE);
    }

    /**
     * Sends events from {@code events} by the plan, then waits until every send is acknowledged.
     *
     * @param progress where a progress line goes once a second; may be null
     */
    public SendOutcome send(Iterator<SitewatchEvent> events, SendPlan plan, ProgressLine.Task progress, AckListener listener) {
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = plan.maxDuration() == null ? Long.MAX_VALUE : start + plan.maxDuration().toNanos();
        Pacer pacer = new Pacer(plan.eventsPerSecond(), start);
        long sent = 0;
        Instant first = null;
        Instant last = null;
        while ((plan.maxEvents() == 0 || sent < plan.maxEvents()) && events.hasNext()) {
            pacer.awaitTurn(sent);
            if (System.nanoTime() >= deadline) {
                break;
            }
            SitewatchEvent event = events.next();
            sink.publish(event).whenComplete((ok, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, error);
                }
                listener.acknowledged(event, error);
            });
            first = first == null ? event.time() : first;
            last = event.time();
            sent++;
            if (progress != null) {
                progress.update("events sent", sent, plan.maxEvents());
            }
        }
        // flush() returns once every send completed, its callback included.
        sink.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (progress != null) {
            progress.say(String.format(Locale.ROOT, "%,d events sent, %,d failed, in %.1f s: %,.0f events/s",
                    sent, failed.get(), seconds, (sent - failed.get()) / Math.max(seconds, 1e-9)));
        }
        return new SendOutcome(sent, failed.get(), seconds, first, last, firstError.get());
    }

    @Override
    public void close() {
        sink.close();
    }
}
