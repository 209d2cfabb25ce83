package org.sitewatch.collectors.vmware.replication;

import java.util.List;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.ReplicationStatus;

/**
 * What one {@link ReplicationReader#read} found.
 *
 * @param items the mapped replications of this site
 * @param skipped one reason per replication that could not be mapped (e.g. a target missing from {@code sites})
 * @param unreadable what could not be read: vSphere Replication itself (every item keeps its last
 *     state), or SRM's test history (only the test recency is stale)
 */
public record ReplicationRead(List<ReplicationStatus> items, List<String> skipped, List<PartialRead> unreadable) {

    public ReplicationRead {
        items = List.copyOf(items);
        skipped = List.copyOf(skipped);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * Adds it all to a snapshot: items as states, skipped reasons (and then replication as a
     * partial type, so a skipped item is not taken as removed), partial reads.
     */
    public void addTo(Snapshot.Builder snapshot) {
        items.forEach(snapshot::state);
        skipped.forEach(snapshot::skipped);
        if (!skipped.isEmpty()) {
            snapshot.partial(EventType.REPLICATION_STATUS);
        }
        unreadable.forEach(snapshot::unreadable);
    }
}
