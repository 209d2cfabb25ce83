package org.sitewatch.core.fold;

import org.sitewatch.events.EventData;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;
import java.time.Instant;

/**
 * The latest known state of one entity, as stored per entity key. It keeps the contribution it last
 * sent to its site, so the next change can retract exactly that, even if the contribution rules have
 * changed in between (a recomputed "old" value would make the site's counts drift).
 *
 * <p>A removed entity stays as a small tombstone (its last data with {@code removed=true} and no
 * contribution) so that an older event arriving late cannot bring it back. Known limit: tombstones
 * are not purged yet.
 *
 * @param time the event time of the observation this state comes from
 * @param eventId identity of that event ({@link EventIdentity})
 */
public record EntityRecord<D extends EventData>(Instant time, String eventId, D data, Contribution contribution) {

    public EntityRecord<D> withContribution(Contribution next) {
        return new EntityRecord<>(time, eventId, data, next);
    }

    /** True when this is the tombstone of a removed entity. */
    public boolean removed() {
        return isRemoval(data);
    }

    /** Whether the data says the entity no longer exists at the vendor. */
    public static boolean isRemoval(EventData data) {
        // Java 17: no pattern matching in switch, hence the instanceof chain.
        if (data instanceof VmState vm) {
            return vm.removed();
        } else if (data instanceof HaHost host) {
            return host.removed();
        } else if (data instanceof ReplicationStatus r) {
            return r.removed();
        }
        return false;
    }
}
