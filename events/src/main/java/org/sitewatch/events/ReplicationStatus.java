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
        boolean removed) implements EventData {

    @Override
    public String entityId() {
        return itemId;
    }
}
