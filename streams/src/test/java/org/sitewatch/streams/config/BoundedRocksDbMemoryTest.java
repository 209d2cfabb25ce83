package org.sitewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.FlushOptions;
import org.rocksdb.IndexType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.sitewatch.events.KafkaClientSettings;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The RocksDB config setter on real RocksDB options and databases: every store gets the same cache
 * and write buffer manager, closing a store leaves them usable, and the size is read with clear errors.
 */
class BoundedRocksDbMemoryTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void shouldGiveEveryStoreTheSameCacheAndWriteBufferManager() {
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.TOTAL_OFF_HEAP_BYTES_CONFIG, 128 * MB);
        try (Options first = kafkaStreamsOptions(); Options second = kafkaStreamsOptions()) {
            // Kafka Streams creates one setter per store.
            new BoundedRocksDbMemory().setConfig("vm-state", first, configs);
            new BoundedRocksDbMemory().setConfig("event-ids.1700000000000", second, configs);

            BoundedRocksDbMemory.SharedMemory shared = BoundedRocksDbMemory.sharedMemory(128 * MB);
            for (Options options : new Options[] {first, second}) {
                assertThat(options.tableFormatConfig()).isInstanceOf(BlockBasedTableConfigWithAccessibleCache.class);
                BlockBasedTableConfigWithAccessibleCache table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
                assertThat(table.blockCache()).isSameAs(shared.cache());
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
                assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
                assertThat(table.indexType()).isEqualTo(IndexType.kTwoLevelIndexSearch);
                assertThat(options.writeBufferManager()).isSameAs(shared.writeBuffers());
                assertThat(options.writeBufferSize()).isEqualTo(BoundedRocksDbMemory.MEMTABLE_BYTES);
                assertThat(options.maxWriteBufferNumber()).isEqualTo(BoundedRocksDbMemory.MEMTABLES_PER_STORE);
            }
        }
    }

    @Test
    void shouldGiveEachConfiguredSizeItsOwnCacheOfThatCapacity() throws RocksDBException {
        BoundedRocksDbMemory.SharedMemory small = BoundedRocksDbMemory.sharedMemory(64 * MB);
        BoundedRocksDbMemory.SharedMemory large = BoundedRocksDbMemory.sharedMemory(192 * MB);

        assertThat(BoundedRocksDbMemory.sharedMemory(64 * MB)).isSameAs(small);
        assertThat(large.cache()).isNotSameAs(small.cache());
        assertThat(capacityReportedByRocksDb(64 * MB, "small")).isEqualTo(64 * MB);
        assertThat(capacityReportedByRocksDb(192 * MB, "large")).isEqualTo(192 * MB);
        assertThat(BoundedRocksDbMemory.writeBufferBytes(192 * MB)).isBetween(63 * MB, 64 * MB);
    }

    @Test
    void shouldLeaveTheSharedCacheUsableAfterAStoreCloses() throws RocksDBException {
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.TOTAL_OFF_HEAP_BYTES_CONFIG, 96 * MB);
        BoundedRocksDbMemory.SharedMemory shared = BoundedRocksDbMemory.sharedMemory(96 * MB);

        BoundedRocksDbMemory firstSetter = new BoundedRocksDbMemory();
        Options firstOptions = kafkaStreamsOptions();
        firstSetter.setConfig("first", firstOptions, configs);
        try (RocksDB db = RocksDB.open(firstOptions, dir.resolve("first").toString())) {
            db.put(bytes("k"), bytes("v1"));
            flush(db);
            assertThat(db.get(bytes("k"))).isEqualTo(bytes("v1"));
        }
        firstSetter.close("first", firstOptions);
        firstOptions.close();

        Options secondOptions = kafkaStreamsOptions();
        new BoundedRocksDbMemory().setConfig("second", secondOptions, configs);
        try (secondOptions; RocksDB db = RocksDB.open(secondOptions, dir.resolve("second").toString())) {
            db.put(bytes("k"), bytes("v2"));
            flush(db);
            assertThat(db.get(bytes("k"))).isEqualTo(bytes("v2"));
            assertThat(db.getLongProperty("rocksdb.block-cache-capacity")).isEqualTo(96 * MB);
            assertThat(shared.cache().isOwningHandle()).isTrue();
            assertThat(shared.cache().getUsage()).isPositive().isLessThanOrEqualTo(96 * MB);
        }
    }

    @Test
    void shouldReadTheSizeAsANumberOrNumericTextAndRefuseAnythingElseNamingTheKey() {
        String key = BoundedRocksDbMemory.TOTAL_OFF_HEAP_BYTES_CONFIG;
        assertThat(BoundedRocksDbMemory.totalBytes(Map.of(key, 268_435_456L))).isEqualTo(256 * MB);
        assertThat(BoundedRocksDbMemory.totalBytes(Map.of(key, 134_217_728))).isEqualTo(128 * MB);
        assertThat(BoundedRocksDbMemory.totalBytes(Map.of(key, " 268435456 "))).isEqualTo(256 * MB);

        assertThatThrownBy(() -> BoundedRocksDbMemory.totalBytes(Map.of(key, "256MB")))
                .hasMessageContaining(key + "=256MB: not a number of bytes")
                .hasMessageContaining("sitewatch.streams.rocksdb-memory");
        assertThatThrownBy(() -> BoundedRocksDbMemory.totalBytes(Map.of(key, 1_000_000L)))
                .hasMessageContaining(key + "=1000000: at least 67108864 bytes");
        assertThatThrownBy(() -> BoundedRocksDbMemory.totalBytes(Map.of()))
                .hasMessageContaining(key + " is not set");
    }

    @Test
    void shouldRegisterTheSetterWithTheConfiguredSize() {
        Properties props = streamsProperties(Map.of("sitewatch.streams.rocksdb-memory", "512MB"));

        assertThat(props).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class)
                .containsEntry(BoundedRocksDbMemory.TOTAL_OFF_HEAP_BYTES_CONFIG, 512 * MB);
        // Kafka Streams accepts both as they are given.
        StreamsConfig config = new StreamsConfig(props);
        assertThat(config.getClass(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class);
        assertThat(config.originals()).containsEntry(BoundedRocksDbMemory.TOTAL_OFF_HEAP_BYTES_CONFIG, 512 * MB);
    }

    @Test
    void shouldDefaultTo256MbOffHeapAndNoByteCacheBesideTheObjectStores() {
        Properties props = streamsProperties(Map.of());

        assertThat(props).containsEntry(BoundedRocksDbMemory.TOTAL_OFF_HEAP_BYTES_CONFIG, 256 * MB)
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        assertThat(StreamsConfigFactory.topologySettings(bind(Map.of()), org.sitewatch.core.fold.HealthRules.defaultRules())
                .storeObjectCapacity()).isEqualTo(10_000);
        assertThat(StreamsConfigFactory.topologySettings(bind(Map.of("sitewatch.streams.store-objects", "500")),
                org.sitewatch.core.fold.HealthRules.defaultRules()).storeObjectCapacity()).isEqualTo(500);
    }

    @Test
    void shouldBindTheSizesFromTheEnvironmentVariablesTheDocsName() {
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.<String, Object>of("SITEWATCH_STREAMS_ROCKSDBMEMORY", "1GB", "SITEWATCH_STREAMS_STOREOBJECTS", "2000"))));

        StreamsProperties streams = binder.bindOrCreate("sitewatch.streams", StreamsProperties.class);

        assertThat(streams.rocksdbMemory().toBytes()).isEqualTo(1024 * MB);
        assertThat(streams.storeObjects()).isEqualTo(2000);
    }

    @Test
    void shouldLetARawSetterOverrideSitewatchsChoice() {
        Properties props = streamsProperties(Map.of(
                "sitewatch.streams.properties.rocksdb.config.setter", "com.example.OwnRocksDbSettings",
                "sitewatch.streams.properties.statestore.cache.max.bytes", "1000"));

        assertThat(props).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.OwnRocksDbSettings")
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "1000");
    }

    @Test
    void shouldRefuseTooLittleRocksDbMemoryWhenBinding() {
        assertThatThrownBy(() -> streamsProperties(Map.of("sitewatch.streams.rocksdb-memory", "16MB")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("sitewatch.streams.rocksdb-memory=16777216 bytes: at least 64MB");
        assertThatThrownBy(() -> streamsProperties(Map.of("sitewatch.streams.store-objects", "0")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("sitewatch.streams.store-objects=0: at least 1");
    }

    /** Options as Kafka Streams' RocksDB store hands them to the setter: its own block-based table config. */
    private static Options kafkaStreamsOptions() {
        return new Options().setCreateIfMissing(true).setTableFormatConfig(new BlockBasedTableConfigWithAccessibleCache());
    }

    private long capacityReportedByRocksDb(long totalBytes, String name) throws RocksDBException {
        try (Options options = kafkaStreamsOptions()) {
            new BoundedRocksDbMemory().setConfig(name, options,
                    Map.of(BoundedRocksDbMemory.TOTAL_OFF_HEAP_BYTES_CONFIG, totalBytes));
            try (RocksDB db = RocksDB.open(options, dir.resolve(name).toString())) {
                return db.getLongProperty("rocksdb.block-cache-capacity");
            }
        }
    }

    private static Properties streamsProperties(Map<String, String> settings) {
        return StreamsConfigFactory.streamsProperties(bind(settings), KafkaClientSettings.of("k:9092"));
    }

    private static StreamsProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(new HashMap<>(settings)))
                .bindOrCreate("sitewatch.streams", StreamsProperties.class);
    }

    private static void flush(RocksDB db) throws RocksDBException {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
