package org.sitewatch.core.alerts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.sitewatch.events.Alert;

/**
 * What is remembered of one rule on one subject (an entity, a site), kept in a changelogged store so
 * a restart neither repeats nor loses a transition.
 *
 * @param firing the FIRING record last sent; null when the alert is not firing
 * @param pendingSince when the condition was first seen true, for rules that must hold for a while
 * @param dueAt when the rule must be re-checked by the clock alone (indexed in the deadline store)
 * @param observedAt event time of the last observation evaluated, so an old or repeated one is skipped
 * @param token rule-specific identity of the last trigger (the HA action id of the last restart)
 */
public record AlertMemory(Alert firing, Instant pendingSince, Instant dueAt, Instant observedAt, String token) {

    public static final AlertMemory NONE = new AlertMemory(null, null, null, null, null);

    @JsonIgnore
    public boolean isFiring() {
        return firing != null;
    }

    /** Nothing worth keeping: the store entry can be deleted. */
    @JsonIgnore
    public boolean isEmpty() {
        return firing == null && pendingSince == null && dueAt == null && token == null;
    }
}
