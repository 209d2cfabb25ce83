package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;
import org.sitewatch.testsupport.MutableClock;

/**
 * The runtime's side of push sources: a failed send leads to a resync, a flooded callback queue
 * stays bounded (what overflowed is dropped and counted, then the source resyncs), and heartbeats
 * follow their own interval.
 */
class PushResyncTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-07T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScriptedSources.RecordingPushSource source = new ScriptedSources.RecordingPushSource(true);
    private EndpointRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
    }

    private void start(EventSink sink, RuntimeSettings settings) {
        runner = new EndpointRunner(ScriptedSources.endpoint("kv", "cloud-1"),
                ScriptedSources.factoryOf(source), sink, meters, clock, new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(200)), Checkpoints.empty(),
                settings);
        runner.start();
        await().atMost(WAIT).until(() -> source.sink != null);
    }

    private double counter(String name, String tag, String value) {
        var c = tag == null ? meters.find(name).tag("collector", "kv").counter()
                : meters.find(name).tag("collector", "kv").tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void shouldAskTheSourceToResyncAfterASendFailedAndRepublishItsSnapshot() {
        InMemoryEventSink sink = new InMemoryEventSink();
        start(sink, RuntimeSettings.DEFAULT);
        sink.failSends(true);

        source.sink.observe(clock.instant(), vm("1", PowerState.RUNNING));

        await().atMost(WAIT).until(() -> source.resyncs.get() >= 1);
        assertThat(counter(CollectorMetrics.RESYNCS, "reason", "send_failure")).isGreaterThanOrEqualTo(1);
        sink.failSends(false);
        source.sink.snapshot(Snapshot.builder(clock.instant()).state(vm("1", PowerState.RUNNING)).build());
        await().atMost(WAIT).until(() -> sink.data(VmState.class).size() == 1);
        assertThat(source.starts.get()).as("a source that can resync is not re-subscribed").isEqualTo(1);
    }

    @Test
    void shouldSubscribeAgainWhenTheSourceCannotResync() {
        InMemoryEventSink sink = new InMemoryEventSink();
        source.canResync = false;
        start(sink, RuntimeSettings.DEFAULT);
        sink.failSends(true);

        source.sink.observe(clock.instant(), vm("1", PowerState.RUNNING));

        await().atMost(WAIT).until(() -> source.starts.get() >= 2);
        assertThat(source.stops.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldKeepAFloodedCallbackQueueBoundedCountWhatItDroppedAndResync() throws Exception {
        BlockingSink sink = new BlockingSink();
        start(sink, RuntimeSettings.DEFAULT.withCallbackQueueCapacity(100));
        int pushed = 20_000;

        // The endpoint's thread is stuck publishing the first observation while the vendor keeps calling back.
        source.sink.observe(clock.instant(), vm("0", PowerState.RUNNING));
        assertThat(sink.blocked.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        for (int i = 1; i < pushed; i++) {
            source.sink.observe(clock.instant(), vm(Integer.toString(i), PowerState.RUNNING));
        }
        double dropped = counter(CollectorMetrics.CALLBACKS_DROPPED, null, null);
        sink.release.countDown();

        assertThat(dropped).as("all but the queue's 100 (and the one being published) were dropped")
                .isBetween((double) pushed - 1 - 100, (double) pushed - 1);
        await().atMost(WAIT).until(() -> source.resyncs.get() >= 1);
        assertThat(counter(CollectorMetrics.RESYNCS, "reason", "queue_overflow")).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT).until(() -> sink.published.get() + dropped >= pushed);
        assertThat(sink.published.get()).as("published: the blocked one and what the queue held").isLessThanOrEqualTo(101);
    }

    @Test
    void shouldSendPushHeartbeatsAtTheirOwnInterval() {
        InMemoryEventSink sink = new InMemoryEventSink();
        start(sink, RuntimeSettings.DEFAULT.withPushHeartbeatInterval(Duration.ofSeconds(3)));

        await().atMost(WAIT).until(() -> sink.lastHeartbeat("kv") != null);

        assertThat(sink.lastHeartbeat("kv").intervalSeconds()).isEqualTo(3);
        // The endpoint polls every 50 ms, but a push endpoint's heartbeat waits its own 3 s.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> sink.heartbeats("kv").size() == 1);
    }

    private static VmState vm(String id, PowerState power) {
        return new VmState("cloud-1", Platform.KUBEVIRT, id, "vm-" + id, "node-a", null, power, power.name(), null, null,
                false);
    }


    /** A sink whose first state publish blocks until released, like a Kafka that stopped answering. */
    private static final class BlockingSink implements EventSink {
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger published = new AtomicInteger();

        @Override
        public CompletableFuture<Void> publish(SitewatchEvent event) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> publishAtomically(String writerId, java.util.List<SitewatchEvent> events,
                                                         java.util.List<CheckpointRecord> checkpoints) {
            blocked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            published.addAndGet(events.size());
            return CompletableFuture.completedFuture(null);
        }
    }
}
