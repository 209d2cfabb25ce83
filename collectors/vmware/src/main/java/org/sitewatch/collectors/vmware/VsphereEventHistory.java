package org.sitewatch.collectors.vmware;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EventHistory;
import org.sitewatch.collectors.spi.EventPage;
import org.sitewatch.collectors.spi.EventPage.HistoryEvent;
import org.sitewatch.collectors.vmware.mapping.VsphereEventMapper;
import org.sitewatch.collectors.vmware.vim25.DataObject;
import org.sitewatch.collectors.vmware.vim25.EventCollectors;
import org.sitewatch.collectors.vmware.vim25.EventFilter;
import org.sitewatch.collectors.vmware.vim25.EventRecord;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.PropertyCollector;
import org.sitewatch.collectors.vmware.vim25.Vim25Client;
import org.sitewatch.events.CollectorErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * vCenter's event history read through one event history collector, resumed from the runtime's cursor
 * {@code <last event key>@<its creation time>}. Event keys grow per vCenter; a collector made from a time also
 * returns the events of that very instant, so events at or below the cursor's key are dropped: no gap, no repeat.
 *
 * <p>The first read ever starts at vCenter's latest event: history from before the first start is not replayed.
 */
final class VsphereEventHistory implements EventHistory {

    private static final Logger log = LoggerFactory.getLogger(VsphereEventHistory.class);
    /** Events per read; a full page makes the runtime read again at once. */
    static final int PAGE = 100;
    /** Events one collector holds (vCenter's limit is 1000). */
    static final int COLLECTED = 1000;

    private final String endpointId;
    private final Vim25Client client;
    private final EventCollectors collectors;
    private final PropertyCollector properties;
    private final VsphereEventMapper mapper;
    private final Clock clock;

    VsphereEventHistory(String endpointId, Vim25Client client, VsphereEventMapper mapper, Clock clock) {
        this.endpointId = endpointId;
        this.client = client;
        this.collectors = new EventCollectors(client);
        this.properties = new PropertyCollector(client);
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public EventPage readAfter(String cursorText) throws CollectorException {
        if (cursorText == null) {
            return new EventPage(List.of(), latestEvent().text(), false);
        }
        Cursor cursor = Cursor.parse(cursorText);
        List<EventRecord> records = readFrom(cursor);
        List<HistoryEvent> events = new ArrayList<>();
        Cursor next = cursor;
        int newer = 0;
        for (EventRecord record : records) {
            if (record.key() <= cursor.key()) {
                continue;
            }
            newer++;
            VsphereEventMapper.Result mapped = mapper.map(VcenterEvents.of(record));
            events.addAll(mapped.events());
            if (mapped.skipped() != null) {
                log.info("collector {}: vCenter event {} ({}) not published: {}", endpointId, record.key(),
                        record.typeId(), mapped.skipped());
            }
            next = new Cursor(record.key(), record.createdTime() == null ? next.time() : record.createdTime());
        }
        // More only when a full page was all new: a page of events already published says nothing of what follows.
        return new EventPage(events, next.text(), newer == PAGE);
    }

    /**
     * Up to a page of events from the cursor's time, oldest first by key. A collector per read, destroyed after
     * it: the same cursor then always gives the same events, and a collector never outlives its session (vCenter
     * allows 32 per session). Pages need not come in key order (vcsim sends the newest first), so they are sorted.
     */
    private List<EventRecord> readFrom(Cursor cursor) throws CollectorException {
        MoRef collector = collectors.create(EventFilter.since(cursor.time()).withMaxCount(COLLECTED));
        try {
            return collectors.readNext(collector, PAGE).stream().sorted(Comparator.comparingLong(EventRecord::key)).toList();
        } finally {
            destroy(collector);
        }
    }

    private void destroy(MoRef collector) {
        try {
            collectors.destroy(collector);
        } catch (CollectorException | RuntimeException e) {
            // vCenter drops a session's collectors with the session anyway.
            log.debug("collector {}: could not destroy event collector {} ({})", endpointId, collector, e.getMessage());
        }
    }

    /** vCenter's newest event, where a first start begins; "now" on the collector's clock when it has none. */
    private Cursor latestEvent() throws CollectorException {
        Object latest = properties.retrieveObject(client.serviceContent().eventManager(), List.of("latestEvent"))
                .get("latestEvent");
        if (latest instanceof DataObject event && event.number("key") != null && event.instant("createdTime") != null) {
            return new Cursor(event.number("key"), event.instant("createdTime"));
        }
        // No latestEvent property (vcsim keeps none): the newest event a collector over everything holds.
        Cursor start = new Cursor(0, clock.instant());
        for (EventRecord record : readFrom(new Cursor(0, Instant.EPOCH))) {
            if (record.key() > start.key() && record.createdTime() != null) {
                start = new Cursor(record.key(), record.createdTime());
            }
        }
        return start;
    }

    /** Where the history was read to: the last event's key and its creation time. */
    record Cursor(long key, Instant time) {

        static Cursor parse(String text) throws CollectorException {
            int at = text.indexOf('@');
            try {
                return new Cursor(Long.parseLong(text.substring(0, at)), Instant.parse(text.substring(at + 1)));
            } catch (RuntimeException e) {
                throw CollectorException.permanent(CollectorErrorKind.INTERNAL,
                        "event history cursor '" + text + "' is not <event key>@<instant>: " + e.getMessage(),
                        "the checkpoint of this endpoint is damaged; delete its record from sitewatch.collector-checkpoints "
                                + "to start from vCenter's latest event", e);
            }
        }

        String text() {
            return key + "@" + time;
        }
    }
}
