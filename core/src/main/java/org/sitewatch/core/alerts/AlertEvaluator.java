package org.sitewatch.core.alerts;

import java.time.Instant;
import java.util.List;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.HealthRules;

/**
 * Evaluates the alert rules (plain Java, no Kafka): given a subject's latest state, the instant and what
 * was remembered of a rule, it returns the memory to keep and the FIRING / RESOLVED record to send, if
 * any. Rules and defaults are described in {@code docs/alert-rules.md}.
 *
 * <p>Two instants: {@code observedAt} is the event time of the vendor's observation (what the vendor
 * reports is judged at the time it was seen); {@code now} is the evaluation instant, equal to
 * {@code observedAt} when a new observation arrives and the wall clock when a deadline is due (silence).
 */
public final class AlertEvaluator {

    private final AlertSettings settings;
    private final HealthRules health;
    private final AlertTracker tracker;

    public AlertEvaluator(AlertSettings settings, HealthRules health) {
        this.settings = settings;
        this.health = health;
        this.tracker = new AlertTracker(settings);
    }

    public AlertSettings settings() {
        return settings;
    }

    /** The rules judged on an entity kind's latest state. */
    public static List<AlertRule> rulesFor(EntityKind kind) {
        switch (kind) {
            case REPLICATION:
                return List.of(AlertRule.ReplicationFailed, AlertRule.ReplicationRpoBreached, AlertRule.ReplicationPaused,
                        AlertRule.TestFailoverOverdue);
            case HA_HOST:
                return List.of(AlertRule.HaHostFailed);
            case HA_CLUSTER:
                return List.of(AlertRule.HaQuorumLost, AlertRule.HaFailoverCapacityLost);
            case COLLECTOR:
                return List.of(AlertRule.CollectorDown, AlertRule.CollectorAuthFailed, AlertRule.CollectorFailing);
            default:
                return List.of();
        }
    }

    /**
     * One rule on one entity.
     *
     * @param newObservation true when a new observation triggers this (its time is remembered), false
     *     when a deadline does
     */
    public Transition entity(AlertRule rule, EventData data, Instant observedAt, Instant now, AlertMemory memory,
                             boolean newObservation) {
        AlertMemory mem = memory == null ? AlertMemory.NONE : memory;
        Check check = check(rule, data, observedAt, now, mem);
        return tracker.apply(rule, mem, check, now, newObservation ? observedAt : null);
    }

    private Check check(AlertRule rule, EventData data, Instant observedAt, Instant now, AlertMemory mem) {
        switch (rule) {
            case ReplicationRpoBreached: {
                ReplicationStatus r = (ReplicationStatus) data;
                return ReplicationChecks.rpoBreached(r, observedAt, now, mem, settings.forItem(r), health.forItem(r));
            }
            case ReplicationFailed:
                return ReplicationChecks.failed((ReplicationStatus) data, now);
            case ReplicationPaused: {
                ReplicationStatus r = (ReplicationStatus) data;
                return ReplicationChecks.paused(r, now, mem, settings.forItem(r));
            }
            case TestFailoverOverdue: {
                ReplicationStatus r = (ReplicationStatus) data;
                return ReplicationChecks.testFailoverOverdue(r, now, health.forItem(r));
            }
            case HaHostFailed:
                return HaChecks.hostFailed((HaHost) data, now);
            case HaQuorumLost:
                return HaChecks.quorumLost((HaCluster) data, now);
            case HaFailoverCapacityLost:
                return HaChecks.capacityLost((HaCluster) data, now);
            case CollectorDown: {
                CollectorHeartbeat c = (CollectorHeartbeat) data;
                return CollectorChecks.down(c, observedAt, now, settings.forSite(c.site()));
            }
            case CollectorAuthFailed:
                return CollectorChecks.authFailed((CollectorHeartbeat) data, now);
            case CollectorFailing: {
                CollectorHeartbeat c = (CollectorHeartbeat) data;
                return CollectorChecks.failing(c, now, mem, settings.forSite(c.site()));
            }
            default:
                throw new IllegalArgumentException(rule + " is not judged on an entity");
        }
    }

    /**
     * An HA action. A restart fires HaVmRestarted (a new FIRING per restart, ending after the hold);
     * other actions, and a restart already seen (same {@code actionId}), give null.
     */
    public Transition haAction(HaAction action, String actionId, Instant actionTime, Instant now, AlertMemory memory) {
        if (!HaChecks.isRestart(action)) {
            return null;
        }
        AlertMemory mem = memory == null ? AlertMemory.NONE : memory;
        if (actionId.equals(mem.token())) {
            return null;
        }
        Check check = HaChecks.vmRestarted(action, actionTime, now, settings.forSite(action.site()));
        if (!check.active()) {
            // Seen only after its hold had passed (a late event): nothing to say any more.
            return new Transition(AlertRule.HaVmRestarted, new AlertMemory(mem.firing(), null, mem.dueAt(), actionTime, actionId), null);
        }
        // Each restart is its own FIRING record, even while the previous one is still held.
        AlertMemory fresh = new AlertMemory(null, null, null, null, actionId);
        return tracker.apply(AlertRule.HaVmRestarted, fresh, check, now, actionTime);
    }

    /** HaVmRestarted whose hold has passed: RESOLVED at its {@code endsAt}; null while still held. */
    public Transition vmRestartDue(AlertMemory memory, Instant now) {
        if (memory == null || !memory.isFiring() || memory.dueAt() == null || now.isBefore(memory.dueAt())) {
            return null;
        }
        return new Transition(AlertRule.HaVmRestarted, AlertMemory.NONE, memory.firing().resolved(memory.dueAt(), null));
    }

    /**
     * SiteDegraded or SiteCritical from the site's verdict (a new view, or the resolve hold's deadline);
     * null for an UNKNOWN site (nothing changes).
     */
    public Transition site(AlertRule rule, SiteHealthView view, Instant now, AlertMemory memory) {
        if (SiteChecks.UNKNOWN.equals(view.status())) {
            return null;
        }
        AlertMemory mem = memory == null ? AlertMemory.NONE : memory;
        java.util.Set<String> statuses = rule == AlertRule.SiteCritical ? SiteChecks.CRITICAL : SiteChecks.DEGRADED_OR_WORSE;
        return tracker.apply(rule, mem, SiteChecks.status(view, statuses, now, mem, settings.forSite(view.site())), now, now);
    }
}
