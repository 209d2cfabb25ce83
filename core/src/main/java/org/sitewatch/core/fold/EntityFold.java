package org.sitewatch.core.fold;

import java.time.Instant;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;

/**
 * Folds one event into the latest state of its entity. Event time wins: an event older than the
 * stored state is ignored whatever the arrival order; at equal time, the later arrival wins unless it
 * is the very same event (same source and id), which counts once. For a given (stored state, event,
 * instant, rules) the result is always the same, so a replay agrees with the live topology.
 */
public final class EntityFold {

    private EntityFold() {
    }

    /**
     * @param current the stored state, null when the entity is new
     * @param now the instant time-dependent conditions (RPO) are evaluated at
     */
    public static <D extends EventData> FoldResult<D> apply(EntityRecord<D> current, SitewatchEvent event,
                                                            Class<D> dataType, Instant now, HealthRules rules) {
        String identity = EventIdentity.of(event);
        if (current != null) {
            if (event.time().isBefore(current.time())) {
                return FoldResult.ignored(FoldResult.Outcome.OUT_OF_ORDER);
            }
            if (event.time().equals(current.time()) && identity.equals(current.eventId())) {
                return FoldResult.ignored(FoldResult.Outcome.DUPLICATE);
            }
        }
        D data = dataType.cast(event.data());
        Contribution before = current == null ? Contribution.NONE : current.contribution();
        Contribution after = Contributions.of(data, event.time(), now, rules, before.problem());
        EntityRecord<D> next = new EntityRecord<>(event.time(), identity, data, after);
        return FoldResult.applied(next, deltaOf(data, before, after, event.time()));
    }

    /**
     * Re-evaluates a replicated item at {@code now} with no new event, e.g. when its RPO deadline
     * passed. Unchanged when its contribution is the same as before.
     */
    public static FoldResult<ReplicationStatus> reevaluate(EntityRecord<ReplicationStatus> current, Instant now,
                                                           HealthRules rules) {
        if (current == null) {
            return FoldResult.ignored(FoldResult.Outcome.UNCHANGED);
        }
        Contribution before = current.contribution();
        Contribution after = Contributions.of(current.data(), now, now, rules, before.problem());
        if (after.equals(before)) {
            return FoldResult.ignored(FoldResult.Outcome.UNCHANGED);
        }
        return FoldResult.applied(current.withContribution(after), deltaOf(current.data(), before, after, current.time()));
    }

    /** An HA action is not folded into an entity; it goes to its site's recent actions. */
    public static SiteDelta actionDelta(SitewatchEvent event) {
        HaAction action = event.dataAs(HaAction.class);
        return SiteDelta.action(action.site(), event.subject(), HaActionView.of(EventIdentity.of(event), action, event.time()));
    }

    private static SiteDelta deltaOf(EventData data, Contribution before, Contribution after, Instant time) {
        return before.equals(after) ? null
                : SiteDelta.change(data.site(), EventType.of(data).subjectOf(data), before, after, time);
    }
}
