package org.sitewatch.core.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything kept about one site, in memory bounded by the number of counters, collectors, the
 * problem cap and the recent-actions cap, never by the number of entities.
 *
 * @param counts counter name ({@link Counters}) to value; zero counters are dropped
 * @param problems entity subject ({@code vm/paris-dc1/100}) to its problem, at most {@link AggregateLimits#maxProblems()}
 * @param problemsNotListed entities that have a problem but are not in {@code problems}
 * @param collectors collector id to its last heartbeat
 * @param recentHaActions newest first
 * @param lastEventTime the newest event time applied
 * @param health the current verdict, stored when it changes (after a delta or on the periodic check);
 *     its {@code asOf} is when it was reached; null before the first delta
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteAggregate(String site, Map<String, Long> counts, Map<String, Problem> problems, long problemsNotListed,
                            Map<String, CollectorView> collectors, List<HaActionView> recentHaActions,
                            Instant lastEventTime, SiteHealth health) {

    public SiteAggregate {
        counts = sorted(counts);
        problems = sorted(problems);
        collectors = sorted(collectors);
        recentHaActions = recentHaActions == null ? List.of() : List.copyOf(recentHaActions);
    }

    public static SiteAggregate empty(String site) {
        return new SiteAggregate(site, Map.of(), Map.of(), 0, Map.of(), List.of(), null, null);
    }

    public long count(String counter) {
        return counts.getOrDefault(counter, 0L);
    }

    /** Every entity with a problem, listed or not. */
    public long problemCount() {
        return problems.size() + problemsNotListed;
    }

    public SiteAggregate withHealth(SiteHealth newHealth) {
        return new SiteAggregate(site, counts, problems, problemsNotListed, collectors, recentHaActions, lastEventTime,
                newHealth);
    }

    /** The class of the read-only sorted maps this record keeps, which it can share instead of copying. */
    private static final Class<?> FROZEN = Collections.unmodifiableSortedMap(new TreeMap<String, Object>()).getClass();

    /**
     * A read-only, sorted copy of {@code map}; a map this record made (or {@link #frozen} made) is taken as
     * it is. Applying a delta replaces one or two maps of the aggregate and keeps the rest: copying all
     * of them (up to the problem cap) on every event was the aggregator's main cost.
     */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        if (map == null) {
            return frozen(new TreeMap<>());
        }
        if (map.getClass() == FROZEN && ((SortedMap<String, V>) map).comparator() == null) {
            return map;
        }
        return frozen(new TreeMap<>(map));
    }

    /**
     * Wraps a map the caller built and will not touch again, so the record can keep it without a copy.
     */
    static <V> Map<String, V> frozen(TreeMap<String, V> map) {
        return Collections.unmodifiableSortedMap(map);
    }
}
