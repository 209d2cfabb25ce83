package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * Maps storage replication ({@code pvesr}) jobs to one {@link ReplicationStatus} per job id
 * ({@code 100-0}). The job list comes from {@code /cluster/replication}; the status from
 * {@code /nodes/{node}/replication} of the node the guest is on. PVE has no state field, so the
 * state is derived as {@code pvesr status} does: {@code pid} set → SYNCING, {@code error} set →
 * FAILED, {@code disable} → PAUSED, else REPLICATING; {@code vendorState} is pvesr's State column
 * ({@code SYNCING}, the error text, or {@code OK}). Health: failing with at least
 * {@code critical-fail-count} failed syncs → CRITICAL, failing with fewer → WARNING, else OK.
 *
 * <p>A job without status (its guest's node is offline or did not answer) is published with state
 * and health UNKNOWN, keeping the last recovery point seen earlier so its lag, and an RPO breach,
 * stay visible. Limits: that memory is lost on restart; sites of source and target follow
 * {@code node-sites}, else both are the endpoint's site (pvesr replicates inside one cluster).
 */
final class ProxmoxReplicationMapper {

    static final String TECHNOLOGY = "pvesr";

    private final ProxmoxRules settings;
    private final Map<String, Instant> lastKnownSync = new HashMap<>();

    ProxmoxReplicationMapper(ProxmoxRules settings) {
        this.settings = settings;
    }

    /**
     * @param jobs the entries of {@code /cluster/replication}
     * @param statusByNode node → entries of its {@code /nodes/{node}/replication}, for the nodes that answered
     * @param vmNames vmid → guest name
     */
    void map(List<JsonNode> jobs, Map<String, List<JsonNode>> statusByNode, Map<String, String> vmNames,
             Instant now, Snapshot.Builder out) {
        Map<String, JsonNode> statusById = new LinkedHashMap<>();
        Map<String, String> listedOn = new HashMap<>();
        statusByNode.forEach((node, entries) -> entries.forEach(e -> {
            String id = PveJson.text(e, "id");
            if (id != null) {
                statusById.put(id, e);
                listedOn.put(id, node);
            }
        }));
        Map<String, Instant> seenSyncs = new HashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            JsonNode job = jobs.get(i);
            String id = PveJson.text(job, "id");
            JsonNode status = id == null ? null : statusById.remove(id);
            add(job, status, status == null ? null : listedOn.get(id), vmNames, now, out, seenSyncs, "job #" + i);
        }
        // A job created between the two calls has a status but no config entry yet.
        statusById.forEach((id, status) -> add(status, status, listedOn.get(id), vmNames, now, out, seenSyncs, id));
        lastKnownSync.keySet().retainAll(seenSyncs.keySet());
        lastKnownSync.putAll(seenSyncs);
    }

    private void add(JsonNode job, JsonNode status, String node, Map<String, String> vmNames, Instant now,
                     Snapshot.Builder out, Map<String, Instant> seenSyncs, String label) {
        try {
            ReplicationStatus r = status == null ? unknown(job, vmNames, now) : withStatus(job, status, node, vmNames, now);
            out.state(r);
            seenSyncs.put(r.itemId(), r.lastRecoveryPoint() == null ? Instant.EPOCH : r.lastRecoveryPoint());
        } catch (BadRecordException | ArithmeticException e) {
            out.skipped("replication " + label + ": " + e.getMessage());
            out.partial(EventType.REPLICATION_STATUS);
        }
    }

    ReplicationStatus withStatus(JsonNode job, JsonNode status, String listedOn, Map<String, String> vmNames,
                                 Instant now) {
        String id = PveJson.requiredText(status, "id");
        boolean syncing = PveJson.text(status, "pid") != null;
        String error = PveJson.text(status, "error");
        boolean disabled = Boolean.TRUE.equals(first(PveJson.bool(status, "disable"), PveJson.bool(job, "disable")));
        Integer failCount = PveJson.integer(status, "fail_count");
        ReplicationState state = syncing ? ReplicationState.SYNCING : error != null ? ReplicationState.FAILED
                : disabled ? ReplicationState.PAUSED : ReplicationState.REPLICATING;
        ReplicationHealth health = error == null ? ReplicationHealth.OK
                : failCount != null && failCount >= settings.criticalFailCount()
                ? ReplicationHealth.CRITICAL : ReplicationHealth.WARNING;
        String vendorState = syncing ? "SYNCING" : error != null ? error : "OK";
        Instant lastSync = PveJson.epochSeconds(status, "last_sync");
        String source = first(PveJson.text(status, "source"), first(PveJson.text(job, "source"), listedOn));
        String target = first(PveJson.text(status, "target"), PveJson.text(job, "target"));
        String schedule = first(PveJson.text(status, "schedule"), PveJson.text(job, "schedule"));
        return record(id, vmId(status, id), vmNames, source, target, state, health, vendorState,
                settings.targetRpoSeconds(schedule), lastSync, now, failCount, error);
    }

    ReplicationStatus unknown(JsonNode job, Map<String, String> vmNames, Instant now) {
        String id = PveJson.requiredText(job, "id");
        Instant remembered = lastKnownSync.get(id);
        Instant lastSync = remembered == null || Instant.EPOCH.equals(remembered) ? null : remembered;
        return record(id, vmId(job, id), vmNames, PveJson.text(job, "source"), PveJson.text(job, "target"),
                ReplicationState.UNKNOWN, ReplicationHealth.UNKNOWN, null,
                settings.targetRpoSeconds(PveJson.text(job, "schedule")), lastSync, now, null, null);
    }

    private ReplicationStatus record(String id, String vmId, Map<String, String> vmNames, String source, String target,
                                     ReplicationState state, ReplicationHealth health, String vendorState, long rpo,
                                     Instant lastSync, Instant now, Integer failCount, String error) {
        Long lag = lastSync == null ? null : Math.max(0, Duration.between(lastSync, now).getSeconds());
        return new ReplicationStatus(settings.site(), Platform.PROXMOX, id, vmId, vmNames.get(vmId),
                settings.siteOf(source), settings.siteOf(target), source, target, TECHNOLOGY, state, health,
                vendorState, rpo, lastSync, lag, null, failCount, error, false);
    }

    /** The guest's vmid: the {@code guest} field, else the part of the job id before the dash. */
    private static String vmId(JsonNode e, String id) {
        Long guest = PveJson.number(e, "guest");
        if (guest != null) {
            return Long.toString(guest);
        }
        int dash = id.indexOf('-');
        if (dash <= 0) {
            throw new BadRecordException("job id '" + id + "' is not <vmid>-<jobnum> and there is no guest field");
        }
        return id.substring(0, dash);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
