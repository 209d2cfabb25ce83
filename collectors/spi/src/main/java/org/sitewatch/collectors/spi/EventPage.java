package org.sitewatch.collectors.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sitewatch.events.EventData;

/**
 * One page of a vendor's event history (see {@link EventHistory}).
 *
 * @param events the events after the cursor that was asked for, oldest first; may be empty
 * @param nextCursor where the next read starts: the cursor after the last event of this page (or
 *     the same cursor when the page is empty); never null
 * @param more true when the vendor has more events right now, so the runtime reads again at once
 */
public record EventPage(List<HistoryEvent> events, String nextCursor, boolean more) {

    public EventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /**
     * One event of the history.
     *
     * @param time when the vendor says it happened
     * @param data the normalized record (usually an {@link org.sitewatch.events.HaAction})
     * @param vendorEventId the vendor's own event id, kept as the CloudEvents id; null to derive one
     */
    public record HistoryEvent(Instant time, EventData data, String vendorEventId) {
        public HistoryEvent {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(data, "data");
        }
    }
}
