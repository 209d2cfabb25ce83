package org.sitewatch.simulator.ovirt;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The engine's event list: indexes grow by one per event, times never go back, the oldest entries
 * are dropped beyond {@link #CAPACITY}. Read as the API serves it, newest first.
 */
final class OvirtEventLog {

    static final int CAPACITY = 5000;

    private final Deque<OvirtEvent> events = new ArrayDeque<>();
    private long lastIndex;
    private Instant lastTime = Instant.EPOCH;

    /** @param startIndex the index before the first event (an engine that has run before has history) */
    OvirtEventLog(long startIndex) {
        this.lastIndex = startIndex;
    }

    void add(OvirtEvent draft) {
        Instant time = draft.time().isBefore(lastTime) ? lastTime : draft.time();
        lastTime = time;
        events.addLast(draft.stored(++lastIndex, time));
        if (events.size() > CAPACITY) {
            events.removeFirst();
        }
    }

    /**
     * The answer to {@code /events}: with {@code from}, the events above it; without, all of them; at
     * most {@code max} (the oldest above {@code from}, the newest without it); newest first.
     */
    List<OvirtEvent> list(Long from, Integer max) {
        List<OvirtEvent> out = new ArrayList<>();
        for (OvirtEvent e : events) {
            if (from == null || e.index() > from) {
                out.add(e);
            }
        }
        if (max != null && out.size() > max) {
            out = from != null ? new ArrayList<>(out.subList(0, max)) : new ArrayList<>(out.subList(out.size() - max, out.size()));
        }
        Collections.reverse(out);
        return out;
    }

    long lastIndex() {
        return lastIndex;
    }
}
