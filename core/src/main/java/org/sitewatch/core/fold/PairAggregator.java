package org.sitewatch.core.fold;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Applies {@link PairDelta}s to a {@link PairAggregate}: {@code counts += after - before}. */
public final class PairAggregator {

    private PairAggregator() {
    }

    /** The next aggregate; null when the pair has no item left (the store entry is then deleted). */
    public static PairAggregate apply(PairAggregate current, PairDelta delta) {
        PairAggregate agg = current == null ? PairAggregate.empty(delta.pair()) : current;
        Map<String, Long> counts = new TreeMap<>(agg.counts());
        delta.before().counts().forEach((counter, n) -> add(counts, counter, -n));
        delta.after().counts().forEach((counter, n) -> add(counts, counter, n));
        if (counts.isEmpty()) {
            return null;
        }
        Instant last = agg.lastEventTime() == null || (delta.eventTime() != null && delta.eventTime().isAfter(agg.lastEventTime()))
                ? delta.eventTime() : agg.lastEventTime();
        return new PairAggregate(agg.pair(), agg.source(), agg.target(), counts, last);
    }

    private static void add(Map<String, Long> counts, String counter, long n) {
        long value = counts.getOrDefault(counter, 0L) + n;
        if (value == 0) {
            counts.remove(counter);
        } else {
            counts.put(counter, value);
        }
    }
}
