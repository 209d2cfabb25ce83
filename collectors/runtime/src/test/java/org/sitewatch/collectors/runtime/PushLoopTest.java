package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;
import org.sitewatch.testsupport.MutableClock;

class PushLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-07T10:00:00Z"));
    private final InMemoryEventSink sink = new InMemoryEventSink();
    private final ScriptedSources.RecordingPushSource source = new ScriptedSources.RecordingPushSource(false);
    private final EndpointRunner runner = new EndpointRunner(ScriptedSources.endpoint("kv", "cloud-1"),
            ScriptedSources.factoryOf(source), sink, new SimpleMeterRegistry(), clock, new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(200)));

    @AfterEach
    void stop() {
        runner.stop();
    }

    @Test
    void shouldPublishPushedSnapshotsAndOnlyChangedObservations() {
        runner.start();
        await().atMost(WAIT).until(() -> source.sink != null);

        source.sink.snapshot(Snapshot.builder(clock.instant()).state(vm("1", PowerState.RUNNING))
                .state(vm("2", PowerState.RUNNING)).build());
        source.sink.observe(clock.instant(), vm("1", PowerState.RUNNING));
        source.sink.observe(clock.instant(), vm("2", PowerState.STOPPED));
        source.sink.snapshot(Snapshot.builder(clock.instant()).state(vm("2", PowerState.STOPPED)).build());

        await().atMost(WAIT).until(() -> sink.data(VmState.class).size() == 4);
        assertThat(sink.data(VmState.class)).extracting(VmState::vmId, VmState::power, VmState::removed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", PowerState.RUNNING, false),
                org.assertj.core.groups.Tuple.tuple("2", PowerState.RUNNING, false),
                org.assertj.core.groups.Tuple.tuple("2", PowerState.STOPPED, false),
                org.assertj.core.groups.Tuple.tuple("1", PowerState.RUNNING, true));
    }

    @Test
    void shouldSendHeartbeatsAtTheIntervalAndResubscribeAfterAFailure() {
        runner.start();
        await().atMost(WAIT).until(() -> sink.heartbeats("kv").size() >= 3);
        assertThat(sink.heartbeats("kv")).allSatisfy(hb -> assertThat(hb.status()).isEqualTo(CollectorStatus.OK));

        source.sink.failed(CollectorException.retriable(CollectorErrorKind.CONNECT, "watch closed", null));

        await().atMost(WAIT).until(() -> sink.heartbeats("kv").stream().anyMatch(hb -> hb.status() == CollectorStatus.ERROR));
        assertThat(sink.heartbeats("kv")).filteredOn(hb -> hb.status() == CollectorStatus.ERROR)
                .allSatisfy(hb -> assertThat(hb.errorKind()).isEqualTo(CollectorErrorKind.CONNECT));
        await().atMost(WAIT).until(() -> source.starts.get() == 2 && sink.lastHeartbeat("kv").status() == CollectorStatus.OK);
        assertThat(source.stops.get()).isGreaterThanOrEqualTo(1);
    }

    private static VmState vm(String id, PowerState power) {
        return new VmState("cloud-1", Platform.KUBEVIRT, id, "vm-" + id, "node-a", null, power, power.name(), null, null,
                false);
    }

}
