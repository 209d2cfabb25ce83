package org.sitewatch.core.index;

import java.time.Instant;

/**
 * Read access to one lag index ({@link IndexKeys}): the keys of one owner (a site or a pair) and one
 * family, in key order, which is the order of their instants. The streams app reads its index stores
 * through it; an offline estate reads a sorted set ({@link SortedLagIndex}).
 */
public interface LagIndexReader {

    /** The instant of the {@code n}-th oldest entry (1 = the oldest), or the newest one when fewer; null when none. */
    Instant nthOldest(String owner, String family, int n);

    /** The instant of the newest entry; null when none. */
    Instant newest(String owner, String family);
}
