package org.sitewatch.collectors.vmware.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.sitewatch.collectors.spi.EventPage.HistoryEvent;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaAction;

/**
 * Turns one vCenter event into the history events the collector publishes: an {@link HaAction},
 * the new state of a VM, host or cluster, or a replication's new status. One event may give two
 * (an HA restart is an action and a VM now running elsewhere; a migration likewise).
 *
 * <p>Each record gets the event's {@code createdTime} and a vendor id built from the event key and
 * the record's type ({@code 910240/ha_action}), stable across re-reads, so a repeated event is
 * recognised as a duplicate downstream. The states derived here are remembered in the
 * {@link KnownStates} given, so the next events of a page build on them.
 *
 * <p>Limits: an event's state is the change it announces on top of the last known record; the
 * collector's next inventory read is the authority and overrides it when it differs (event time
 * is older than the read). The known records are those of the read just before the page, so they
 * may already show what an event announces; an older event still overwrites them until the next
 * read is remembered. Events no mapper watches are not an error: most of vCenter's events are of no
 * interest here.
 */
public final class VsphereEventMapper {

    /**
     * The outcome of one event.
     *
     * @param events what to publish, possibly nothing
     * @param skipped why a watched event could not be mapped; null when it was, or was not watched
     */
    public record Result(List<HistoryEvent> events, String skipped) {
        public Result {
            events = List.copyOf(events);
        }
    }

    private final List<EventKindMapper> mappers;
    private final KnownStates known;

    public VsphereEventMapper(String site, KnownStates known) {
        // The action comes before the state change it causes.
        this.mappers = List.of(new VsphereHaActionMapper(site), new VsphereVmEventMapper(site),
                new VsphereHostEventMapper(site), new VsphereClusterEventMapper(site),
                new VsphereReplicationEventMapper());
        this.known = known;
    }

    public Result map(VcenterEvent event) {
        String name = event.typeName();
        List<HistoryEvent> out = new ArrayList<>(2);
        Set<String> missing = new LinkedHashSet<>(1);
        for (EventKindMapper mapper : mappers) {
            if (name == null || !mapper.watched().contains(name)) {
                continue;
            }
            if (event.createdTime() == null) {
                return new Result(List.of(), label(event) + " has no createdTime");
            }
            EventData data = mapper.map(event, known);
            if (data == null) {
                missing.add(mapper.needs());
                continue;
            }
            known.remember(data);
            out.add(new HistoryEvent(event.createdTime(), data, vendorId(event, data)));
        }
        String skipped = out.isEmpty() && !missing.isEmpty()
                ? label(event) + " was not mapped: it needs " + String.join(" or ", missing) : null;
        return new Result(out, skipped);
    }

    /**
     * The event names mapped here: class names of typed events and the {@code eventTypeId}s of
     * {@code EventEx}/{@code ExtendedEvent}, for a collector that narrows what it reads.
     */
    public Set<String> watchedNames() {
        return mappers.stream().flatMap(m -> m.watched().stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static String vendorId(VcenterEvent event, EventData data) {
        return event.key() + "/" + EventType.of(data).name().toLowerCase(Locale.ROOT);
    }

    private static String label(VcenterEvent event) {
        return "event " + event.key() + " (" + event.typeName() + ")";
    }
}
