package org.sitewatch.core.fold;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one entity adds to its site's (and, for replicated items, its site pair's) aggregate: one
 * count per counter it belongs to, its problem if it has one, and (collectors only) its heartbeat.
 * An aggregate applies {@code counts += new - old} for every change, so it never needs to hold the
 * entities themselves.
 *
 * @param pair replicated items: the {@link SitePair} key they count towards
 * @param recoveryPoint protected replicated items: the last recovery point, an entry of the lag indexes
 * @param testFailover protected replicated items: the last test failover, an entry of the pair index
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Contribution(Map<String, Long> counts, Problem problem, CollectorView collector, String pair,
                           Instant recoveryPoint, Instant testFailover) {

    public static final Contribution NONE = new Contribution(Map.of(), null, null);

    public Contribution(Map<String, Long> counts, Problem problem, CollectorView collector) {
        this(counts, problem, collector, null, null, null);
    }

    public Contribution {
        // Sorted, so the stored JSON is canonical.
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public Contribution withProblem(Problem newProblem) {
        return new Contribution(counts, newProblem, collector, pair, recoveryPoint, testFailover);
    }

    public long count(String counter) {
        return counts.getOrDefault(counter, 0L);
    }

    @JsonIgnore
    public boolean isNone() {
        return counts.isEmpty() && problem == null && collector == null && pair == null;
    }
}
