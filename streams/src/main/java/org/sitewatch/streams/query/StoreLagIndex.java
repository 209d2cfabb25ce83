package org.sitewatch.streams.query;

import java.time.Instant;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.sitewatch.core.index.IndexKeys;
import org.sitewatch.core.index.LagIndexReader;

/**
 * A lag index store ({@code site-lag-index}, {@code pair-index}) read through the core's
 * {@link LagIndexReader}: the oldest entries by a prefix scan, the newest by one reverse seek.
 */
public final class StoreLagIndex implements LagIndexReader {

    private static final StringSerializer KEYS = new StringSerializer();

    private final ReadOnlyKeyValueStore<String, String> index;

    public StoreLagIndex(ReadOnlyKeyValueStore<String, String> index) {
        this.index = index;
    }

    @Override
    public Instant nthOldest(String owner, String family, int n) {
        try (KeyValueIterator<String, String> it = index.prefixScan(IndexKeys.prefix(owner, family), KEYS)) {
            KeyValue<String, String> entry = null;
            for (int i = 0; i < n && it.hasNext(); i++) {
                entry = it.next();
            }
            return entry == null ? null : IndexKeys.instantOf(entry.key, owner, family);
        }
    }

    @Override
    public Instant newest(String owner, String family) {
        String prefix = IndexKeys.prefix(owner, family);
        try (KeyValueIterator<String, String> it = index.reverseRange(prefix, IndexKeys.upperBound(prefix))) {
            return it.hasNext() ? IndexKeys.instantOf(it.next().key, owner, family) : null;
        }
    }
}
