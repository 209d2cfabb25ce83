package org.sitewatch.simulator.vsphere;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The vCenter's event history: events get increasing keys in the order they are added, and a
 * creation time never before the previous event's (so a reader resuming from a key and its time
 * misses nothing). The oldest events are dropped beyond {@link #CAPACITY}, as vCenter's database
 * retention does. Guarded by its {@link Vcenter}.
 */
final class EventLog {

    static final int CAPACITY = 10_000;
    /** vCenter's keys are large numbers; starting high keeps them from looking like list positions. */
    private static final long FIRST_KEY = 1000;

    private final Deque<VcEvent> events = new ArrayDeque<>();
    private long lastKey = FIRST_KEY - 1;
    private Instant lastTime = Instant.EPOCH;

    /** Adds an event (its key and time are given here); returns it as stored. */
    VcEvent add(VcEvent event) {
        Instant time = event.createdTime().isBefore(lastTime) ? lastTime : event.createdTime();
        VcEvent stored = event.withKeyAndTime(++lastKey, time);
        lastTime = time;
        events.addLast(stored);
        if (events.size() > CAPACITY) {
            events.removeFirst();
        }
        return stored;
    }

    /** The newest event, or null when there is none. */
    VcEvent latest() {
        return events.peekLast();
    }

    /** Up to {@code max} events with a key above {@code afterKey} that {@code filter} accepts, oldest first. */
    List<VcEvent> after(long afterKey, Predicate<VcEvent> filter, int max) {
        List<VcEvent> out = new ArrayList<>();
        for (VcEvent e : events) {
            if (out.size() >= max) {
                break;
            }
            if (e.key() > afterKey && filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Up to {@code max} events with a key below {@code beforeKey} that {@code filter} accepts, newest first. */
    List<VcEvent> before(long beforeKey, Predicate<VcEvent> filter, int max) {
        List<VcEvent> out = new ArrayList<>();
        var it = events.descendingIterator();
        while (it.hasNext() && out.size() < max) {
            VcEvent e = it.next();
            if (e.key() < beforeKey && filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    long lastKey() {
        return lastKey;
    }
}
