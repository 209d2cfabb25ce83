package org.sitewatch.core.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything kept about one site pair ({@code <source>-><target>}): the replication counters of its
 * items, bounded by the number of counters, never by the number of items. Lag percentiles and the
 * newest / oldest test failover come from the pair's index entries at query time.
 *
 * @param counts counter name ({@link Counters}, replication counters only) to value; zeros dropped
 * @param lastEventTime the newest event time applied
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PairAggregate(String pair, String source, String target, Map<String, Long> counts, Instant lastEventTime) {

    public PairAggregate {
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public static PairAggregate empty(String pair) {
        SitePair p = SitePair.parse(pair).orElseThrow(() -> new IllegalArgumentException("not a site pair key: " + pair));
        return new PairAggregate(pair, p.source(), p.target(), Map.of(), null);
    }

    public long count(String counter) {
        return counts.getOrDefault(counter, 0L);
    }

    public SitePair sitePair() {
        return new SitePair(source, target);
    }
}
