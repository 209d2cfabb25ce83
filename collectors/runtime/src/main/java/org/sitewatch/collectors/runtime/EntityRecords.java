package org.sitewatch.collectors.runtime;

import java.util.Optional;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * Contract-level knowledge change detection needs, the same for every vendor:
 * <ul>
 *   <li>which fields are <em>volatile</em>, i.e. change on every poll without the entity changing:
 *       {@code ReplicationStatus.lagSeconds} (computed from the observation time) and
 *       {@code HaHost.detail} (free vendor text that often embeds a timestamp). They are left out of
 *       comparisons but still published whenever the entity is;</li>
 *   <li>how to say that an entity was removed: a copy with {@code removed=true}.</li>
 * </ul>
 * Java 17: no pattern matching in switch, hence the instanceof chains.
 */
final class EntityRecords {

    private EntityRecords() {
    }

    /** The record with its volatile fields cleared, for equality checks only. */
    static EventData stable(EventData data) {
        if (data instanceof ReplicationStatus r && r.lagSeconds() != null) {
            return new ReplicationStatus(r.site(), r.platform(), r.itemId(), r.vmId(), r.name(), r.sourceSite(),
                    r.targetSite(), r.sourceHost(), r.targetHost(), r.technology(), r.state(), r.health(),
                    r.vendorState(), r.targetRpoSeconds(), r.lastRecoveryPoint(), null, r.lastTestFailover(),
                    r.failCount(), r.error(), r.removed(), r.recoveryPointNotReported());
        }
        if (data instanceof HaHost h && h.detail() != null) {
            return new HaHost(h.site(), h.platform(), h.hostId(), h.hostName(), h.cluster(), h.state(),
                    h.vendorState(), null, h.removed());
        }
        return data;
    }

    /** Whether the record itself says the entity is gone. */
    static boolean isRemoval(EventData data) {
        if (data instanceof VmState vm) {
            return vm.removed();
        }
        if (data instanceof HaHost h) {
            return h.removed();
        }
        return data instanceof ReplicationStatus r && r.removed();
    }

    /**
     * The last known record marked removed; empty for types without a removed flag (HA clusters),
     * whose disappearance cannot be expressed in the contract.
     */
    static Optional<EventData> removedCopy(EventData last) {
        if (last instanceof VmState v) {
            return Optional.of(new VmState(v.site(), v.platform(), v.vmId(), v.name(), v.host(), v.cluster(),
                    v.power(), v.vendorState(), v.haProtected(), v.haState(), true));
        }
        if (last instanceof HaHost h) {
            return Optional.of(new HaHost(h.site(), h.platform(), h.hostId(), h.hostName(), h.cluster(), h.state(),
                    h.vendorState(), h.detail(), true));
        }
        if (last instanceof ReplicationStatus r) {
            // The lag of a removed item means nothing any more.
            return Optional.of(new ReplicationStatus(r.site(), r.platform(), r.itemId(), r.vmId(), r.name(),
                    r.sourceSite(), r.targetSite(), r.sourceHost(), r.targetHost(), r.technology(), r.state(),
                    r.health(), r.vendorState(), r.targetRpoSeconds(), r.lastRecoveryPoint(), null,
                    r.lastTestFailover(), r.failCount(), r.error(), true, r.recoveryPointNotReported()));
        }
        return Optional.empty();
    }
}
