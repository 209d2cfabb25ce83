package org.sitewatch.simulator.vsphere;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An event history collector: a filter ({@code time.beginTime}/{@code endTime} and
 * {@code eventTypeId}s, matched against an EventEx's id or an event's class) and a position in the
 * log. {@code ReadNextEvents} reads forward from the position and moves it, so a collector made
 * from a time returns every later event once, new ones included. The entity part of a filter is
 * not applied: the vCenter has one cluster. A {@code maxCount} caps the events it holds: the
 * oldest that match (so reading on from a time leaves no gap). Guarded by its {@link Vcenter}.
 */
final class EventCollector {

    private final Instant begin;
    private final Instant end;
    private final Set<String> typeIds;
    /** How many more events the collector may return ({@code maxCount} of the filter); unbounded when unset. */
    private long remaining;
    private long position;
    private long earliestRead = Long.MAX_VALUE;

    /** @param maxCount the filter's {@code maxCount}: the most events the collector holds; null for no limit */
    EventCollector(Instant begin, Instant end, List<String> typeIds, Integer maxCount) {
        this.begin = begin;
        this.end = end;
        this.typeIds = Set.copyOf(typeIds);
        this.remaining = maxCount == null ? Long.MAX_VALUE : maxCount;
    }

    boolean accepts(VcEvent e) {
        return (begin == null || !e.createdTime().isBefore(begin)) && (end == null || !e.createdTime().isAfter(end))
                && (typeIds.isEmpty() || typeIds.contains(e.typeId()) || typeIds.contains(e.xsiType()));
    }

    List<VcEvent> readNext(EventLog log, int max) {
        List<VcEvent> page = log.after(position, this::accepts, (int) Math.min(max, remaining));
        if (!page.isEmpty()) {
            remaining -= page.size();
            position = page.get(page.size() - 1).key();
            earliestRead = Math.min(earliestRead, page.get(0).key());
        }
        return page;
    }

    /** The events before the first one read (before the newest when none was), newest first. */
    List<VcEvent> readPrevious(EventLog log, int max) {
        long before = earliestRead == Long.MAX_VALUE ? log.lastKey() + 1 : earliestRead;
        List<VcEvent> page = log.before(before, this::accepts, max);
        if (!page.isEmpty()) {
            earliestRead = page.get(page.size() - 1).key();
        }
        return page;
    }
}
