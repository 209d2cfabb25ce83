package org.sitewatch.collectors.kubevirt;

import java.time.Instant;
import java.util.Objects;
import org.sitewatch.events.HaAction;

/**
 * An HA action read from the cluster and when the cluster says it happened (its own timestamp, or
 * when the collector saw it when the cluster gives none). The action's id is stable: the same
 * migration or restart read again after a re-list or a restart has the same id.
 */
record ObservedAction(HaAction action, Instant at) {

    ObservedAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(action.actionId(), "actionId");
        Objects.requireNonNull(at, "at");
    }
}
