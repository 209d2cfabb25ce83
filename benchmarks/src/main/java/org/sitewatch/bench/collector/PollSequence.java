package org.sitewatch.bench.collector;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorStatus;

/**
 * One fresh collector, started the way {@code sitewatch collectors} starts it (a {@link CollectorManager} with the
 * registered plug-ins), polling one endpoint: a first poll, then {@code unchanged} polls with nothing changed, then
 * {@code changed} polls each after one round of {@code change} (1 % of the VMs). A change runs at the end of the
 * previous poll, on the collector's thread, so the next poll surely sees it; the clocks of the next poll (CPU,
 * allocation, wall time) start after it, so its own cost is not counted.
 */
final class PollSequence {

    private final EndpointConfig endpoint;
    private final Runnable change;
    private final Duration pollInterval;
    private final int runner;
    private final int unchanged;
    private final int changed;
    private final CollectorThreadsCpu cpu = new CollectorThreadsCpu();
    private final List<PollSample> samples = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private CollectorThreadsCpu.Reading previousReading;
    private long previousEnd;
    private volatile String failure;

    /** {@code endpoint}'s poll interval is replaced by {@code pollInterval}. */
    /**
     * Runs {@code runners} fresh collectors one after the other against the same endpoint, each for one sequence,
     * until the deadline; each poll is shown on the progress line. Later runners measure a warm JVM.
     */
    static List<PollSample> ofRunners(EndpointConfig endpoint, Runnable change, Duration pollInterval, int runners,
                                      int polls, Instant deadline, ProgressLine.Task progress) throws InterruptedException {
        List<PollSample> samples = new ArrayList<>();
        for (int runner = 0; runner < runners; runner++) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                progress.say("scenario limit reached; reporting the polls measured so far");
                break;
            }
            List<PollSample> polled = new PollSequence(endpoint, change, pollInterval, runner, polls, polls).run(left);
            polled.forEach(p -> progress.say(PollCostFigures.describe(p)));
            samples.addAll(polled);
        }
        return samples;
    }

    PollSequence(EndpointConfig endpoint, Runnable change, Duration pollInterval, int runner, int unchanged, int changed) {
        this.endpoint = endpoint.toBuilder().pollInterval(pollInterval).build();
        this.change = change;
        this.pollInterval = pollInterval;
        this.runner = runner;
        this.unchanged = unchanged;
        this.changed = changed;
    }

    /** Runs the polls; returns those measured when done or when {@code limit} passed. */
    List<PollSample> run(Duration limit) throws InterruptedException {
        CollectorManager manager = new CollectorManager(List.of(endpoint), CollectorRegistry.discover(),
                new PollRecordingSink(this::pollEnded), new SimpleMeterRegistry(), Clock.systemUTC(), RetryPolicy.DEFAULT);
        previousReading = cpu.read();
        previousEnd = System.nanoTime();
        manager.start();
        try {
            done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            manager.stop();
        }
        if (failure != null) {
            throw new IllegalStateException("a poll of the simulated cluster failed: " + failure);
        }
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private int total() {
        return 1 + unchanged + changed;
    }

    private PollSample.Kind kindOf(int poll) {
        return poll == 1 ? PollSample.Kind.FIRST : poll <= 1 + unchanged ? PollSample.Kind.UNCHANGED : PollSample.Kind.CHANGED;
    }

    /** Called on the endpoint's thread with each poll's heartbeat. */
    private void pollEnded(PollRecordingSink.PollEnd end) {
        long now = System.nanoTime();
        CollectorThreadsCpu.Reading reading = cpu.read();
        long[] used = reading.since(previousReading);
        int poll;
        synchronized (samples) {
            poll = samples.size() + 1;
            if (poll > total()) {
                return;
            }
            // The first poll starts with the collector; a later one an interval after the previous heartbeat.
            long wall = now - previousEnd - (poll == 1 ? 0 : pollInterval.toNanos());
            samples.add(new PollSample(runner, kindOf(poll), used[0], used[1], wall, end.eventsBesidesHeartbeat()));
        }
        previousReading = reading;
        previousEnd = now;
        if (end.heartbeat().status() != CollectorStatus.OK) {
            failure = end.heartbeat().errorKind() + ": " + end.heartbeat().error();
            done.countDown();
        } else if (poll == total()) {
            done.countDown();
        } else if (kindOf(poll + 1) == PollSample.Kind.CHANGED) {
            try {
                change.run();
            } catch (RuntimeException e) {
                failure = "the change before poll " + (poll + 1) + " failed: " + e.getMessage();
                done.countDown();
            }
            previousReading = cpu.read();
            previousEnd = System.nanoTime();
        }
    }
}
