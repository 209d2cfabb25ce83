package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sitewatch.collectors.runtime.CollectorMetrics.ResyncReason;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.ObservationSink;
import org.sitewatch.collectors.spi.PushSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link PushSource}: subscribes, moves every callback onto the endpoint's scheduler thread
 * through a bounded queue (so change detection needs no locks and a slow publisher never blocks
 * the vendor's thread), sends a heartbeat every push heartbeat interval, and after a failure stops
 * the source, backs off and subscribes again.
 *
 * <p>When the queue overflows, what it holds is dropped (counted in
 * {@value CollectorMetrics#CALLBACKS_DROPPED}) and the source is asked to {@link PushSource#resync()};
 * so is it after a send to Kafka failed. A source that cannot resync is re-subscribed, which
 * delivers a snapshot by the SPI's contract.
 *
 * <p>Limits: callbacks from a subscription that was already replaced are dropped; a failure report
 * ({@link ObservationSink#failed}) bypasses the queue so it is never lost to an overflow.
 */
final class PushLoop implements EndpointLoop {

    private static final Logger log = LoggerFactory.getLogger(PushLoop.class);
    /** Callbacks handled per turn of the scheduler thread, so heartbeats are not starved by a flood. */
    private static final int DRAIN_BATCH = 500;

    private final EndpointServices services;
    private final PushSource source;
    private final BlockingQueue<Callback> queue;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean resyncPending = new AtomicBoolean();
    private final Duration heartbeatEvery;
    private volatile boolean running;
    private volatile int generation;
    private CollectorException currentFailure;
    private ScheduledFuture<?> heartbeats;

    /** One callback of one subscription, waiting for the endpoint's thread. */
    private record Callback(int gen, Runnable task) {
    }

    PushLoop(EndpointServices services, PushSource source) {
        this.services = services;
        this.source = source;
        this.queue = new ArrayBlockingQueue<>(services.settings.callbackQueueCapacity());
        this.heartbeatEvery = services.settings.pushHeartbeatEvery(services.endpoint.pollInterval());
    }

    @Override
    public void start() {
        running = true;
        services.scheduler.execute(this::subscribe);
        long every = heartbeatEvery.toNanos();
        heartbeats = services.scheduler.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.NANOSECONDS);
    }

    private void subscribe() {
        if (!running) {
            return;
        }
        generation++;
        Instant at = services.clock.instant();
        try {
            source.start(new Sink(generation));
            currentFailure = null;
            services.succeeded(at, null, heartbeatEvery);
        } catch (CollectorException e) {
            onFailure(generation, e);
        } catch (RuntimeException e) {
            onFailure(generation, CollectorException.retriable(CollectorErrorKind.INTERNAL,
                    "the source failed to subscribe: " + e, e));
        }
    }

    private void onFailure(int gen, CollectorException e) {
        if (!running || gen != generation) {
            return;
        }
        generation++;
        currentFailure = e;
        source.stop();
        Duration next = services.failed(services.clock.instant(), e, null);
        services.scheduler.schedule(this::subscribe, next.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void heartbeat() {
        if (running) {
            resyncAfterSendFailure();
            services.heartbeat(currentFailure, heartbeatEvery);
        }
    }

    /** Runs queued callbacks on the endpoint's thread, a batch at a time. */
    private void drain() {
        drainScheduled.set(false);
        List<Callback> batch = new ArrayList<>(Math.min(DRAIN_BATCH, queue.size()));
        queue.drainTo(batch, DRAIN_BATCH);
        for (Callback callback : batch) {
            if (running && callback.gen() == generation) {
                callback.task().run();
            }
        }
        resyncAfterSendFailure();
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }

    private void scheduleDrain() {
        if (running && drainScheduled.compareAndSet(false, true)) {
            try {
                services.scheduler.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // stop() raced with this callback: what is queued is dropped, as after stop().
            }
        }
    }

    /** Called from the vendor's thread: queues, or on overflow drops the queue and asks for a resync. */
    private void enqueue(int gen, Runnable task) {
        if (!running) {
            return;
        }
        if (queue.offer(new Callback(gen, task))) {
            scheduleDrain();
            return;
        }
        List<Callback> dropped = new ArrayList<>();
        queue.drainTo(dropped);
        services.metrics.callbacksDropped(dropped.size() + 1);
        log.warn("collector {}: {} push callbacks dropped, the queue of {} was full; asking the source to resync",
                services.endpoint.id(), dropped.size() + 1, services.settings.callbackQueueCapacity());
        requestResync(ResyncReason.QUEUE_OVERFLOW);
    }

    private void resyncAfterSendFailure() {
        if (services.takeSendFailure()) {
            requestResync(ResyncReason.SEND_FAILURE);
        }
    }

    /** Asks the source for a fresh snapshot, once however many reasons pile up before it runs. */
    private void requestResync(ResyncReason reason) {
        if (!resyncPending.compareAndSet(false, true)) {
            return;
        }
        services.metrics.resync(reason);
        try {
            services.scheduler.execute(() -> resync(reason));
        } catch (RejectedExecutionException e) {
            resyncPending.set(false);
        }
    }

    private void resync(ResyncReason reason) {
        resyncPending.set(false);
        if (!running || currentFailure != null) {
            // A failed subscription resubscribes anyway, which brings a snapshot.
            return;
        }
        // What the detector believes published may not be: the next snapshot republishes everything.
        services.requestResync();
        boolean willSend;
        try {
            willSend = source.resync();
        } catch (RuntimeException e) {
            log.warn("collector {}: the source failed to resync ({}); subscribing again", services.endpoint.id(),
                    Redactor.redact(e.toString()));
            willSend = false;
        }
        log.info("collector {}: resync after {} ({})", services.endpoint.id(),
                reason == ResyncReason.SEND_FAILURE ? "a failed send" : "a callback queue overflow",
                willSend ? "the source sends a snapshot" : "subscribing again");
        if (!willSend) {
            generation++;
            source.stop();
            subscribe();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        queue.clear();
        source.stop();
    }

    /** The sink one subscription gets; it forwards to the scheduler thread while that subscription is current. */
    private final class Sink implements ObservationSink {
        private final int gen;

        Sink(int gen) {
            this.gen = gen;
        }

        @Override
        public void observe(Instant time, EventData data) {
            enqueue(gen, () -> services.publishObservation(time, data));
        }

        @Override
        public void snapshot(Snapshot snapshot) {
            enqueue(gen, () -> services.publishSnapshot(snapshot));
        }

        @Override
        public void failed(CollectorException cause) {
            if (!running) {
                return;
            }
            try {
                services.scheduler.execute(() -> onFailure(gen, cause));
            } catch (RejectedExecutionException e) {
                // stop() raced with this callback.
            }
        }
    }
}
