package org.sitewatch.streams.query;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.sitewatch.streams.topology.IndexKeys;

/**
 * Reads a site's or pair's lag index ({@link IndexKeys}) at query time. Cost: the worst lag and the
 * newest / oldest test failover are one seek each; the p95 lag walks {@code n - ceil(0.95 n) + 1}
 * entries from the oldest, e.g. 51 for 1,000 items. Exact, whatever the instant asked.
 */
public final class LagIndex {

    private static final StringSerializer KEYS = new StringSerializer();

    private LagIndex() {
    }

    /** Worst lag in seconds at {@code now}: age of the oldest last recovery point; null when none. */
    public static Long worstLagSeconds(ReadOnlyKeyValueStore<String, String> index, String owner, Instant now) {
        Instant oldest = nthOldest(index, owner, IndexKeys.RECOVERY, 1);
        return oldest == null ? null : lag(oldest, now);
    }

    /**
     * The 95th percentile of lags at {@code now} by nearest rank over the {@code n} items with a
     * recovery point (the owner's {@code lagTracked} count); null when none.
     */
    public static Long p95LagSeconds(ReadOnlyKeyValueStore<String, String> index, String owner, long n, Instant now) {
        if (n <= 0) {
            return null;
        }
        long rank = (long) Math.ceil(0.95 * n);
        Instant at = nthOldest(index, owner, IndexKeys.RECOVERY, (int) Math.min(Integer.MAX_VALUE, n - rank + 1));
        return at == null ? null : lag(at, now);
    }

    public static Instant oldest(ReadOnlyKeyValueStore<String, String> index, String owner, String family) {
        return nthOldest(index, owner, family, 1);
    }

    public static Instant newest(ReadOnlyKeyValueStore<String, String> index, String owner, String family) {
        String prefix = IndexKeys.prefix(owner, family);
        try (KeyValueIterator<String, String> it = index.reverseRange(prefix, upperBound(prefix))) {
            return it.hasNext() ? IndexKeys.instantOf(it.next().key, owner, family) : null;
        }
    }

    private static Instant nthOldest(ReadOnlyKeyValueStore<String, String> index, String owner, String family, int n) {
        try (KeyValueIterator<String, String> it = index.prefixScan(IndexKeys.prefix(owner, family), KEYS)) {
            KeyValue<String, String> entry = null;
            for (int i = 0; i < n && it.hasNext(); i++) {
                entry = it.next();
            }
            return entry == null ? null : IndexKeys.instantOf(entry.key, owner, family);
        }
    }

    /** Every key under the prefix continues with a digit, and ':' sorts right after '9'. */
    private static String upperBound(String prefix) {
        return prefix + ":";
    }

    private static long lag(Instant recoveryPoint, Instant now) {
        return Math.max(0, Duration.between(recoveryPoint, now).toSeconds());
    }
}
