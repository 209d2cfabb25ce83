package org.sitewatch.core.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;

/**
 * One HA action as kept in the site's recent actions.
 *
 * @param eventId the CloudEvent identity (source and id), used to keep each action once
 * @param time the event time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HaActionView(String eventId, String actionId, String vmId, String cluster, HaActionKind action,
                           String fromHost, String toHost, String vendorState, String detail, Instant time) {

    public static HaActionView of(String eventId, HaAction a, Instant time) {
        return new HaActionView(eventId, a.actionId(), a.vmId(), a.cluster(), a.action(), a.fromHost(), a.toHost(),
                a.vendorState(), a.detail(), time);
    }
}
