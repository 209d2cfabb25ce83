package org.sitewatch.collectors.vmware.replication;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * Maps one vSphere Replication {@code ReplicationInfo} to a {@link ReplicationStatus}:
 * <ul>
 *   <li>item id: the replication's {@code id} (GID-...); {@code vmId}: {@code vm_id}, the VM's moRef
 *       ({@code vm-42}), by which the vCenter event mapping finds the item;</li>
 *   <li>state and health from {@code status.status} ({@link CompoundStatus}); an unknown or absent
 *       word is UNKNOWN, UNKNOWN with the word kept in {@code vendorState}; {@code status.rpo_violation}
 *       true raises an OK health to WARNING;</li>
 *   <li>source site: the endpoint's; target site: from {@code sites} by {@code target_vc_id}, then
 *       {@code target_site_name}, then the pairing's remote vCenter id and name; a target that is the
 *       local vCenter is the endpoint's site. A target found nowhere is never guessed: the record is
 *       skipped with a reason naming the {@code sites} entry to add;</li>
 *   <li>{@code targetRpoSeconds}: {@code rpo} (minutes) × 60; last recovery point: {@code last_sync_time}
 *       ({@link SyncTimes}), lag measured from it; {@code targetHost}: the replication server that
 *       receives the copy ({@code replication_server_name}); no source host (VR does not name the
 *       ESXi host);</li>
 *   <li>{@code error}: while FAILED or CRITICAL, {@code last_group_error}, {@code configuration_error}
 *       or {@code recovery_error}, whichever is given first;</li>
 *   <li>{@code lastTestFailover}: the newest successful SRM test of a plan covering the VM.</li>
 * </ul>
 * Incoming replications (their source is the other vCenter of the pairing) are not mapped: they
 * are the other site's items, published by its collector; mapping them here too would publish each
 * item twice under two sites.
 */
final class ReplicationMapper {

    static final String TECHNOLOGY = "vsphere-replication";

    private final String site;
    private final ReplicationSettings settings;
    private final String block;

    /**
     * @param site the endpoint's Sitewatch site (the source of every mapped item)
     * @param block the settings block's full key, named in skip reasons
     */
    ReplicationMapper(String site, ReplicationSettings settings, String block) {
        this.site = site;
        this.settings = settings;
        this.block = block;
    }

    /**
     * @param lastTests VM moRef → its newest successful test failover
     * @return the item; null for an incoming replication
     * @throws UnusableRecordException when the record lacks an id, its target site is not configured,
     *     or its last sync time is unreadable
     */
    ReplicationStatus map(VrPairing pairing, JsonNode info, Map<String, Instant> lastTests, Instant now) {
        String id = Json.text(info, "id");
        if (id == null) {
            throw new UnusableRecordException("a replication of pairing " + pairing.id() + " has no id");
        }
        String sourceVc = Json.text(info, "source_vc_id");
        String targetVc = Json.text(info, "target_vc_id");
        if (pairing.isLocal(targetVc) && sourceVc != null && !pairing.isLocal(sourceVc)) {
            return null;
        }
        String vmId = Json.text(info, "vm_id");
        String name = Json.text(info, "name");
        String targetSite = targetSite(pairing, info, id, name);

        JsonNode status = info.path("status");
        String word = Json.text(status, "status");
        Optional<CompoundStatus> known = CompoundStatus.of(word);
        ReplicationState state = known.map(CompoundStatus::state).orElse(ReplicationState.UNKNOWN);
        ReplicationHealth health = known.map(CompoundStatus::health).orElse(ReplicationHealth.UNKNOWN);
        if (health == ReplicationHealth.OK && status.path("rpo_violation").asBoolean(false)) {
            health = ReplicationHealth.WARNING;
        }
        String error = state == ReplicationState.FAILED || health == ReplicationHealth.CRITICAL
                ? error(info, word) : null;

        Instant lastSync = SyncTimes.parse(info.get("last_sync_time"));
        Long lag = lastSync == null ? null : Math.max(0, Duration.between(lastSync, now).getSeconds());
        Long rpoMinutes = Json.number(info, "rpo");
        Long targetRpo = rpoMinutes == null || rpoMinutes <= 0 ? null : rpoMinutes * 60;
        Instant lastTest = vmId == null ? null : lastTests.get(vmId);
        return new ReplicationStatus(site, Platform.VSPHERE, id, vmId, name, site, targetSite, null,
                Json.text(info, "replication_server_name"), TECHNOLOGY, state, health, word, targetRpo, lastSync, lag,
                lastTest, null, error, false);
    }

    private String targetSite(VrPairing pairing, JsonNode info, String id, String name) {
        String targetVc = Json.text(info, "target_vc_id");
        String targetName = Json.text(info, "target_site_name");
        Optional<String> found = settings.siteOf(targetVc).or(() -> settings.siteOf(targetName));
        if (found.isPresent()) {
            return found.get();
        }
        if (targetVc == null ? pairing.isLocal(targetName) : pairing.isLocal(targetVc)) {
            return site;
        }
        boolean toRemote = targetVc == null || targetVc.equalsIgnoreCase(pairing.remoteVcId());
        if (toRemote) {
            found = settings.siteOf(pairing.remoteVcId()).or(() -> settings.siteOf(pairing.remoteVcName()));
            if (found.isPresent()) {
                return found.get();
            }
        }
        String key = targetVc != null ? targetVc : toRemote && pairing.remoteVcId() != null ? pairing.remoteVcId()
                : targetName != null ? targetName : "<vCenter UUID>";
        throw new UnusableRecordException("replication " + id + (name == null ? "" : " (" + name + ")")
                + ": its target " + (targetName == null ? "" : targetName + " ") + "(vCenter "
                + (targetVc == null ? "UUID not given" : targetVc) + ") is in no Sitewatch site: add "
                + block + ".sites." + key + ": <site>");
    }

    private static String error(JsonNode info, String word) {
        for (String field : new String[] {"last_group_error", "configuration_error", "recovery_error"}) {
            String message = Json.message(info, field);
            if (message != null) {
                return message;
            }
        }
        return "vSphere Replication status " + (word == null ? "(none)" : word);
    }
}
