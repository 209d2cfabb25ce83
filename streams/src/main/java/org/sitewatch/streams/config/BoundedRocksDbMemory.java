package org.sitewatch.streams.config;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.TableFormatConfig;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the process by one number: all stores (each
 * partition's, each window segment's) share one block cache, and their memtables are charged to that
 * same cache through one write buffer manager, with index and filter blocks cached there too. Kafka
 * Streams' default would give each of the ~100 RocksDB instances its own 50 MB block cache and up to
 * three 16 MB memtables, unbounded in total.
 *
 * <p>The size comes from the Streams config, {@value #TOTAL_OFF_HEAP_BYTES_CONFIG} (bytes), which
 * {@link StreamsConfigFactory} sets from {@code sitewatch.streams.rocksdb-memory}. Of it,
 * {@value #WRITE_BUFFER_SHARE_PERCENT}% may be memtables: the stores are written on every commit
 * (latest state, aggregates, indexes) and read mostly from the objects the write-behind stores keep on
 * the heap, so writes get a share of their own, while data, index and filter blocks keep the larger rest.
 *
 * <p>One budget per configured size and JVM: instances configured with the same size share one cache;
 * an instance configured with another size gets a cache of its own size (tests start several in one
 * JVM). A cache is never closed, since a store of a running instance may still use it; stores only hold
 * references, so {@link #close} has nothing to release.
 *
 * <p>The cache enforces its capacity strictly, so the bound holds: a read that would need more than the
 * capacity in blocks in use at once fails instead of growing the cache. Kafka's memory guide advises
 * against a strict cache charged by a write buffer manager because of a crash in RocksDB
 * (facebook/rocksdb#6247), which facebook/rocksdb#6619 fixed in 2020; Kafka 4.1 ships RocksDB 9.7.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Total off-heap bytes for all RocksDB stores of the process: a number, in the Streams config. */
    public static final String TOTAL_OFF_HEAP_BYTES_CONFIG = "sitewatch.rocksdb.total-off-heap-bytes";

    /** Below this, the memtables of ~100 stores crowd out the blocks; see {@code docs/sizing.md}. */
    public static final long MINIMUM_BYTES = 64L * 1024 * 1024;

    static final int WRITE_BUFFER_SHARE_PERCENT = 33;

    /** Kept for index and filter blocks (high priority): evicted only after every data block. */
    static final double INDEX_AND_FILTER_SHARE = 0.1;

    /**
     * One memtable per store: 4 MiB, so its arena blocks are 512 KiB (RocksDB's write buffer / 8) and
     * ~100 barely written stores do not fill the write share by themselves; one more may be flushing.
     */
    static final long MEMTABLE_BYTES = 4L * 1024 * 1024;
    static final int MEMTABLES_PER_STORE = 2;

    private static final Map<Long, SharedMemory> BY_SIZE = new HashMap<>();

    static {
        RocksDB.loadLibrary();
    }

    /** The cache and write buffer manager of one budget, shared by every store configured with it. */
    record SharedMemory(long totalBytes, Cache cache, WriteBufferManager writeBuffers) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        SharedMemory memory = sharedMemory(totalBytes(configs));
        // Kafka Streams reads the cache back from its own table config for its RocksDB metrics, so that
        // instance is changed, not replaced.
        TableFormatConfig format = options.tableFormatConfig();
        if (!(format instanceof BlockBasedTableConfig table)) {
            throw new IllegalStateException("store " + storeName + ": expected Kafka Streams' block-based table "
                    + "config, found " + (format == null ? "none" : format.getClass().getName()));
        }
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        // Partitioned index and filters: only the small top level stays pinned, the partitions come and go
        // in the cache like data blocks, so large stores need not hold their whole index in memory.
        table.setIndexType(IndexType.kTwoLevelIndexSearch);
        table.setPartitionFilters(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing per store: the cache and the write buffer manager are shared and outlive every store.
    }

    /** The shared memory for {@code totalBytes}, created on first use. */
    static synchronized SharedMemory sharedMemory(long totalBytes) {
        return BY_SIZE.computeIfAbsent(totalBytes, size -> {
            Cache cache = new LRUCache(size, -1, true, INDEX_AND_FILTER_SHARE);
            return new SharedMemory(size, cache, new WriteBufferManager(writeBufferBytes(size), cache));
        });
    }

    static long writeBufferBytes(long totalBytes) {
        return totalBytes / 100 * WRITE_BUFFER_SHARE_PERCENT;
    }

    /** {@value #TOTAL_OFF_HEAP_BYTES_CONFIG} from the Streams config: a number of bytes, at least the minimum. */
    static long totalBytes(Map<String, ?> configs) {
        Object value = configs.get(TOTAL_OFF_HEAP_BYTES_CONFIG);
        if (value == null) {
            throw new IllegalArgumentException(TOTAL_OFF_HEAP_BYTES_CONFIG + " is not set: " + BoundedRocksDbMemory.class
                    .getSimpleName() + " needs the total off-heap bytes of all RocksDB stores (sitewatch.streams"
                    + ".rocksdb-memory sets it)");
        }
        long bytes;
        if (value instanceof Number number) {
            bytes = number.longValue();
        } else {
            try {
                bytes = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(TOTAL_OFF_HEAP_BYTES_CONFIG + "=" + value + ": not a number of bytes;"
                        + " set sitewatch.streams.rocksdb-memory instead (e.g. 256MB)", e);
            }
        }
        if (bytes < MINIMUM_BYTES) {
            throw new IllegalArgumentException(TOTAL_OFF_HEAP_BYTES_CONFIG + "=" + value + ": at least " + MINIMUM_BYTES
                    + " bytes (64MB) are needed for the memtables and blocks of all stores");
        }
        return bytes;
    }
}
