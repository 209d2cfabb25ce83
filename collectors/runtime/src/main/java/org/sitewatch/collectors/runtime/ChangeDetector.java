package org.sitewatch.collectors.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;

/**
 * Decides what one endpoint publishes: from each full snapshot only the entities whose stable
 * fields changed since they were last published, a {@code removed=true} record for each entity
 * that disappeared, and on every {@code resyncEvery}-th snapshot everything again (so a consumer
 * that lost state, or a send that finally failed, catches up). The first snapshot publishes
 * everything since nothing is known yet.
 *
 * <p>Volatile fields (see {@link EntityRecords#stable}) do not count as changes: a replication
 * lag that grows with the clock would otherwise republish every item on every poll.
 *
 * <p>Partial reads ({@link Snapshot#unreadable()}): entities in a scope the source could not read
 * keep their last published state; records of them in the snapshot are ignored (unless the entity
 * was never published: then the record is all there is) and they are not reported removed.
 *
 * <p>What was last published can be {@link #restore restored} after a restart (the runtime keeps it
 * in checkpoints, see {@link PublishedStates}): then an unchanged inventory is not republished and a
 * removal that happened while the collector was down is reported. Not thread-safe: the runtime
 * calls it from the endpoint's own thread only.
 */
public final class ChangeDetector {

    private final int resyncEvery;
    private final Map<EntityKey, Known> known = new LinkedHashMap<>();
    private long snapshots;
    private boolean resyncRequested;

    public ChangeDetector(int resyncEvery) {
        if (resyncEvery < 1) {
            throw new IllegalArgumentException("resyncEvery must be at least 1 but was " + resyncEvery);
        }
        this.resyncEvery = resyncEvery;
    }

    /** What to publish for one snapshot, in snapshot order followed by removals. */
    public record Changes(List<EventData> toPublish, boolean resync) {
        public Changes {
            toPublish = List.copyOf(toPublish);
        }
    }

    private record EntityKey(EventType type, String key) {
        static EntityKey of(EventData data) {
            return new EntityKey(EventType.of(data), data.key());
        }
    }

    /** The last published record, and its stable form for comparisons. */
    private record Known(EventData last, EventData stable) {
    }

    /**
     * Remembers records as published before a restart, without publishing them: the next snapshot
     * is compared with them. Call before the first snapshot.
     */
    public void restore(List<EventData> lastPublished) {
        for (EventData data : lastPublished) {
            if (!EntityRecords.isRemoval(data)) {
                known.put(EntityKey.of(data), new Known(data, EntityRecords.stable(data)));
            }
        }
    }

    public Changes onSnapshot(Snapshot snapshot) {
        snapshots++;
        boolean resync = resyncRequested || snapshots % resyncEvery == 0;
        resyncRequested = false;
        UnreadableScopes unreadable = new UnreadableScopes(snapshot.unreadable());
        List<EventData> publish = new ArrayList<>();
        Set<EntityKey> seen = new HashSet<>();
        for (EventData state : snapshot.states()) {
            EntityKey key = EntityKey.of(state);
            // A record inside a scope the source could not read does not replace the last one published
            // (it is a guess, e.g. UNKNOWN); an entity seen there for the first time is published as read.
            if (unreadable.covers(state) && known.containsKey(key)) {
                continue;
            }
            // A vendor listing an entity twice would otherwise flip-flop between the two records.
            if (seen.add(key)) {
                accept(key, state, resync).ifPresent(publish::add);
            }
        }
        for (Iterator<Map.Entry<EntityKey, Known>> it = known.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<EntityKey, Known> entry = it.next();
            if (!seen.contains(entry.getKey()) && !snapshot.partialTypes().contains(entry.getKey().type())
                    && !unreadable.covers(entry.getValue().last())) {
                EntityRecords.removedCopy(entry.getValue().last()).ifPresent(publish::add);
                it.remove();
            }
        }
        return new Changes(publish, resync);
    }

    /**
     * One pushed observation of an entity state: returned when it differs from what was published
     * last for that entity. HA actions and heartbeats are not states and are always returned.
     */
    public Optional<EventData> onObservation(EventData data) {
        EventType type = EventType.of(data);
        if (type == EventType.HA_ACTION || type == EventType.COLLECTOR_HEARTBEAT) {
            return Optional.of(data);
        }
        return accept(EntityKey.of(data), data, false);
    }

    /** Makes the next snapshot a full resync, e.g. after a send finally failed. */
    public void requestResync() {
        resyncRequested = true;
    }

    /** How many entities are currently known (not removed). */
    public int knownEntities() {
        return known.size();
    }

    private Optional<EventData> accept(EntityKey key, EventData state, boolean resync) {
        if (EntityRecords.isRemoval(state)) {
            // Said once; an unknown entity's removal is only repeated on resync.
            Known previous = known.remove(key);
            return previous != null || resync ? Optional.of(state) : Optional.empty();
        }
        EventData stable = EntityRecords.stable(state);
        Known previous = known.put(key, new Known(state, stable));
        boolean changed = previous == null || !previous.stable().equals(stable);
        return changed || resync ? Optional.of(state) : Optional.empty();
    }
}
