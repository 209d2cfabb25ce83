package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.ObservationSink;
import org.sitewatch.collectors.spi.PushSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventData;

/**
 * Runs one {@link PushSource}: subscribes, moves every callback onto the endpoint's scheduler
 * thread (so change detection needs no locks and a slow publisher never blocks the vendor's
 * thread for long), sends a heartbeat every poll interval, and after a failure stops the source,
 * backs off and subscribes again.
 *
 * <p>Limits: callbacks from a subscription that was already replaced are dropped.
 */
final class PushLoop implements EndpointLoop {

    private final EndpointServices services;
    private final PushSource source;
    private volatile boolean running;
    private int generation;
    private CollectorException currentFailure;
    private ScheduledFuture<?> heartbeats;

    PushLoop(EndpointServices services, PushSource source) {
        this.services = services;
        this.source = source;
    }

    @Override
    public void start() {
        running = true;
        services.scheduler.execute(this::subscribe);
        long every = services.endpoint.pollInterval().toNanos();
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
            services.succeeded(at, null, services.endpoint.pollInterval());
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
            services.heartbeat(currentFailure, services.endpoint.pollInterval());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
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
            onScheduler(() -> services.publishObservation(time, data));
        }

        @Override
        public void snapshot(Snapshot snapshot) {
            onScheduler(() -> services.publishSnapshot(snapshot));
        }

        @Override
        public void failed(CollectorException cause) {
            onScheduler(() -> onFailure(gen, cause));
        }

        private void onScheduler(Runnable task) {
            if (!running) {
                return;
            }
            try {
                services.scheduler.execute(() -> {
                    if (running && gen == generation) {
                        task.run();
                    }
                });
            } catch (RejectedExecutionException e) {
                // stop() raced with this callback: the observation is dropped, as after stop().
            }
        }
    }
}
