package org.sitewatch.collectors.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EventHistory;
import org.sitewatch.collectors.spi.EventPage;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

/**
 * A vendor event history of {@code total} HA actions, numbered 1..total, read {@code pageSize}
 * at a time; the cursor is the number of the last event read, the way oVirt's {@code /events?from=}
 * works. Each event keeps a vendor id, {@code evt-<n>}, so a test can count each one.
 */
final class FakeEventHistory implements EventHistory {

    /**
     * Recent event times: the raw topics keep records 400 days by their timestamp, so events stamped
     * long ago would be deleted by retention while the test reads them back.
     */
    private final Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private final String site;
    /** How many events the vendor has so far; a test may add more ({@link #growTo}). */
    private final AtomicInteger total;
    private final int pageSize;
    final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger highestServed = new AtomicInteger();

    FakeEventHistory(String site, int total, int pageSize) {
        this.site = site;
        this.total = new AtomicInteger(total);
        this.pageSize = pageSize;
    }

    @Override
    public EventPage readAfter(String cursor) throws CollectorException {
        reads.incrementAndGet();
        int after = cursor == null ? 0 : Integer.parseInt(cursor);
        List<EventPage.HistoryEvent> events = new ArrayList<>();
        int available = total.get();
        int last = Math.min(available, after + pageSize);
        highestServed.accumulateAndGet(last, Math::max);
        for (int n = after + 1; n <= last; n++) {
            events.add(new EventPage.HistoryEvent(t0.plusSeconds(n), action(n), "evt-" + n));
        }
        return new EventPage(events, Integer.toString(Math.max(after, last)), last < available);
    }

    /** The vendor now has {@code n} events. */
    void growTo(int n) {
        total.set(n);
    }

    /** The number of the newest event handed to the collector so far. */
    int servedUpTo() {
        return highestServed.get();
    }

    HaAction action(int n) {
        return new HaAction(site, Platform.PROXMOX, "action-" + n, Integer.toString(100 + n % 7), "c",
                HaActionKind.RECOVERY, "pve1", "pve2", "recover", "event " + n);
    }
}
