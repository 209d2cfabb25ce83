package org.sitewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.event;
import static org.sitewatch.testsupport.TestEvents.vm;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.metrics.StreamCounters;
import org.sitewatch.streams.support.TopologyFixture;

/**
 * A record whose processing throws goes to the DLQ with its reason and the task goes on, with the
 * production Streams properties (exactly-once, both exception handlers). The failing processor stands
 * in for a fold with a bug: the real folds have no input that makes them throw, which is what a
 * bug would change.
 */
class ProcessingDeadLetterTest {

    private static final String FOLD = "vm-fold";
    private static final String FOLDED = "test.folded";
    private static final String POISON_ID = "13";

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MockProducer<byte[], byte[]> deadLetters;

    @BeforeEach
    void collectMeters() {
        Metrics.globalRegistry.add(meters);
    }

    @AfterEach
    void stopCollecting() {
        Metrics.globalRegistry.remove(meters);
    }

    @Test
    void shouldDeadLetterARecordWhoseFoldThrowsAndProcessTheNextOnes() {
        SitewatchEvent before = event(vm(PARIS, "100", PowerState.RUNNING), T0);
        SitewatchEvent poison = event(vm(PARIS, POISON_ID, PowerState.RUNNING), T0);
        SitewatchEvent after = event(vm(PARIS, "101", PowerState.STOPPED), T0);
        RecordHeaders origin = new RecordHeaders();
        origin.add("origin", "paris-collector".getBytes(StandardCharsets.UTF_8));

        try (TopologyTestDriver driver = driver(true)) {
            TestInputTopic<String, SitewatchEvent> vms = driver.createInputTopic(Topics.VM.name(), new StringSerializer(),
                    Topics.VM.valueSerde().serializer());
            vms.pipeInput(new TestRecord<>(before.key(), before, new RecordHeaders(), before.time()));
            vms.pipeInput(new TestRecord<>(poison.key(), poison, origin, poison.time()));
            vms.pipeInput(new TestRecord<>(after.key(), after, new RecordHeaders(), after.time()));

            TestOutputTopic<String, String> folded = driver.createOutputTopic(FOLDED, new StringDeserializer(), new StringDeserializer());
            assertThat(folded.readKeyValuesToMap()).containsOnlyKeys(before.key(), after.key());
            KeyValueStore<String, String> store = driver.getKeyValueStore(FOLDED);
            assertThat(store.get(after.key())).isEqualTo(after.id());
        }

        assertThat(deadLetters.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = deadLetters.history().get(0);
        assertThat(dead.topic()).isEqualTo(Topics.DLQ.name());
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo(poison.key());
        // The value as it was read: the binary-mode CloudEvent's data, readable again with the topic's serde.
        SitewatchEvent readBack = Topics.VM.valueSerde().deserializer().deserialize(Topics.VM.name(), dead.headers(), dead.value());
        assertThat(readBack.id()).isEqualTo(poison.id());
        assertThat(dead.timestamp()).isEqualTo(poison.time().toEpochMilli());
        assertThat(header(dead.headers(), "origin")).isEqualTo("paris-collector");
        assertThat(header(dead.headers(), DeadLetterHandler.REASON)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead.headers(), DeadLetterHandler.MESSAGE)).isEqualTo("fold bug on " + poison.key());
        assertThat(header(dead.headers(), ProcessingDeadLetterHandler.PROCESSOR)).isEqualTo(FOLD);
        assertThat(header(dead.headers(), DeadLetterHandler.TOPIC)).isEqualTo(Topics.VM.name());
        assertThat(header(dead.headers(), DeadLetterHandler.PARTITION)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetterHandler.OFFSET)).isEqualTo("1");

        assertThat(meters.get(StreamCounters.DLQ_RECORDS).tag("topic", Topics.VM.name())
                .tag("reason", StreamCounters.PROCESSING_REASON).counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldStopRatherThanLoseTheRecordWhenTheDlqCannotBeWritten() {
        SitewatchEvent poison = event(vm(PARIS, POISON_ID, PowerState.RUNNING), T0);

        try (TopologyTestDriver driver = driver(false)) {
            TestInputTopic<String, SitewatchEvent> vms = driver.createInputTopic(Topics.VM.name(), new StringSerializer(),
                    Topics.VM.valueSerde().serializer());

            assertThatThrownBy(() -> vms.pipeInput(new TestRecord<>(poison.key(), poison, new RecordHeaders(), poison.time())))
                    .isInstanceOf(StreamsException.class);
        }
        assertThat(meters.get(StreamCounters.DLQ_RECORDS).tag("topic", Topics.VM.name())
                .tag("reason", StreamCounters.PROCESSING_REASON).counter().count()).isZero();
    }

    /** The production properties, the dead letters to a MockProducer that acknowledges at once or never. */
    private TopologyTestDriver driver(boolean dlqAcks) {
        Node node = new Node(0, "localhost", 9092);
        Cluster dlq = new Cluster("test", List.of(node),
                List.of(new PartitionInfo(Topics.DLQ.name(), 0, node, new Node[] {node}, new Node[] {node})), Set.of(), Set.of());
        deadLetters = new MockProducer<>(dlq, dlqAcks, null, new ByteArraySerializer(), new ByteArraySerializer());
        Properties props = TopologyFixture.properties(stateDir);
        Supplier<Producer<byte[], byte[]>> supplier = () -> deadLetters;
        props.put(DeadLetterHandler.PRODUCER_SUPPLIER_CONFIG, supplier);
        props.put(DeadLetterHandler.SEND_TIMEOUT_MS_CONFIG, "100");

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(FOLDED), Serdes.String(), Serdes.String()));
        builder.stream(Topics.VM.name(), Consumed.with(Topics.VM.keySerde(), Topics.VM.valueSerde()).withName("vm-source"))
                .process(FailingFold::new, Named.as(FOLD), FOLDED)
                .to(FOLDED, Produced.with(Serdes.String(), Serdes.String()).withName("folded-sink"));
        return new TopologyTestDriver(builder.build(props), props, T0);
    }

    /** Keeps each VM's last event id, and throws on the poison VM, as a fold with a bug would. */
    private static final class FailingFold implements Processor<String, SitewatchEvent, String, String> {

        private ProcessorContext<String, String> context;
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.store = context.getStateStore(FOLDED);
        }

        @Override
        public void process(Record<String, SitewatchEvent> record) {
            if (record.key().equals(PARIS + "/" + POISON_ID)) {
                throw new IllegalStateException("fold bug on " + record.key());
            }
            store.put(record.key(), record.value().id());
            context.forward(record.withValue(record.value().id()).withHeaders(new RecordHeaders()));
        }
    }

    private static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
