package org.sitewatch.core.index;

import java.time.Duration;
import java.time.Instant;

/**
 * The lag figures the views compute from a site's or pair's lag index at query time. Cost, over an
 * ordered store: the worst lag and the newest / oldest test failover are one seek each; the p95 lag
 * walks {@code n - ceil(0.95 n) + 1} entries from the oldest, e.g. 51 for 1,000 items. Exact,
 * whatever the instant asked.
 */
public final class LagIndex {

    private LagIndex() {
    }

    /** Worst lag in seconds at {@code now}: age of the oldest last recovery point; null when none. */
    public static Long worstLagSeconds(LagIndexReader index, String owner, Instant now) {
        Instant oldest = index.nthOldest(owner, IndexKeys.RECOVERY, 1);
        return oldest == null ? null : lag(oldest, now);
    }

    /**
     * The 95th percentile of lags at {@code now} by nearest rank over the {@code n} items with a
     * recovery point (the owner's {@code lagTracked} count); null when none.
     */
    public static Long p95LagSeconds(LagIndexReader index, String owner, long n, Instant now) {
        if (n <= 0) {
            return null;
        }
        long rank = (long) Math.ceil(0.95 * n);
        Instant at = index.nthOldest(owner, IndexKeys.RECOVERY, (int) Math.min(Integer.MAX_VALUE, n - rank + 1));
        return at == null ? null : lag(at, now);
    }

    public static Instant oldest(LagIndexReader index, String owner, String family) {
        return index.nthOldest(owner, family, 1);
    }

    public static Instant newest(LagIndexReader index, String owner, String family) {
        return index.newest(owner, family);
    }

    private static long lag(Instant recoveryPoint, Instant now) {
        return Math.max(0, Duration.between(recoveryPoint, now).toSeconds());
    }
}
