package org.sitewatch.collectors.vmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.runtime.CheckpointRecord;
import org.sitewatch.collectors.runtime.Checkpoints;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.EventSink;
import org.sitewatch.collectors.runtime.KafkaCheckpointLoader;
import org.sitewatch.collectors.runtime.KafkaEventSink;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.runtime.RuntimeSettings;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.SoapRequest;
import org.sitewatch.collectors.vmware.vim25.Vim25Client;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.events.VmState;
import org.sitewatch.testsupport.TestKafka;
import org.sitewatch.testsupport.VcsimProcess;

/**
 * The vSphere collector in the real runtime, publishing to a real broker with its event-history cursor in the
 * checkpoint topic, against real govmomi vcsim: HA restarts posted to vCenter while the collector runs, while it
 * dies before committing (its sink refuses every write from then on, as a process gone before its commit), and
 * while it is down are all in the raw {@code sitewatch.ha} topic exactly once after a new collector instance,
 * loading its checkpoint from the topic, has caught up: no repeat and no gap across the restart.
 */
class VsphereCheckpointRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ID = "restart-vc";
    private static final String SITE = "restart-dc1";
    private static final String CURSOR_KEY = ID + "/history/cursor";

    @TempDir
    static Path dataDir;
    private static TestKafka broker;
    private static VcsimProcess vcsim;

    @BeforeAll
    static void start() {
        vcsim = VcsimProcess.start();
        broker = TestKafka.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
        if (vcsim != null) {
            vcsim.close();
        }
    }

    @Test
    void everyHaRestartPostedBeforeDuringAndAfterACrashIsPublishedExactlyOnce() throws Exception {
        Vim25Client poster = Vim25Client.builder(vcsim.sdkUrl(), VcsimLogins.login(vcsim)).build();
        try {
            Snapshot inventory = new VsphereCollector(endpoint(), poster, null, Clock.systemUTC()).poll();
            VmState vm = inventory.states().stream().filter(VmState.class::isInstance).map(VmState.class::cast)
                    .filter(v -> v.name().equals("DC0_C0_RP0_VM0")).findFirst().orElseThrow();
            HaHost host = inventory.states().stream().filter(HaHost.class::isInstance).map(HaHost.class::cast)
                    .filter(h -> h.hostName().equals("DC0_C0_H1")).findFirst().orElseThrow();
            Function<Integer, String> restart = n -> {
                postRestart(poster, vm, host, n);
                return token(n);
            };

            CrashingSink firstSink = new CrashingSink(KafkaEventSink.create(broker.bootstrapServers(), Map.of(), null));
            CollectorManager first = manager(firstSink);
            first.start();
            try {
                // The first read starts at vCenter's latest event; its cursor is the point from which nothing may be lost.
                await().atMost(WAIT).until(() -> storedCheckpoints().get(CURSOR_KEY).isPresent());
                List<String> beforeCrash = IntStream.rangeClosed(1, 3).mapToObj(restart::apply).toList();
                await().atMost(WAIT).until(() -> publishedTokens().containsAll(beforeCrash));

                firstSink.crash();
                List<String> lostCommit = IntStream.rangeClosed(4, 5).mapToObj(restart::apply).toList();
                await().atMost(WAIT).until(() -> tokens(firstSink.refused()).containsAll(lostCommit));
                assertThat(publishedTokens()).as("nothing of the refused commits reached Kafka")
                        .doesNotContainAnyElementsOf(lostCommit);
            } finally {
                first.stop();
            }

            IntStream.rangeClosed(6, 7).forEach(restart::apply);
            // A new instance, as after a process restart: it loads its cursor from the checkpoint topic.
            CollectorManager second = new CollectorManager(List.of(endpoint()), CollectorRegistry.discover(),
                    KafkaEventSink.create(broker.bootstrapServers(), Map.of(), null), new SimpleMeterRegistry(),
                    Clock.systemUTC(), retry(), VsphereCheckpointRestartIT::storedCheckpoints, settings());
            second.start();
            List<String> all = IntStream.rangeClosed(1, 7).mapToObj(VsphereCheckpointRestartIT::token).toList();
            try {
                await().atMost(WAIT).until(() -> publishedTokens().containsAll(all));
                // A few more cycles, so a repeat published late would be seen.
                String cursor = storedCheckpoints().get(CURSOR_KEY).orElseThrow();
                restart.apply(8);
                await().atMost(WAIT).until(() -> publishedTokens().contains(token(8))
                        && !storedCheckpoints().get(CURSOR_KEY).orElseThrow().equals(cursor));
            } finally {
                second.stop();
            }

            Map<String, Long> counts = publishedTokens().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 8).mapToObj(VsphereCheckpointRestartIT::token).toList());
            assertThat(counts.values()).as("each HA restart once").allMatch(c -> c == 1);
            assertThat(haActions()).allSatisfy(a -> {
                assertThat(a.action()).isEqualTo(HaActionKind.RESTART);
                assertThat(a.vmId()).isEqualTo(vm.vmId());
                assertThat(a.toHost()).isEqualTo(host.hostId());
            });
        } finally {
            poster.logout();
        }
    }

    private static CollectorManager manager(EventSink sink) {
        return new CollectorManager(List.of(endpoint()), CollectorRegistry.discover(), sink, new SimpleMeterRegistry(),
                Clock.systemUTC(), retry(), settings());
    }

    private static RetryPolicy retry() {
        return new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(300));
    }

    private static RuntimeSettings settings() {
        return new RuntimeSettings(null, 1000, 100, Duration.ofSeconds(20), 10);
    }

    private static EndpointConfig endpoint() {
        return EndpointConfig.builder(ID, SITE, Platform.VSPHERE)
                .settings(Map.of("url", vcsim.sdkUrl().toString(),
                        "login", Map.of("username", vcsim.username(), "password", vcsim.password())))
                .pollInterval(Duration.ofMillis(200))
                .timeout(Duration.ofSeconds(5))
                .resyncEvery(10_000)
                .build();
    }

    /** The checkpoints as a restarting collector process reads them: the topic to its end, read_committed. */
    private static Checkpoints storedCheckpoints() {
        return KafkaCheckpointLoader.load(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                Duration.ofSeconds(30));
    }

    private static String token(int n) {
        return "[restart-" + n + "]";
    }

    /** HA restarted the VM on the host, as vCenter reports it (an EventEx about the VM). */
    private static void postRestart(Vim25Client client, VmState vm, HaHost host, int n) {
        try {
            client.invoke(SoapRequest.call("PostEvent", client.serviceContent().eventManager())
                    .start("eventToPost", "EventEx")
                    .text("key", 0).text("chainId", 0).text("createdTime", Instant.now()).text("userName", "")
                    .start("host").text("name", host.hostName()).moRef("host", new MoRef(
                            "HostSystem", host.hostId())).end()
                    .start("vm").text("name", vm.name()).moRef("vm", new MoRef(
                            "VirtualMachine", vm.vmId())).end()
                    .text("fullFormattedMessage", "vSphere HA restarted virtual machine " + vm.name() + " on host "
                            + host.hostName() + " " + token(n))
                    .text("eventTypeId", "com.vmware.vc.ha.VmRestartedByHAEvent")
                    .text("severity", "warning")
                    .text("objectId", vm.vmId())
                    .text("objectType", "VirtualMachine")
                    .text("objectName", vm.name())
                    .end());
        } catch (Exception e) {
            throw new IllegalStateException("PostEvent failed", e);
        }
    }

    /** The restart token of every HA action of the site in the raw topic, repeats included. */
    private static List<String> publishedTokens() {
        return tokens(haActions());
    }

    private static List<String> tokens(List<HaAction> actions) {
        return actions.stream().map(a -> {
            String detail = a.detail() == null ? "" : a.detail();
            int at = detail.indexOf("[restart-");
            return at < 0 ? detail : detail.substring(at);
        }).toList();
    }

    /** Every committed HaAction of the site in {@code sitewatch.ha}, read to its end as the streams app reads it. */
    private static List<HaAction> haActions() {
        List<HaAction> actions = new ArrayList<>();
        try (KafkaConsumer<String, SitewatchEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), Topics.HA.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.HA.name()).stream()
                    .map(p -> new TopicPartition(Topics.HA.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, SitewatchEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value().data() instanceof HaAction a && a.site().equals(SITE)) {
                        actions.add(a);
                    }
                }
            }
        }
        return actions;
    }

    /**
     * The real Kafka sink until {@link #crash()}; from then on every write fails without reaching Kafka, as when
     * the process died before its commit: what it read since its last commit is not stored, nor is its cursor.
     */
    private static final class CrashingSink implements EventSink {
        private final EventSink delegate;
        private final AtomicBoolean crashed = new AtomicBoolean();
        private final List<HaAction> refused = new CopyOnWriteArrayList<>();

        CrashingSink(EventSink delegate) {
            this.delegate = delegate;
        }

        void crash() {
            crashed.set(true);
        }

        /** The HA actions of every write refused since the crash. */
        List<HaAction> refused() {
            return refused;
        }

        @Override
        public CompletableFuture<Void> publish(SitewatchEvent event) {
            return crashed.get() ? CompletableFuture.failedFuture(new IllegalStateException("simulated crash"))
                    : delegate.publish(event);
        }

        @Override
        public CompletableFuture<Void> publishAtomically(String writerId, List<SitewatchEvent> events,
                List<CheckpointRecord> checkpoints) {
            if (crashed.get()) {
                events.stream().map(SitewatchEvent::data).filter(HaAction.class::isInstance).map(HaAction.class::cast)
                        .forEach(refused::add);
                return CompletableFuture.failedFuture(new IllegalStateException("simulated crash before the commit"));
            }
            return delegate.publishAtomically(writerId, events, checkpoints);
        }

        @Override
        public void takeOver(List<String> writerIds) {
            delegate.takeOver(writerIds);
        }

        @Override
        public Checkpoints loadCheckpoints() {
            return delegate.loadCheckpoints();
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
