package org.sitewatch.collectors.runtime;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.EventHistory;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;

/** Polls whatever the supplier says and, when given one, exposes an event history. */
final class HistoryFactory extends ScriptedSources.ScriptedPlatform {
    private final Supplier<Snapshot> snapshots;
    private final EventHistory history;
    final AtomicInteger polls = new AtomicInteger();

    HistoryFactory(Supplier<Snapshot> snapshots, EventHistory history) {
        this.snapshots = snapshots;
        this.history = history;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) {
        return new PollingSource() {
            @Override
            public Snapshot poll() {
                polls.incrementAndGet();
                return snapshots.get();
            }

            @Override
            public Optional<EventHistory> eventHistory() {
                return Optional.ofNullable(history);
            }
        };
    }
}
