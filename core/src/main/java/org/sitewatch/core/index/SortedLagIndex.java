package org.sitewatch.core.index;

import java.time.Instant;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A lag index held in memory as a sorted set of {@link IndexKeys} keys: what an offline estate (the
 * audit's state at an instant, tests) reads instead of the streams app's index stores. Keys are
 * ASCII, so their natural order is the byte order the stores use.
 *
 * <p>Limit: holds one key per item and family; built once and then read (not thread-safe while
 * {@link #add} is still called).
 */
public final class SortedLagIndex implements LagIndexReader {

    private final NavigableSet<String> keys = new TreeSet<>();

    /** Records that {@code subject} of {@code owner} has its {@code family} instant at {@code at}; null is ignored. */
    public void add(String owner, String family, Instant at, String subject) {
        if (at != null) {
            keys.add(IndexKeys.of(owner, family, at, subject));
        }
    }

    @Override
    public Instant nthOldest(String owner, String family, int n) {
        Iterator<String> it = entries(owner, family).iterator();
        String key = null;
        for (int i = 0; i < n && it.hasNext(); i++) {
            key = it.next();
        }
        return key == null ? null : IndexKeys.instantOf(key, owner, family);
    }

    @Override
    public Instant newest(String owner, String family) {
        NavigableSet<String> entries = entries(owner, family);
        return entries.isEmpty() ? null : IndexKeys.instantOf(entries.last(), owner, family);
    }

    private NavigableSet<String> entries(String owner, String family) {
        String prefix = IndexKeys.prefix(owner, family);
        return keys.subSet(prefix, true, IndexKeys.upperBound(prefix), false);
    }
}
