package org.sitewatch.bench.collector;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.Platform;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.proxmox.ProxmoxSimulator;

/**
 * One fresh collector, started the way {@code sitewatch collectors} starts it (a
 * {@link CollectorManager} with the registered Proxmox plug-in), polling the simulator: a first poll,
 * then {@code unchanged} polls with the simulator's clock standing still, then {@code changed} polls
 * each after moving the clock by one change round of {@link LargeProxmoxCluster}. The clock is moved
 * at the end of the previous poll, on the collector's thread, so the next poll surely sees the change.
 */
final class PollSequence {

    private final ProxmoxSimulator simulator;
    private final ManualClock simulatorClock;
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

    PollSequence(ProxmoxSimulator simulator, ManualClock simulatorClock, Duration pollInterval, int runner, int unchanged,
                 int changed) {
        this.simulator = simulator;
        this.simulatorClock = simulatorClock;
        this.pollInterval = pollInterval;
        this.runner = runner;
        this.unchanged = unchanged;
        this.changed = changed;
    }

    /** Runs the polls; returns those measured when done or when {@code limit} passed. */
    List<PollSample> run(Duration limit) throws InterruptedException {
        EndpointConfig endpoint = EndpointConfig.builder(LargeProxmoxCluster.CLUSTER, LargeProxmoxCluster.SITE,
                        Platform.PROXMOX)
                .setting("url", simulator.baseUrl(LargeProxmoxCluster.CLUSTER))
                .setting("api-token", simulator.apiToken(LargeProxmoxCluster.CLUSTER))
                .pollInterval(pollInterval)
                .build();
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
            simulatorClock.advance(LargeProxmoxCluster.CHANGE_EVERY);
        }
    }
}
