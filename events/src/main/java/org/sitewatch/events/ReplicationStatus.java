package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Replication status of one protected item, a VM or a group ({@code org.sitewatch.replication.status.v1}).
 *
 * @param itemId the vendor's id of the replicated item (Proxmox job id {@code 100-0}, ASR item, ...)
 * @param sourceSite the site whose data is copied; usually {@link #site()}
 * @param targetSite the site that receives the copy (the same site for intra-cluster replication)
 * @param technology e.g. {@code pvesr}, {@code vsphere-replication}, {@code hyperv-replica}, {@code asr}
 * @param targetRpoSeconds the recovery point objective the item is held to; null when not configured
 * @param lastRecoveryPoint when the newest consistent copy was taken; null when never
 * @param lagSeconds age of the newest recovery point at observation time; null when never synced
 * @param error the vendor's error text while failing, else null
 * @param removed true when the replication was removed at the vendor
 * @param recoveryPointNotReported true when the technology shows no recovery points at all (e.g. storage-array
 *     replication seen through oVirt's engine, which knows the storage domains but not the array's copies): a
 *     missing {@code lastRecoveryPoint} then means "not shown", not "never synced", and no RPO can be judged.
 *     Written only when true, so events of every other technology keep their JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicationStatus(
        String site,
        Platform platform,
        String itemId,
        String vmId,
        String name,
        String sourceSite,
        String targetSite,
        String sourceHost,
        String targetHost,
        String technology,
        ReplicationState state,
        ReplicationHealth health,
        String vendorState,
        Long targetRpoSeconds,
        Instant lastRecoveryPoint,
        Long lagSeconds,
        Instant lastTestFailover,
        Integer failCount,
        String error,
        boolean removed,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean recoveryPointNotReported) implements EventData {

    /** An item of a technology that reports its recovery points (every one but storage-array DR). */
    public ReplicationStatus(String site, Platform platform, String itemId, String vmId, String name, String sourceSite,
                             String targetSite, String sourceHost, String targetHost, String technology,
                             ReplicationState state, ReplicationHealth health, String vendorState, Long targetRpoSeconds,
                             Instant lastRecoveryPoint, Long lagSeconds, Instant lastTestFailover, Integer failCount,
                             String error, boolean removed) {
        this(site, platform, itemId, vmId, name, sourceSite, targetSite, sourceHost, targetHost, technology, state, health,
                vendorState, targetRpoSeconds, lastRecoveryPoint, lagSeconds, lastTestFailover, failCount, error, removed,
                false);
    }

    @Override
    public String entityId() {
        return itemId;
    }
}
