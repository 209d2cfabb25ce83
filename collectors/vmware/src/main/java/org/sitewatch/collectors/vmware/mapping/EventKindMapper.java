package org.sitewatch.collectors.vmware.mapping;

import java.util.Set;
import org.sitewatch.events.EventData;

/** Maps the vCenter events of one kind (HA actions, VM lifecycle, ...) to one contract record each. */
abstract class EventKindMapper {

    private final Set<String> watched;
    private final String needs;

    /**
     * @param watched the event names ({@link VcenterEvent#typeName()}) this mapper handles
     * @param needs what an event must name to be mapped, for the reason given when it does not, e.g. "a VM"
     */
    EventKindMapper(Set<String> watched, String needs) {
        this.watched = Set.copyOf(watched);
        this.needs = needs;
    }

    final Set<String> watched() {
        return watched;
    }

    final String needs() {
        return needs;
    }

    /**
     * The record for {@code event}, whose name is one of {@link #watched()}; null when the event
     * lacks what the record needs.
     */
    abstract EventData map(VcenterEvent event, KnownStates known);
}
