package org.sitewatch.streams.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.events.EventData;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.config.StreamsConfigFactory;
import org.sitewatch.streams.config.StreamsProperties;
import org.sitewatch.streams.topology.DeadLetterHandler;
import org.sitewatch.streams.topology.SitewatchTopology;
import org.sitewatch.streams.topology.StoreNames;
import org.sitewatch.streams.topology.TopologySettings;
import org.sitewatch.testsupport.TestEvents;

/**
 * The real topology in a TopologyTestDriver, with the production Streams properties (exactly-once,
 * explicit naming, dead-letter handler) plus a MockProducer for dead letters and a private state dir.
 * Wall-clock time starts at {@link TestEvents#T0}.
 */
public final class TopologyFixture implements AutoCloseable {

    public final TopologyTestDriver driver;
    public final MockProducer<byte[], byte[]> deadLetters;
    private final Topology topology;

    public TopologyFixture(Path stateDir, TopologySettings settings) {
        deadLetters = new MockProducer<>(dlqCluster(), true, null, new ByteArraySerializer(), new ByteArraySerializer());
        Properties props = properties(stateDir);
        Supplier<Producer<byte[], byte[]>> supplier = () -> deadLetters;
        props.put(DeadLetterHandler.PRODUCER_SUPPLIER_CONFIG, supplier);
        topology = SitewatchTopology.topology(props, settings);
        driver = new TopologyTestDriver(topology, props, TestEvents.T0);
    }

    public TopologyFixture(Path stateDir) {
        this(stateDir, TopologySettings.defaults());
    }

    /** The production Streams properties, pointed at a private state dir. */
    public static Properties properties(Path stateDir) {
        StreamsProperties streams = new StreamsProperties(true, true, "sitewatch-streams-test", stateDir.toString(), null, 1,
                (short) 1, Duration.ofHours(2), Duration.ofSeconds(10), 500, 50, Duration.ofSeconds(5), true, "127.0.0.1", null, null);
        return StreamsConfigFactory.streamsProperties(streams, KafkaClientSettings.of("dummy:9092"));
    }

    public Topology topology() {
        return topology;
    }

    /** Pipes a good event as a collector would publish it: binary-mode CloudEvent, key, event-time timestamp. */
    public void pipe(SitewatchEvent event) {
        pipe(driver, event);
    }

    /** Pipes a good event into any driver running the topology. */
    public static void pipe(TopologyTestDriver driver, SitewatchEvent event) {
        TestInputTopic<String, SitewatchEvent> topic = driver.createInputTopic(event.type().topic().name(),
                new StringSerializer(), event.type().topic().valueSerde().serializer());
        topic.pipeInput(new TestRecord<>(event.key(), event, new RecordHeaders(), event.time()));
    }

    public void pipe(EventData data, Instant time) {
        pipe(TestEvents.event(data, time));
    }

    /** Pipes raw bytes with the given headers to a raw topic, as a broken producer might. */
    public void pipeRaw(String topic, String key, byte[] value, RecordHeaders headers, Instant time) {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput(new TestRecord<>(key, value, headers, time));
    }

    public void advance(Duration wallClock) {
        driver.advanceWallClockTime(wallClock);
    }

    public <D extends EventData> EntityRecord<D> entity(EntityKind kind, String key) {
        KeyValueStore<String, EntityRecord<D>> store = driver.getKeyValueStore(StoreNames.forKind(kind));
        return store.get(key);
    }

    public SiteAggregate site(String site) {
        KeyValueStore<String, SiteAggregate> store = driver.getKeyValueStore(StoreNames.SITE_AGGREGATES);
        return store.get(site);
    }

    public KeyValueStore<String, String> deadlines() {
        return driver.getKeyValueStore(StoreNames.RPO_DEADLINES);
    }

    @Override
    public void close() {
        driver.close();
    }

    private static Cluster dlqCluster() {
        Node node = new Node(0, "localhost", 9092);
        PartitionInfo partition = new PartitionInfo(Topics.DLQ.name(), 0, node, new Node[] {node}, new Node[] {node});
        return new Cluster("test", List.of(node), List.of(partition), Set.of(), Set.of());
    }
}
