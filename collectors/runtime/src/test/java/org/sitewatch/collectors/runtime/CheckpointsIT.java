package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;
import org.sitewatch.events.VmState;
import org.sitewatch.testsupport.TestKafka;

/**
 * Checkpoints on a real broker (Kafka's own KRaft broker, in-process): an event-history source
 * resumes after a restart and after a failed transaction with every event published exactly once
 * (read back with read_committed), and the change detector's memory survives a restart.
 */
class CheckpointsIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    static Path dataDir;
    private static TestKafka broker;

    @BeforeAll
    static void startBroker() {
        broker = TestKafka.start(dataDir);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldPublishEveryHistoryEventExactlyOnceAcrossARestartMidStream() {
        FakeEventHistory history = new FakeEventHistory("hist-site", 120, 5);
        HistoryFactory factory = new HistoryFactory(() -> Snapshot.builder(Clock.systemUTC().instant()).build(), history);
        EndpointConfig endpoint = endpoint("hist-a", "hist-site");

        CollectorManager first = manager(endpoint, factory, KafkaEventSink.create(bootstrap(), Map.of(), null));
        first.start();
        await().atMost(WAIT).until(() -> history.reads.get() >= 6);
        first.stop();
        int readBeforeRestart = history.reads.get();
        assertThat(readBeforeRestart).as("stopped mid-stream").isLessThan(24);

        CollectorManager second = manager(endpoint, factory, KafkaEventSink.create(bootstrap(), Map.of(), null));
        second.start();
        try {
            await().atMost(WAIT).until(() -> vendorIds(Topics.HA, "hist-site").size() >= 120);
        } finally {
            second.stop();
        }

        assertExactlyOnceInOrder(vendorIds(Topics.HA, "hist-site"), 120);
    }

    @Test
    void shouldNeitherLoseNorRepeatEventsWhenATransactionDiesBeforeItsCommit() {
        FakeEventHistory history = new FakeEventHistory("crash-site", 60, 5);
        HistoryFactory factory = new HistoryFactory(() -> Snapshot.builder(Clock.systemUTC().instant()).build(), history);
        AtomicInteger commits = new AtomicInteger();
        AtomicBoolean crashed = new AtomicBoolean();
        // The fourth commit of the endpoint "crashes": events and cursor were sent, the commit never happens.
        Function<String, Producer<byte[], byte[]>> producers = id -> new KafkaProducer<>(
                KafkaEventSink.transactionalConfig(bootstrap(), Map.of(), id), new ByteArraySerializer(),
                new ByteArraySerializer()) {
            @Override
            public void commitTransaction() {
                if (commits.incrementAndGet() == 4 && crashed.compareAndSet(false, true)) {
                    throw new KafkaException("simulated crash between sending and committing");
                }
                super.commitTransaction();
            }
        };
        Map<String, Object> config = KafkaEventSink.producerConfig(bootstrap(), Map.of());
        KafkaEventSink sink = new KafkaEventSink(new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer()), null, producers, config);

        CollectorManager manager = manager(endpoint("crash-a", "crash-site"), factory, sink);
        manager.start();
        try {
            await().atMost(WAIT).until(() -> vendorIds(Topics.HA, "crash-site").size() >= 60);
        } finally {
            manager.stop();
        }

        assertThat(crashed).isTrue();
        assertExactlyOnceInOrder(vendorIds(Topics.HA, "crash-site"), 60);
    }

    @Test
    void shouldReportAVmRemovedWhileTheCollectorWasDownAndNotRepublishTheRest() {
        AtomicReference<List<String>> inventory = new AtomicReference<>(List.of("100", "101", "102"));
        HistoryFactory factory = new HistoryFactory(() -> vms("down-site", inventory.get()), null);
        EndpointConfig endpoint = endpoint("down-a", "down-site");

        CollectorManager first = manager(endpoint, factory, KafkaEventSink.create(bootstrap(), Map.of(), null));
        first.start();
        await().atMost(WAIT).until(() -> vms("down-site").size() >= 3);
        first.stop();
        inventory.set(List.of("100", "102"));

        CollectorManager second = manager(endpoint, factory, KafkaEventSink.create(bootstrap(), Map.of(), null));
        second.start();
        try {
            await().atMost(WAIT).until(() -> vms("down-site").stream().anyMatch(VmState::removed));
            await().atMost(WAIT).until(() -> factory.polls.get() >= 5);
        } finally {
            second.stop();
        }

        List<VmState> published = vms("down-site");
        assertThat(published.stream().filter(VmState::removed).map(VmState::vmId)).containsExactly("101");
        assertThat(published.stream().filter(v -> !v.removed()).map(VmState::vmId))
                .as("the unchanged VMs are published once, before the restart only")
                .containsExactlyInAnyOrder("100", "101", "102");
    }

    private static void assertExactlyOnceInOrder(List<String> ids, int total) {
        Map<String, Long> counts = ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).hasSize(total);
        assertThat(counts.values()).allMatch(c -> c == 1);
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            expected.add("evt-" + n);
        }
        // Every action of the fake history shares one VM key modulo 7: order holds per key, i.e. per partition.
        for (int key = 0; key < 7; key++) {
            int k = key;
            List<String> ofKey = expected.stream().filter(id -> Integer.parseInt(id.substring(4)) % 7 == k).toList();
            assertThat(ids.stream().filter(ofKey::contains).toList()).isEqualTo(ofKey);
        }
    }

    private static CollectorManager manager(EndpointConfig endpoint, HistoryFactory factory, EventSink sink) {
        RuntimeSettings settings = new RuntimeSettings(null, 1000, 100, Duration.ofSeconds(20), 1);
        return new CollectorManager(List.of(endpoint), new CollectorRegistry(List.of(factory)), sink,
                new SimpleMeterRegistry(), Clock.systemUTC(), new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(300)),
                settings);
    }

    private static EndpointConfig endpoint(String id, String site) {
        return EndpointConfig.builder(id, site, Platform.PROXMOX)
                .setting("url", "https://" + id + ".example:8006/api2/json")
                .pollInterval(Duration.ofMillis(100))
                .timeout(Duration.ofSeconds(2))
                .pollDeadline(Duration.ofSeconds(5))
                .resyncEvery(10_000)
                .build();
    }

    private static Snapshot vms(String site, List<String> ids) {
        Snapshot.Builder b = Snapshot.builder(Clock.systemUTC().instant());
        ids.forEach(id -> b.state(new VmState(site, Platform.PROXMOX, id, "vm-" + id, "pve1", "c", PowerState.RUNNING,
                "running", false, null, false)));
        return b.build();
    }

    private static String bootstrap() {
        return broker.bootstrapServers();
    }

    private static List<String> vendorIds(TopicSpec<String, SitewatchEvent> topic, String site) {
        return broker.readCommitted(topic).stream().filter(e -> e.data() instanceof HaAction && e.data().site().equals(site))
                .map(SitewatchEvent::id).toList();
    }

    private static List<VmState> vms(String site) {
        return broker.readCommitted(Topics.VM).stream().map(SitewatchEvent::data).filter(d -> d instanceof VmState)
                .map(d -> (VmState) d).filter(v -> v.site().equals(site)).toList();
    }
}
