package org.sitewatch.core.fold;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SiteHealthView.ReplicationCounts;

/**
 * Judges a site pair's DR readiness from its aggregate and the health of its two sites (documented in
 * {@code docs/health-rules.md}):
 * <ul>
 *   <li><b>NOT_READY</b>: no item is protected (all failed over or not configured); an item FAILED or
 *       with health CRITICAL; the target site UNKNOWN, CRITICAL or never seen.</li>
 *   <li><b>AT_RISK</b>: an item outside its RPO or never synced; PAUSED, in state UNKNOWN, or with health
 *       WARNING / UNKNOWN; some items FAILED_OVER or NOT_CONFIGURED; when test failovers are required
 *       ({@link ReplicationRules#requireTestFailover()}), an item never tested or tested longer ago than
 *       the allowed age; the source site UNKNOWN (its replication data may be out of date).</li>
 *   <li><b>READY</b> otherwise.</li>
 * </ul>
 * Counts come from the pair aggregate ({@link SiteHealthViews#replication}), which the RPO and
 * test-failover timers keep current, so the verdict is exact up to the timer interval.
 */
public final class DrReadinessEvaluator {

    private DrReadinessEvaluator() {
    }

    /**
     * @param sourceStatus the source site's health now, null when never seen
     * @param targetStatus the target site's health now, null when never seen
     */
    public static PairVerdict evaluate(SitePair pair, ReplicationCounts items, HealthStatus sourceStatus,
                                       HealthStatus targetStatus, ReplicationRules rules) {
        Map<DrReadiness, List<String>> reasons = new EnumMap<>(DrReadiness.class);
        for (DrReadiness r : DrReadiness.values()) {
            reasons.put(r, new ArrayList<>());
        }
        notReady(pair, items, targetStatus, reasons.get(DrReadiness.NOT_READY));
        atRisk(pair, items, sourceStatus, rules, reasons.get(DrReadiness.AT_RISK));

        DrReadiness verdict = DrReadiness.READY;
        List<String> all = new ArrayList<>();
        for (DrReadiness r : List.of(DrReadiness.NOT_READY, DrReadiness.AT_RISK)) {
            if (!reasons.get(r).isEmpty()) {
                verdict = verdict.worst(r);
                all.addAll(reasons.get(r));
            }
        }
        return new PairVerdict(verdict, all);
    }

    private static void notReady(SitePair pair, ReplicationCounts items, HealthStatus targetStatus, List<String> reasons) {
        if (protectedItems(items) <= 0) {
            reasons.add("no item is replicated from " + pair.source() + " to " + pair.target());
        }
        addIf(reasons, state(items, ReplicationState.FAILED), "FAILED");
        addIf(reasons, health(items, ReplicationHealth.CRITICAL), "with health CRITICAL");
        if (targetStatus == null) {
            reasons.add("target site " + pair.target() + " has never been seen");
        } else if (targetStatus == HealthStatus.UNKNOWN || targetStatus == HealthStatus.CRITICAL) {
            reasons.add("target site " + pair.target() + " is " + targetStatus);
        }
    }

    private static void atRisk(SitePair pair, ReplicationCounts items, HealthStatus sourceStatus, ReplicationRules rules,
                               List<String> reasons) {
        long outside = items.outsideRpo();
        addIf(reasons, outside, outside == 1 ? "outside its RPO" : "outside their RPO");
        if (items.neverSynced() > 0 && outside == 0) {
            addIf(reasons, items.neverSynced(), "never synced");
        }
        addIf(reasons, state(items, ReplicationState.PAUSED), "PAUSED");
        addIf(reasons, state(items, ReplicationState.UNKNOWN), "in state UNKNOWN");
        addIf(reasons, health(items, ReplicationHealth.WARNING), "with health WARNING");
        addIf(reasons, health(items, ReplicationHealth.UNKNOWN), "with health UNKNOWN");
        if (protectedItems(items) > 0) {
            addIf(reasons, state(items, ReplicationState.FAILED_OVER), "FAILED_OVER (running at the target, not protected)");
            addIf(reasons, state(items, ReplicationState.NOT_CONFIGURED), "NOT_CONFIGURED");
        }
        if (rules.requireTestFailover()) {
            addIf(reasons, items.neverTested(), "never tested (no test failover)");
            addIf(reasons, items.testFailoverOverdue(),
                    "with a test failover older than " + rules.testFailoverMaxAgeDays() + " days");
        }
        if (sourceStatus == HealthStatus.UNKNOWN && !pair.source().equals(pair.target())) {
            reasons.add("source site " + pair.source() + " is UNKNOWN: its replication data may be out of date");
        }
    }

    private static long protectedItems(ReplicationCounts items) {
        return items.total() - state(items, ReplicationState.FAILED_OVER) - state(items, ReplicationState.NOT_CONFIGURED);
    }

    private static long state(ReplicationCounts items, ReplicationState state) {
        return items.byState().getOrDefault(state.name(), 0L);
    }

    private static long health(ReplicationCounts items, ReplicationHealth health) {
        return items.byHealth().getOrDefault(health.name(), 0L);
    }

    private static void addIf(List<String> reasons, long n, String what) {
        if (n > 0) {
            reasons.add(n + " replicated item" + (n == 1 ? "" : "s") + " " + what);
        }
    }
}
