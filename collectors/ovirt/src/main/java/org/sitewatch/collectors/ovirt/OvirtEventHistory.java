package org.sitewatch.collectors.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EventHistory;
import org.sitewatch.collectors.spi.EventPage;
import org.sitewatch.collectors.spi.EventPage.HistoryEvent;
import org.sitewatch.events.CollectorErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's event list read incrementally: {@code GET /events?from=<index>&max=<page>} returns the
 * events whose index is above the cursor, newest first, so each page is sorted by index here. The
 * cursor is the highest index read (every event read moves it, published or not); the runtime keeps
 * it in its checkpoint, so a restart resumes there. The very first read starts at the engine's
 * newest event ({@code ?max=1}): history from before the first start is not replayed. A full page
 * means there may be more: the runtime asks again at once.
 *
 * <p>Limit: whether the engine's {@code max} keeps the oldest or the newest events above
 * {@code from} is not documented; when a full page does not start right after the cursor a warning
 * says events may have been skipped (a larger {@code event-page} avoids it).
 */
final class OvirtEventHistory implements EventHistory {

    private static final Logger log = LoggerFactory.getLogger(OvirtEventHistory.class);

    private final String endpointId;
    private final OvirtApi api;
    private final int page;
    private final Supplier<OvirtInventory> inventory;
    private final Clock clock;

    /** @param inventory the names and sites of the last poll, to resolve the events' links */
    OvirtEventHistory(String endpointId, OvirtApi api, int page, Supplier<OvirtInventory> inventory, Clock clock) {
        this.endpointId = endpointId;
        this.api = api;
        this.page = page;
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public EventPage readAfter(String cursor) throws CollectorException {
        if (cursor == null) {
            List<JsonNode> newest = api.list("/events?max=1", "event");
            long start = newest.isEmpty() ? 0 : index(newest.get(0));
            log.info("collector {}: events start after the engine's newest, index {}", endpointId, start);
            return new EventPage(List.of(), Long.toString(start), false);
        }
        long after = parse(cursor);
        String path = "/events?from=" + after + "&max=" + page;
        List<JsonNode> answer = api.list(path, "event");
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode e : answer) {
            if (index(e) > after) {
                events.add(e);
            }
        }
        events.sort(Comparator.comparingLong(OvirtEventHistory::indexOrZero));
        if (after > 0 && answer.size() >= page && !events.isEmpty() && index(events.get(0)) != after + 1) {
            log.warn("collector {}: a full page of events starts at index {}, not right after {}: events in between may "
                    + "be missing; raise event-page", endpointId, index(events.get(0)), after);
        }
        OvirtEventMapper mapper = new OvirtEventMapper(inventory.get());
        List<HistoryEvent> out = new ArrayList<>();
        long next = after;
        for (JsonNode e : events) {
            long index = index(e);
            try {
                OvirtEventMapper.Result result = mapper.map(e, index, clock.instant());
                if (result.event() != null) {
                    out.add(result.event());
                } else {
                    log.debug("collector {}: event {} not published: {}", endpointId, index, result.notPublished());
                }
            } catch (BadRecordException ex) {
                log.info("collector {}: event {} skipped: {}", endpointId, index, ex.getMessage());
            }
            next = index;
        }
        return new EventPage(out, Long.toString(next), answer.size() >= page);
    }

    private static long parse(String cursor) throws CollectorException {
        try {
            return Long.parseLong(cursor.trim());
        } catch (NumberFormatException e) {
            throw CollectorException.permanent(CollectorErrorKind.INTERNAL, "event history cursor '" + cursor
                    + "' is not an event index", "the checkpoint of this endpoint is damaged; delete its record from "
                    + "sitewatch.collector-checkpoints to start from the engine's newest event", e);
        }
    }

    /** An event's index (its id on engines that send no index); an event with neither is MALFORMED. */
    static long index(JsonNode event) throws CollectorException {
        try {
            Long index = OvirtJson.number(event, "index");
            Long id = index != null ? index : OvirtJson.number(event, "id");
            if (id != null) {
                return id;
            }
        } catch (BadRecordException e) {
            // reported below
        }
        throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "GET /events: an event has no numeric index: "
                + event, null);
    }

    private static long indexOrZero(JsonNode event) {
        try {
            return index(event);
        } catch (CollectorException e) {
            return 0;
        }
    }
}
