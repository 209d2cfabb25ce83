package org.sitewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.streams.it.ItApp;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestEvents;
import org.sitewatch.testsupport.TestKafka;

/**
 * The streams app on a real broker, with its real topology and RocksDB stores, reports through Kafka
 * Streams' own RocksDB metrics that every store of every task uses one block cache of the configured
 * size: the same capacity everywhere (each store would otherwise report its own 50 MB cache).
 */
class BoundedRocksDbMemoryIT {

    /** Not the default, so the capacity seen can only come from this setting. */
    private static final long CONFIGURED_BYTES = 96L * 1024 * 1024;
    private static final List<String> SITES = List.of("mem-paris", "mem-london", "mem-lyon");
    private static final int VMS_PER_SITE = 100;

    @TempDir
    static Path dir;

    private static TestKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = TestKafka.start(dir.resolve("kafka"));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldShowEveryStoreOfEveryTaskSharingOneCacheOfTheConfiguredSize() {
        List<SitewatchEvent> events = estate(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60));
        try (RunningApp app = RunningApp.startStreams(ItApp.class, kafka.bootstrapServers(), "sitewatch-mem-" + UUID.randomUUID(),
                dir.resolve("state"), Map.of("sitewatch.streams.rocksdb-memory", "96MB"))) {
            assertThat(StreamsConfigFactory.streamsProperties(app.context().getBean(StreamsProperties.class),
                    app.context().getBean(KafkaClientSettings.class)))
                    .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class)
                    .containsEntry(BoundedRocksDbMemory.TOTAL_OFF_HEAP_BYTES_CONFIG, CONFIGURED_BYTES);
            KafkaStreams streams = app.context().getBean(StreamsLifecycle.class).get();
            Set<String> stores = storeNames(app.context().getBean(Topology.class));

            kafka.publish(events);
            // Every store of every task has its RocksDB open: a window store opens its first segment only
            // when its task keeps an event, and reports capacity 0 until then.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                Map<String, List<Long>> opened = byStore(streams, "block-cache-capacity");
                assertThat(opened.keySet()).containsAll(stores);
                assertThat(opened).allSatisfy((store, values) -> assertThat(values).as(store).doesNotContain(0L));
            });

            Map<String, List<Long>> capacities = byStore(streams, "block-cache-capacity");
            assertThat(capacities).allSatisfy((store, values) ->
                    assertThat(values).as(store).isNotEmpty().containsOnly(CONFIGURED_BYTES));
            assertThat(byStore(streams, "block-cache-usage")).allSatisfy((store, values) ->
                    assertThat(values).as(store).allSatisfy(usage -> assertThat(usage).isPositive()
                            .isLessThanOrEqualTo(CONFIGURED_BYTES)));
        }
    }

    /** Three sites of VMs, hosts, replicated items, HA actions and a heartbeat each: a few hundred events. */
    private static List<SitewatchEvent> estate(Instant t) {
        List<SitewatchEvent> events = new ArrayList<>();
        for (String site : SITES) {
            events.add(TestEvents.event(TestEvents.heartbeatOk(site), t));
            for (int i = 0; i < VMS_PER_SITE; i++) {
                events.add(TestEvents.event(TestEvents.vm(site, Integer.toString(100 + i),
                        i % 10 == 0 ? PowerState.STOPPED : PowerState.RUNNING), t));
            }
            for (int h = 1; h <= 3; h++) {
                events.add(TestEvents.event(TestEvents.host(site, "pve" + h, HaHostState.HEALTHY), t));
            }
            for (int r = 0; r < 10; r++) {
                events.add(TestEvents.event(TestEvents.replicating(site, "item-" + r, 900, t.minusSeconds(30)), t));
            }
            // HA actions are what the de-duplication window store keeps, so it opens on every task.
            for (int a = 0; a < 20; a++) {
                events.add(TestEvents.event(TestEvents.action(site, "action-" + a, Integer.toString(100 + a),
                        HaActionKind.RESTART), t));
            }
        }
        return events;
    }

    /** Every state store the topology's processors use. */
    private static Set<String> storeNames(Topology topology) {
        Set<String> stores = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
        }
        return stores;
    }

    /** A RocksDB property metric of group stream-state-metrics: its values per store, one per task. */
    private static Map<String, List<Long>> byStore(KafkaStreams streams, String name) {
        Map<String, List<Long>> values = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName metric = e.getKey();
            if (!metric.group().equals("stream-state-metrics") || !metric.name().equals(name)) {
                continue;
            }
            // The store's tag is rocksdb-state-id (key-value) or rocksdb-window-state-id (window).
            metric.tags().forEach((tag, store) -> {
                if (tag.endsWith("-state-id")) {
                    values.computeIfAbsent(store, s -> new ArrayList<>())
                            .add(((Number) e.getValue().metricValue()).longValue());
                }
            });
        }
        return values;
    }
}
