package org.sitewatch.streams.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteBehindStoreTest {

    private KeyValueStore<String, String> beneath;
    private WriteBehindStore<String> store;

    @BeforeEach
    void open() {
        beneath = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().withCachingDisabled().build();
        store = new WriteBehindStore<>(beneath, 4);
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void aPutIsReadBackAtOnceAndWrittenBeneathOnlyWhenFlushed() {
        store.put("a", "1");
        store.put("a", "2");

        assertThat(store.get("a")).isEqualTo("2");
        assertThat(beneath.get("a")).isNull();

        store.flushCache();
        assertThat(beneath.get("a")).isEqualTo("2");
    }

    @Test
    void aDeleteHidesTheKeyAndRemovesItBeneathOnFlush() {
        beneath.put("a", "1");
        assertThat(store.delete("a")).isEqualTo("1");

        assertThat(store.get("a")).isNull();
        assertThat(keys(store.all())).isEmpty();
        assertThat(beneath.get("a")).isEqualTo("1");

        store.flushCache();
        assertThat(beneath.get("a")).isNull();
    }

    @Test
    void rangesMergeTheStoredAndTheUnwrittenKeysInStoreOrder() {
        beneath.put("site-a/1", "stored");
        beneath.put("site-a/3", "stored");
        beneath.put("site-b/1", "stored");
        store.put("site-a/2", "new");
        store.put("site-a/3", "changed");
        store.delete("site-b/1");

        assertThat(entries(store.all())).containsExactly("site-a/1=stored", "site-a/2=new", "site-a/3=changed");
        assertThat(entries(store.prefixScan("site-a/", new StringSerializer())))
                .containsExactly("site-a/1=stored", "site-a/2=new", "site-a/3=changed");
        assertThat(entries(store.range("site-a/2", "site-b/9"))).containsExactly("site-a/2=new", "site-a/3=changed");
        assertThat(entries(store.reverseAll())).containsExactly("site-a/3=changed", "site-a/2=new", "site-a/1=stored");
        assertThat(entries(store.reverseRange("site-a/1", "site-a/2"))).containsExactly("site-a/2=new", "site-a/1=stored");
    }

    @Test
    void aResidentStoreServesRangesFromMemoryWithWhatWasStoredAndWhatIsNotYetWritten() {
        beneath.put("site-a/1", "stored");
        beneath.put("site-a/3", "stored");
        beneath.put("site-b/1", "stored");
        WriteBehindStore<String> resident = new WriteBehindStore<>(beneath, 4, true);
        resident.init(new MockProcessorContext<>().getStateStoreContext(), resident);
        resident.put("site-a/2", "new");
        resident.put("site-a/3", "changed");
        resident.delete("site-b/1");

        assertThat(entries(resident.all())).containsExactly("site-a/1=stored", "site-a/2=new", "site-a/3=changed");
        assertThat(entries(resident.prefixScan("site-a/", new StringSerializer())))
                .containsExactly("site-a/1=stored", "site-a/2=new", "site-a/3=changed");
        assertThat(entries(resident.range("site-a/2", "site-b/9"))).containsExactly("site-a/2=new", "site-a/3=changed");
        assertThat(entries(resident.reverseAll())).containsExactly("site-a/3=changed", "site-a/2=new", "site-a/1=stored");
        assertThat(resident.get("site-b/1")).isNull();
        assertThat(beneath.get("site-a/2")).isNull();

        beneath.put("site-c/1", "written by someone else"); // not seen: the resident copy was loaded
        assertThat(keys(resident.all())).doesNotContain("site-c/1");

        resident.flushCache();
        assertThat(beneath.get("site-a/2")).isEqualTo("new");
        assertThat(beneath.get("site-b/1")).isNull();
        resident.clearCache(); // as after a restore: loaded again from the store beneath
        assertThat(keys(resident.all())).containsExactly("site-a/1", "site-a/2", "site-a/3", "site-c/1");
    }

    @Test
    void moreDirtyKeysThanTheCapacityAreAllKeptUntilTheFlushWritesThem() {
        for (int i = 0; i < 100; i++) {
            store.put("k" + i, "v" + i);
        }
        for (int i = 0; i < 100; i++) {
            assertThat(store.get("k" + i)).isEqualTo("v" + i);
        }
        store.flushCache();
        for (int i = 0; i < 100; i++) {
            assertThat(beneath.get("k" + i)).isEqualTo("v" + i);
            assertThat(store.get("k" + i)).isEqualTo("v" + i);
        }
    }

    @Test
    void aClearedCacheLosesItsUnwrittenValuesAsAFailedTransactionWould() {
        beneath.put("a", "committed");
        store.put("a", "uncommitted");

        store.clearCache();

        assertThat(store.get("a")).isEqualTo("committed");
        store.flushCache();
        assertThat(beneath.get("a")).isEqualTo("committed");
    }

    @Test
    void aValueChangedBeneathAfterAMissIsReadAgainOnceEvicted() {
        assertThat(store.get("a")).isNull(); // remembered as absent
        store.put("a", "1");
        store.flushCache();
        for (int i = 0; i < 10; i++) {
            store.get("other" + i); // pushes "a" out of the 4-entry map
        }
        assertThat(store.get("a")).isEqualTo("1");
    }

    @Test
    void isACachedStoreSoKafkaStreamsFlushesItOnCommit() {
        assertThat(store).isInstanceOf(CachedStateStore.class);
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatThrownBy(() -> new WriteBehindStore<>(beneath, 0)).hasMessageContaining("at least 1");
    }

    /**
     * The exactly-once contract this store rests on: Kafka Streams flushes every {@link CachedStateStore}
     * before it commits, so the values written in a task reach the changelog with the commit.
     */
    @Test
    void kafkaStreamsFlushesItBeforeEachCommitSoTheChangelogGetsTheValues() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(WriteBehindStores.persistent("latest", Serdes.String(), 1000));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, Void, Void>() {
                    private KeyValueStore<String, String> latest;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        latest = context.getStateStore("latest");
                        assertThat(latest).isInstanceOf(KeyValueStore.class);
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        latest.put(record.key(), record.value());
                    }
                }, "latest");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "wb");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/wb-" + System.nanoTime());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            in.pipeInput("vm-1", "running");
            in.pipeInput("vm-1", "stopped");
            in.pipeInput("vm-2", "running");

            TestOutputTopic<String, String> changelog = driver.createOutputTopic("wb-latest-changelog",
                    new StringDeserializer(), new StringDeserializer());
            assertThat(changelog.readKeyValuesToList()).containsExactly(KeyValue.pair("vm-1", "running"),
                    KeyValue.pair("vm-1", "stopped"), KeyValue.pair("vm-2", "running"));
            KeyValueStore<String, String> latest = driver.getKeyValueStore("latest");
            assertThat(latest.get("vm-1")).isEqualTo("stopped");
        }
    }

    private static List<String> keys(KeyValueIterator<String, String> it) {
        List<String> keys = new ArrayList<>();
        try (it) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    private static List<String> entries(KeyValueIterator<String, String> it) {
        List<String> entries = new ArrayList<>();
        try (it) {
            it.forEachRemaining(kv -> entries.add(kv.key + "=" + kv.value));
        }
        return entries;
    }
}
