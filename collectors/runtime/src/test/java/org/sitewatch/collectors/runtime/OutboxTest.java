package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.testsupport.MutableClock;

/**
 * HA actions that fail to send wait in a bounded outbox and go out in order, before newer ones,
 * once the sink recovers; beyond the bound newer ones are dropped and counted.
 */
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final URI SOURCE = URI.create("/sitewatch/collectors/proxmox/a");
    private static final Instant T0 = Instant.parse("2025-01-07T10:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CollectorMetrics metrics = new CollectorMetrics(meters, ScriptedSources.endpoint("a", "site-a"));
    private final List<EndpointRunner> runners = new ArrayList<>();

    @AfterEach
    void stop() {
        runners.forEach(EndpointRunner::stop);
    }

    @Test
    void shouldSendWhatFailedInOrderBeforeNewerEventsOnceTheSinkRecovers() {
        InMemoryEventSink sink = new InMemoryEventSink();
        Outbox outbox = new Outbox("a", 10, sink::publish, metrics);
        sink.failSends(true);

        outbox.add(List.of(event(1), event(2)));
        outbox.retry();
        outbox.add(List.of(event(3)));
        outbox.add(List.of(event(4), event(5)));

        assertThat(sink.events()).isEmpty();
        assertThat(outbox.size()).isEqualTo(5);
        assertThat(gauge(CollectorMetrics.OUTBOX_SIZE)).isEqualTo(5);
        sink.failSends(false);
        outbox.retry();

        assertThat(actionIds(sink.events())).containsExactly("act-1", "act-2", "act-3", "act-4", "act-5");
        assertThat(outbox.size()).isZero();
        assertThat(gauge(CollectorMetrics.OUTBOX_SIZE)).isZero();
        assertThat(meters.get(CollectorMetrics.OUTBOX_DROPPED).counter().count()).isZero();
    }

    @Test
    void shouldDropAndCountWhatExceedsItsBoundAndKeepAnUnbrokenPrefix() {
        InMemoryEventSink sink = new InMemoryEventSink();
        Outbox outbox = new Outbox("a", 3, sink::publish, metrics);
        sink.failSends(true);

        outbox.add(IntStream.rangeClosed(1, 5).mapToObj(OutboxTest::event).toList());
        sink.failSends(false);
        outbox.retry();

        assertThat(actionIds(sink.events())).containsExactly("act-1", "act-2", "act-3");
        assertThat(meters.get(CollectorMetrics.OUTBOX_DROPPED).counter().count()).isEqualTo(2);
    }

    @Test
    void shouldSendOneAtATimeSoALateFailureCannotOvertakeAnEarlierEvent() {
        List<CompletableFuture<Void>> inFlight = new CopyOnWriteArrayList<>();
        List<SitewatchEvent> attempts = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox("a", 10, e -> {
            attempts.add(e);
            CompletableFuture<Void> f = new CompletableFuture<>();
            inFlight.add(f);
            return f;
        }, metrics);

        outbox.add(List.of(event(1), event(2), event(3)));
        assertThat(attempts).hasSize(1);
        inFlight.get(0).completeExceptionally(new IllegalStateException("broker unavailable"));
        outbox.retry();
        assertThat(actionIds(attempts)).containsExactly("act-1", "act-1");
        inFlight.get(1).complete(null);
        inFlight.get(2).complete(null);
        inFlight.get(3).complete(null);

        assertThat(actionIds(attempts)).containsExactly("act-1", "act-1", "act-2", "act-3");
        assertThat(outbox.size()).isZero();
    }

    @Test
    void shouldDeliverHaActionsSeenWhileKafkaWasDownOnceItIsBack() {
        InMemoryEventSink sink = new InMemoryEventSink();
        AtomicInteger poll = new AtomicInteger();
        ScriptedSources.ScriptedFactory factory = new ScriptedSources.ScriptedFactory(c -> {
            int n = poll.incrementAndGet();
            Snapshot.Builder b = Snapshot.builder(c.clock().instant());
            // Polls 1 to 4 each see one HA action of the incident.
            return n <= 4 ? b.action(action(n)).build() : b.build();
        });
        sink.failSends(true);
        EndpointRunner runner = new EndpointRunner(ScriptedSources.endpoint("a", "site-a"), factory, sink, meters,
                new MutableClock(T0), new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(300)));
        runners.add(runner);
        runner.start();

        await().atMost(WAIT).until(() -> poll.get() >= 6);
        assertThat(sink.data(HaAction.class)).isEmpty();
        sink.failSends(false);

        await().atMost(WAIT).until(() -> sink.data(HaAction.class).size() >= 4);
        assertThat(sink.data(HaAction.class)).extracting(HaAction::actionId)
                .containsExactly("act-1", "act-2", "act-3", "act-4");
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private static List<String> actionIds(List<SitewatchEvent> events) {
        return events.stream().map(e -> ((HaAction) e.data()).actionId()).toList();
    }

    private static SitewatchEvent event(int n) {
        return SitewatchEvent.observed(SOURCE, T0.plusSeconds(n), action(n));
    }

    private static HaAction action(int n) {
        return new HaAction("site-a", Platform.PROXMOX, "act-" + n, "100", "c", HaActionKind.FENCE, "pve1", null,
                "fence", "step " + n);
    }
}
