package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EventHistory;
import org.sitewatch.collectors.spi.EventPage;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;

/**
 * Polls one {@link PollingSource} on the endpoint's scheduler: poll, publish changes, heartbeat,
 * then schedule the next poll after the interval (or the back-off after a failure). The poll itself
 * runs on a separate worker thread under a deadline, so a source that hangs still gets an ERROR
 * heartbeat every cycle instead of going silent. A source with an {@link EventHistory} is then
 * read after its cursor (within the same deadline) and each page is published with its cursor
 * atomically; a history that cannot be read is a partial read of HA actions, not a failed poll.
 *
 * <p>Limits: a source that ignores interruption keeps its worker busy; later cycles then report
 * TIMEOUT without starting a second poll until the first one returns.
 */
final class PollLoop implements EndpointLoop {

    private final EndpointServices services;
    private final PollingSource source;
    private final ExecutorService worker;
    /** Polls executing on the worker; a cancelled future is "done" while its thread may still run. */
    private final AtomicInteger executing = new AtomicInteger();
    private volatile boolean running;

    PollLoop(EndpointServices services, PollingSource source) {
        this.services = services;
        this.source = source;
        this.worker = Executors.newSingleThreadExecutor(
                EndpointThreads.named("sitewatch-collector-" + services.endpoint.id() + "-poll"));
    }

    @Override
    public void start() {
        running = true;
        services.scheduler.execute(this::cycle);
    }

    private void cycle() {
        if (!running) {
            return;
        }
        Duration next = services.endpoint.pollInterval();
        Instant startedAt = services.clock.instant();
        long t0 = System.nanoTime();
        try {
            Polled polled = pollWithinDeadline();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            services.publishSnapshot(polled.snapshot());
            services.publishHistory(polled.history());
            services.succeeded(polled.snapshot().observedAt(), took, next);
        } catch (CollectorException e) {
            next = reportFailure(startedAt, e, t0);
        } catch (RuntimeException e) {
            // A bug in a mapper or the runtime must not end the loop: report it like any failure.
            next = reportFailure(startedAt, CollectorException.retriable(CollectorErrorKind.INTERNAL,
                    "internal error while polling: " + e, e), t0);
        } finally {
            if (running) {
                services.scheduler.schedule(this::cycle, next.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private Duration reportFailure(Instant startedAt, CollectorException e, long t0) {
        // A poll cut short by stop() is not a failure of the endpoint.
        if (!running) {
            return services.endpoint.pollInterval();
        }
        return services.failed(startedAt, e, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** What one poll read: the snapshot and the event-history pages after the stored cursor. */
    private record Polled(Snapshot snapshot, List<EventPage> history) {
    }

    private Polled pollOnce() throws CollectorException {
        Snapshot snapshot = source.poll();
        EventHistory history = source.eventHistory().orElse(null);
        if (history == null) {
            return new Polled(snapshot, List.of());
        }
        List<EventPage> pages = new ArrayList<>();
        String cursor = services.historyCursor();
        try {
            for (int i = 0; i < services.settings.historyPagesPerPoll(); i++) {
                EventPage page = history.readAfter(cursor);
                pages.add(page);
                cursor = page.nextCursor();
                if (!page.more()) {
                    break;
                }
            }
        } catch (CollectorException e) {
            if (e.permanent()) {
                throw e;
            }
            // The pages read so far are still published; the rest is read again next cycle.
            snapshot = withUnreadable(snapshot, new PartialRead(EventType.HA_ACTION, Scope.endpoint("event history"),
                    e.getMessage()));
        }
        return new Polled(snapshot, pages);
    }

    private static Snapshot withUnreadable(Snapshot s, PartialRead read) {
        List<PartialRead> unreadable = new ArrayList<>(s.unreadable());
        unreadable.add(read);
        return new Snapshot(s.observedAt(), s.states(), s.actions(), s.skipped(), s.partialTypes(), unreadable);
    }

    private Polled pollWithinDeadline() throws CollectorException {
        Duration deadline = services.endpoint.effectivePollDeadline();
        if (executing.get() > 0) {
            throw CollectorException.retriable(CollectorErrorKind.TIMEOUT,
                    "the previous poll is still running past its deadline of " + deadline.toMillis() + " ms", null);
        }
        Future<Polled> inFlight = worker.submit(() -> {
            executing.incrementAndGet();
            try {
                return pollOnce();
            } finally {
                executing.decrementAndGet();
            }
        });
        try {
            return inFlight.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            inFlight.cancel(true);
            throw CollectorException.retriable(CollectorErrorKind.TIMEOUT,
                    "the poll did not finish within its deadline of " + deadline.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CollectorException ce) {
                throw ce;
            }
            throw CollectorException.retriable(CollectorErrorKind.INTERNAL,
                    "the collector failed unexpectedly: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CollectorException.retriable(CollectorErrorKind.INTERNAL, "interrupted while stopping", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        worker.shutdownNow();
    }
}
