package org.sitewatch.core.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies {@link SiteDelta}s to a {@link SiteAggregate}: {@code counts += after - before}, the
 * entity's problem replaced, its collector heartbeat replaced, an HA action remembered.
 *
 * <p>The problem list is capped. An entity with a problem is always either listed or counted in
 * {@code problemsNotListed}; when the list is full, a more severe problem pushes out a less severe
 * one (which becomes counted). An unlisted problem that clears is not replaced by another unlisted
 * one, since the aggregate does not know them: the count stays exact, the list may show fewer than
 * the cap. Health rules read counts, never the list, so they stay exact whatever the cap.
 */
public final class SiteAggregator {

    private static final Comparator<HaActionView> NEWEST_FIRST =
            Comparator.comparing(HaActionView::time).reversed().thenComparing(HaActionView::eventId);

    private final AggregateLimits limits;

    public SiteAggregator(AggregateLimits limits) {
        this.limits = limits;
    }

    public SiteAggregate apply(SiteAggregate current, SiteDelta delta) {
        SiteAggregate agg = current == null ? SiteAggregate.empty(delta.site()) : current;
        TreeMap<String, Long> counts = new TreeMap<>(agg.counts());
        delta.before().counts().forEach((counter, n) -> add(counts, counter, -n));
        delta.after().counts().forEach((counter, n) -> add(counts, counter, n));

        // The problem list and the collectors are copied only when this delta changes them.
        Map<String, Problem> problems = agg.problems();
        long notListed = agg.problemsNotListed();
        if (delta.before().problem() != null || delta.after().problem() != null || problems.containsKey(delta.subject())) {
            TreeMap<String, Problem> changed = new TreeMap<>(problems);
            boolean listed = changed.remove(delta.subject()) != null;
            if (delta.before().problem() != null && !listed) {
                notListed = Math.max(0, notListed - 1);
            }
            if (delta.after().problem() != null) {
                notListed += insertBounded(changed, delta.subject(), delta.after().problem());
            }
            problems = SiteAggregate.frozen(changed);
        }

        Map<String, CollectorView> collectors = agg.collectors();
        if (delta.before().collector() != null || delta.after().collector() != null) {
            TreeMap<String, CollectorView> changed = new TreeMap<>(collectors);
            if (delta.before().collector() != null) {
                changed.remove(delta.before().collector().collectorId());
            }
            if (delta.after().collector() != null) {
                changed.put(delta.after().collector().collectorId(), delta.after().collector());
            }
            collectors = SiteAggregate.frozen(changed);
        }

        List<HaActionView> actions = remember(agg.recentHaActions(), delta.action());
        Instant last = agg.lastEventTime() == null || (delta.eventTime() != null && delta.eventTime().isAfter(agg.lastEventTime()))
                ? delta.eventTime() : agg.lastEventTime();
        return new SiteAggregate(agg.site(), SiteAggregate.frozen(counts), problems, notListed, collectors, actions, last,
                agg.health());
    }

    /** Lists the problem if there is room or it is more severe than one listed; returns 1 if it went unlisted. */
    private int insertBounded(Map<String, Problem> problems, String key, Problem problem) {
        if (problems.size() < limits.maxProblems()) {
            problems.put(key, problem);
            return 0;
        }
        Map.Entry<String, Problem> mildest = problems.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<String, Problem> e) -> e.getValue().severity()))
                .orElseThrow();
        if (mildest.getValue().severity().compareTo(problem.severity()) < 0) {
            problems.remove(mildest.getKey());
            problems.put(key, problem);
        }
        // Either the pushed-out problem or the new one is now unlisted.
        return 1;
    }

    private List<HaActionView> remember(List<HaActionView> recent, HaActionView action) {
        if (action == null || limits.maxRecentHaActions() == 0
                || recent.stream().anyMatch(a -> a.eventId().equals(action.eventId()))) {
            return recent;
        }
        List<HaActionView> next = new ArrayList<>(recent);
        next.add(action);
        next.sort(NEWEST_FIRST);
        return next.size() > limits.maxRecentHaActions() ? next.subList(0, limits.maxRecentHaActions()) : next;
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
