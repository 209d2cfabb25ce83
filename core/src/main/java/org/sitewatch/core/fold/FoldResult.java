package org.sitewatch.core.fold;

import org.sitewatch.events.EventData;

/**
 * The outcome of folding one event (or re-evaluating one entity at an instant).
 *
 * @param record the new state to store; null when nothing changed
 * @param delta what to tell the site; null when the entity's contribution did not change
 */
public record FoldResult<D extends EventData>(Outcome outcome, EntityRecord<D> record, SiteDelta delta) {

    /** What happened to the event. */
    public enum Outcome {
        /** The event (or the passing of time) changed the stored state. */
        APPLIED,
        /** The event is older than the stored state: event time wins, it is ignored. */
        OUT_OF_ORDER,
        /** The stored state already comes from this very event (same source and id). */
        DUPLICATE,
        /** Re-evaluation found nothing to change. */
        UNCHANGED
    }

    public static <D extends EventData> FoldResult<D> applied(EntityRecord<D> record, SiteDelta delta) {
        return new FoldResult<>(Outcome.APPLIED, record, delta);
    }

    public static <D extends EventData> FoldResult<D> ignored(Outcome outcome) {
        return new FoldResult<>(outcome, null, null);
    }

    public boolean changed() {
        return record != null;
    }
}
