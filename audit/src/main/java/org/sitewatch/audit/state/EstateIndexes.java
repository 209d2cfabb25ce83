package org.sitewatch.audit.state;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.sitewatch.events.EventType;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.core.fold.Contribution;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.streams.topology.IndexKeys;

/**
 * The lag indexes the live views read beside the aggregates (worst and p95 lag, oldest and newest
 * test failover), rebuilt from a replayed estate. The topology keeps them by moving each item's
 * entry on every change of its contribution; the result is always one entry per item and family, at
 * its current contribution's instant, which is what is built here from the final contributions.
 *
 * <p>Needs the keys of the replicated items, since {@link InMemoryEstate} cannot list its entities.
 */
final class EstateIndexes {

    private EstateIndexes() {
    }

    /** {@code site-lag-index}: per site, the last recovery point of each item. */
    static Map<String, String> siteLagIndex(InMemoryEstate estate, Collection<String> replicationKeys) {
        Map<String, String> index = new TreeMap<>();
        forEachItem(estate, replicationKeys, (r, subject, c) -> add(index, r.site(), IndexKeys.RECOVERY, c.recoveryPoint(), subject));
        return index;
    }

    /** {@code pair-index}: per site pair, each item's last recovery point and last test failover. */
    static Map<String, String> pairIndex(InMemoryEstate estate, Collection<String> replicationKeys) {
        Map<String, String> index = new TreeMap<>();
        forEachItem(estate, replicationKeys, (r, subject, c) -> {
            if (c.pair() != null) {
                add(index, c.pair(), IndexKeys.RECOVERY, c.recoveryPoint(), subject);
                add(index, c.pair(), IndexKeys.TEST, c.testFailover(), subject);
            }
        });
        return index;
    }

    private interface ItemVisitor {
        void visit(ReplicationStatus item, String subject, Contribution contribution);
    }

    @SuppressWarnings("unchecked")
    private static void forEachItem(InMemoryEstate estate, Collection<String> keys, ItemVisitor visitor) {
        for (String key : keys) {
            estate.entity(EntityKind.REPLICATION, key).ifPresent(record -> {
                EntityRecord<ReplicationStatus> r = (EntityRecord<ReplicationStatus>) record;
                visitor.visit(r.data(), EventType.REPLICATION_STATUS.subjectOf(r.data()), r.contribution());
            });
        }
    }

    private static void add(Map<String, String> index, String owner, String family, Instant at, String subject) {
        if (at != null) {
            // The value is unused, as in the topology: the key says everything.
            index.put(IndexKeys.of(owner, family, at, subject), "");
        }
    }
}
