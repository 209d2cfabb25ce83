package org.sitewatch.audit.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * How a state was rebuilt: what was read and what the fold did with it.
 *
 * @param eventsRead records read (from the start of retention)
 * @param eventsFolded events with time at or before the instant, given to the fold
 * @param applied events that changed an entity or a site
 * @param outOfOrder events older than their entity's state, ignored (event time wins), as live
 * @param duplicates re-sent events, ignored, as live
 * @param afterInstant events read but newer than the instant (read because of late-arrival margin)
 * @param oldestAvailable the oldest instant retention still covers; null when nothing was deleted
 * @param complete false when retention has deleted events: entities not re-observed since are missing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FoldStats(long eventsRead, long eventsFolded, long applied, long outOfOrder, long duplicates,
                        long afterInstant, long undecodable, Instant oldestAvailable, boolean complete) {
}
