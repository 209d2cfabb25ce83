package org.sitewatch.collectors.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.InMemoryEventSink;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.simulator.ovirt.OvirtEstate;

/**
 * The oVirt collector in the real runtime (its event history cursor written with the events in one
 * atomic publish, read back from the sink's checkpoints at start): HA actions of the engine's events
 * before a stop and while the collector is down are each published exactly once after a restart
 * resumes from the checkpoint.
 */
class OvirtCheckpointRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CURSOR = "rhv-rome/history/cursor";

    private final ManualClock simulated = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final InMemoryEventSink sink = new InMemoryEventSink();
    private Simulator simulator;
    private CollectorManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void shouldResumeFromTheCheckpointWithoutRepeatingOrMissingAnEvent() {
        simulator = Simulator.builder(Scenario.parse(OvirtEstate.SCENARIO)).clock(simulated).tickInterval(null).build().start();
        EndpointConfig endpoint = OvirtSimulatorTest.endpoint(simulator.endpoints().get(0), Map.of()).toBuilder()
                .pollInterval(Duration.ofMillis(200)).build();

        manager = start(endpoint);
        await().atMost(WAIT).until(() -> sink.checkpoints().get(CURSOR).isPresent()
                && sink.lastHeartbeat("rhv-rome") != null && sink.lastHeartbeat("rhv-rome").status() == CollectorStatus.OK);
        String firstCursor = sink.checkpoints().get(CURSOR).orElseThrow();
        advance(50);
        advance(50); // rhv-rom-2 lost at 45 s; rom-web-2 and rom-mq-1 failed and restarted elsewhere at 75 s
        await().atMost(WAIT).until(() -> kinds().size() == 4);
        assertThat(kinds()).containsExactlyInAnyOrder(HaActionKind.OTHER, HaActionKind.OTHER, HaActionKind.RESTART,
                HaActionKind.RESTART);
        String beforeStop = sink.checkpoints().get(CURSOR).orElseThrow();
        assertThat(Long.parseLong(beforeStop)).isGreaterThan(Long.parseLong(firstCursor));
        manager.stop();

        advance(91); // 191 s: the host back, rom-web-2 migrating back
        advance(5); // 196 s: rom-mq-1 migrating back
        advance(4); // 200 s: both migrated back, all while no collector runs
        manager = start(endpoint);
        await().atMost(WAIT).until(() -> kinds().size() == 8);

        List<HaAction> actions = sink.data(HaAction.class);
        assertThat(actions).extracting(HaAction::actionId).doesNotHaveDuplicates();
        assertThat(actions.subList(4, 8)).extracting(HaAction::action).containsExactlyInAnyOrder(HaActionKind.OTHER,
                HaActionKind.OTHER, HaActionKind.MIGRATE, HaActionKind.MIGRATE);
        assertThat(actions.subList(4, 8)).allMatch(a -> Long.parseLong(a.actionId()) > Long.parseLong(beforeStop));
        assertThat(actions).extracting(a -> Long.parseLong(a.actionId())).isSorted();
    }

    private CollectorManager start(EndpointConfig endpoint) {
        CollectorManager m = new CollectorManager(List.of(endpoint), CollectorRegistry.discover(), sink,
                new SimpleMeterRegistry(), Clock.systemUTC(), new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(300)));
        m.start();
        return m;
    }

    private List<HaActionKind> kinds() {
        return sink.data(HaAction.class).stream().map(HaAction::action).toList();
    }

    private void advance(long seconds) {
        simulated.advance(Duration.ofSeconds(seconds));
        simulator.tick();
    }
}
