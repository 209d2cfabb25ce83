package org.sitewatch.collectors.kubevirt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.ObservationSink;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventData;

/** What a push source delivered, in order; safe to read from the test thread. */
final class RecordingSink implements ObservationSink {

    private final List<EventData> observed = new ArrayList<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<CollectorException> failures = new ArrayList<>();

    @Override
    public synchronized void observe(Instant time, EventData data) {
        observed.add(data);
    }

    @Override
    public synchronized void snapshot(Snapshot snapshot) {
        snapshots.add(snapshot);
    }

    @Override
    public synchronized void failed(CollectorException cause) {
        failures.add(cause);
    }

    synchronized <T extends EventData> List<T> observed(Class<T> type) {
        return observed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized <T extends EventData> List<T> observed(Class<T> type, Predicate<? super T> filter) {
        return observed(type).stream().filter(filter).toList();
    }

    synchronized <T extends EventData> T lastObserved(Class<T> type, Predicate<? super T> filter) {
        List<T> matching = observed(type, filter);
        return matching.isEmpty() ? null : matching.get(matching.size() - 1);
    }

    synchronized List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    synchronized List<CollectorException> failures() {
        return List.copyOf(failures);
    }
}
