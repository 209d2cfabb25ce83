package org.sitewatch.core.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.core.fold.ReplicationRules;
import org.sitewatch.core.fold.RpoPolicy;
import org.sitewatch.core.fold.TestFailoverPolicy;

/** The rules on one replicated item. Pure functions of the item, the instant and what was remembered. */
final class ReplicationChecks {

    private ReplicationChecks() {
    }

    /**
     * Lag above the target RPO for at least the grace period; once firing, resolves only when the lag
     * is below target x resolve-ratio (hysteresis). The lag is {@code now - lastRecoveryPoint}, or the
     * vendor's {@code lagSeconds} at its observation time. The breach starts at the first instant the
     * lag exceeded the target ({@code lastRecoveryPoint + target}) and lasts while every later observation
     * still shows a lag above the target: a sync that leaves the lag above target does not restart the
     * grace period, one that brings it below target ends the breach. Starts are computed, not observed,
     * so a replay or a restart gives the same {@code startsAt}.
     */
    static Check rpoBreached(ReplicationStatus r, Instant observedAt, Instant now, AlertMemory memory, AlertThresholds t,
                             ReplicationRules rules) {
        Map<String, String> labels = Labels.item(r);
        String url = Labels.itemUrl(r);
        Instant lrp = recoveryPoint(r, observedAt);
        if (!RpoPolicy.isChecked(r, rules) || lrp == null) {
            return Check.inactive(labels, summary(r, "is no longer checked against its RPO"),
                    "Item " + r.itemId() + " is " + r.state() + " or has no RPO or recovery point.", url);
        }
        long target = RpoPolicy.targetSeconds(r, rules);
        long lagMillis = Duration.between(lrp, now).toMillis();
        String measured = "lag " + Math.max(0, lagMillis / 1000) + " s, target RPO " + target + " s, last recovery point " + lrp
                + " (grace " + t.rpoGrace().toSeconds() + " s, resolves below " + (long) (target * t.rpoResolveRatio()) + " s)";
        String description = "Replication of " + r.name() + " (" + r.itemId() + ") " + r.sourceSite() + " -> "
                + r.targetSite() + ": " + measured + ".";
        if (memory.isFiring()) {
            boolean still = lagMillis >= target * 1000 * t.rpoResolveRatio();
            return new Check(still, memory.firing().startsAt(), null, null, null, labels,
                    summary(r, still ? "is outside its RPO" : "is back within its RPO"), description, url);
        }
        Instant exceeded = lrp.plusSeconds(target);
        boolean above = now.isAfter(exceeded);
        Instant since = above && memory.pendingSince() != null && memory.pendingSince().isBefore(exceeded)
                ? memory.pendingSince() : exceeded;
        Instant fireAt = since.plus(t.rpoGrace());
        boolean active = above && !now.isBefore(fireAt);
        Instant pending = above ? since : null;
        return new Check(active, fireAt, null, pending, active ? null : fireAt, labels,
                summary(r, "is outside its RPO"), description, url);
    }

    /**
     * State FAILED, or a retry of a failed job in progress (SYNCING with a fail count above 0: pvesr shows
     * a retry as syncing), so the alert does not resolve and re-fire at every retry; it resolves at the
     * first observation that is neither, i.e. after a successful sync.
     */
    static Check failed(ReplicationStatus r, Instant now) {
        boolean retrying = r.state() == ReplicationState.SYNCING && r.failCount() != null && r.failCount() > 0;
        boolean active = RpoPolicy.isProtected(r) && (r.state() == ReplicationState.FAILED || retrying);
        String description = "Replication of " + r.name() + " (" + r.itemId() + ") " + r.sourceSite() + " -> " + r.targetSite()
                + " is " + r.state() + (r.vendorState() != null ? " (vendor state " + r.vendorState() + ")" : "")
                + (r.failCount() != null ? ", fail count " + r.failCount() : "")
                + (r.error() != null ? ", error: " + r.error() : "") + ".";
        return new Check(active, now, null, null, null, Labels.item(r),
                summary(r, active ? "failed" : "no longer failed"), description, Labels.itemUrl(r));
    }

    /** PAUSED for at least paused-for, measured from the first observation that saw it paused. */
    static Check paused(ReplicationStatus r, Instant now, AlertMemory memory, AlertThresholds t) {
        Map<String, String> labels = Labels.item(r);
        String url = Labels.itemUrl(r);
        if (!RpoPolicy.isProtected(r) || r.state() != ReplicationState.PAUSED) {
            return Check.inactive(labels, summary(r, "is no longer paused"), "Replication of " + r.itemId() + " is " + r.state() + ".", url);
        }
        Instant since = memory.pendingSince() != null ? memory.pendingSince() : now;
        Instant fireAt = since.plus(t.pausedFor());
        boolean active = memory.isFiring() || !now.isBefore(fireAt);
        return new Check(active, fireAt, null, since, active ? null : fireAt, labels, summary(r, "is paused"),
                "Replication of " + r.name() + " (" + r.itemId() + ") has been PAUSED since " + since
                        + " (alert after " + t.pausedFor().toMinutes() + " min).", url);
    }

    /** The last test failover is older than test-failover-max-age-days (items never tested are not alerted). */
    static Check testFailoverOverdue(ReplicationStatus r, Instant now, ReplicationRules rules) {
        Map<String, String> labels = Labels.item(r);
        String url = Labels.itemUrl(r);
        if (!rules.requireTestFailover() || r.lastTestFailover() == null) {
            return Check.inactive(labels, summary(r, "test failover not required or never done"), "No test failover to judge.", url);
        }
        Instant overdueAt = TestFailoverPolicy.overdueAt(r, rules).orElse(null);
        boolean active = TestFailoverPolicy.overdue(r, now, rules);
        return new Check(active, overdueAt, null, null, active ? null : overdueAt, labels,
                summary(r, active ? "test failover is overdue" : "test failover is recent"),
                "Last test failover of " + r.itemId() + " was at " + r.lastTestFailover() + "; allowed age "
                        + rules.testFailoverMaxAgeDays() + " days.", url);
    }

    private static Instant recoveryPoint(ReplicationStatus r, Instant observedAt) {
        if (r.lastRecoveryPoint() != null) {
            return r.lastRecoveryPoint();
        }
        return r.lagSeconds() != null && observedAt != null ? observedAt.minusSeconds(r.lagSeconds()) : null;
    }

    private static String summary(ReplicationStatus r, String what) {
        return "Replication " + r.itemId() + " (" + r.sourceSite() + " -> " + r.targetSite() + ") " + what;
    }
}
