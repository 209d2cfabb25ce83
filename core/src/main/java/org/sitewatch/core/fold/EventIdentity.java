package org.sitewatch.core.fold;

import org.sitewatch.events.SitewatchEvent;

/**
 * The identity of an event for de-duplication: CloudEvents says source + id is unique, and Sitewatch
 * ids are deterministic per observation, so a re-sent observation has the same identity.
 */
public final class EventIdentity {

    private EventIdentity() {
    }

    /** {@code <source> <id>}; a URI holds no unencoded space, so the separator is unambiguous. */
    public static String of(SitewatchEvent event) {
        return event.source() + " " + event.id();
    }
}
