package org.sitewatch.collectors.vmware.vim25;

import java.time.Instant;
import java.util.List;

/**
 * Which events an event history collector shows (vim25 {@code EventFilterSpec}): created in
 * {@code [begin, end]} (either may be null), of the given {@code eventTypeIds} (a standard event's
 * class name such as {@code VmPoweredOffEvent}, or an EventEx/ExtendedEvent id such as
 * {@code com.vmware.vc.HA.DasHostFailedEvent}; empty for all), about {@code entity} and, with
 * {@code recursion} {@code all}, everything below it (null for the whole vCenter).
 *
 * <p>vcsim 0.24 ignores the time range and matches ids against class names only.
 */
public record EventFilter(Instant begin, Instant end, List<String> eventTypeIds, MoRef entity, String recursion,
                          Integer maxCount) {

    public EventFilter {
        eventTypeIds = List.copyOf(eventTypeIds);
        if (maxCount != null && (maxCount < 1 || maxCount > 1000)) {
            throw new IllegalArgumentException("maxCount must be 1..1000 but was " + maxCount);
        }
    }

    public EventFilter(Instant begin, Instant end, List<String> eventTypeIds, MoRef entity, String recursion) {
        this(begin, end, eventTypeIds, entity, recursion, null);
    }

    /** Every event created at or after {@code begin}. */
    public static EventFilter since(Instant begin) {
        return new EventFilter(begin, null, List.of(), null, null, null);
    }

    public EventFilter withEventTypeIds(List<String> ids) {
        return new EventFilter(begin, end, ids, entity, recursion, maxCount);
    }

    /**
     * At most {@code count} events in the collector (1..1000). Unset, vcsim keeps only the newest 10 in a collector,
     * so a busy minute would lose events there.
     */
    public EventFilter withMaxCount(int count) {
        return new EventFilter(begin, end, eventTypeIds, entity, recursion, count);
    }

    /** Writes the spec in the WSDL's element order: entity, time, eventTypeId, maxCount. */
    void write(SoapRequest request, String element) {
        request.start(element);
        if (entity != null) {
            request.start("entity").moRef("entity", entity).text("recursion", recursion == null ? "all" : recursion).end();
        }
        if (begin != null || end != null) {
            request.start("time").text("beginTime", begin).text("endTime", end).end();
        }
        request.texts("eventTypeId", eventTypeIds);
        if (maxCount != null) {
            request.text("maxCount", maxCount);
        }
        request.end();
    }
}
