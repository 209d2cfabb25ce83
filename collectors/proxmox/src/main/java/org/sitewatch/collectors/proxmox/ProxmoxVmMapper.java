package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/**
 * Maps the guests of {@code GET /cluster/resources?type=vm} (QEMU VMs and LXC containers) to
 * {@link VmState}. Power: {@code running}, {@code stopped}, {@code unknown} (no RRD data, e.g. the
 * node is down), refined by {@code qmpstatus} when present ({@code paused}/{@code prelaunch} →
 * PAUSED, {@code suspended} → SUSPENDED), by a {@code migrate} lock or HA state
 * {@code migrate}/{@code relocate} → MIGRATING, and by a {@code suspended} lock on a stopped VM
 * (hibernated) → SUSPENDED. {@code vendorState} is the word that decided. HA protection: the guest
 * has a {@code hastate} other than {@code ignored} (PVE hands ignored resources off).
 *
 * <p>Only guests are mapped ({@link #isGuest}), whatever the answer holds besides them.
 *
 * <p>Limits: templates are left out (they never run and are not protected workloads).
 */
final class ProxmoxVmMapper {

    private static final Set<String> GUEST_TYPES = Set.of("qemu", "lxc");

    private final String site;

    ProxmoxVmMapper(String site) {
        this.site = site;
    }

    /** Adds every guest's state to {@code out} and its name to {@code namesOut} (vmid → name, for replication items). */
    void map(List<JsonNode> entries, String cluster, Snapshot.Builder out, Map<String, String> namesOut) {
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            try {
                VmState vm = map(e, cluster);
                if (vm != null) {
                    out.state(vm);
                    if (vm.name() != null) {
                        namesOut.put(vm.vmId(), vm.name());
                    }
                }
            } catch (BadRecordException | ArithmeticException ex) {
                out.skipped("guest entry #" + i + " (" + PveJson.text(e, "id") + "): " + ex.getMessage());
                out.partial(EventType.VM_STATE);
            }
        }
    }

    /** The guest's state, or null when the entry is not a guest to watch. */
    VmState map(JsonNode e, String cluster) {
        if (!isGuest(e)) {
            return null;
        }
        if (Boolean.TRUE.equals(PveJson.bool(e, "template"))) {
            return null;
        }
        String vmid = vmid(e);
        String status = PveJson.text(e, "status");
        String hastate = PveJson.text(e, "hastate");
        Power power = power(status, PveJson.text(e, "qmpstatus"), PveJson.text(e, "lock"), hastate);
        Boolean haProtected = hastate != null && !"ignored".equals(hastate);
        return new VmState(site, Platform.PROXMOX, vmid, PveJson.text(e, "name"), PveJson.text(e, "node"), cluster,
                power.state(), power.word(), haProtected, hastate, false);
    }

    /**
     * Whether a {@code /cluster/resources} entry is a guest, decided here too: an API version or a
     * proxy that ignores {@code ?type=vm} also returns nodes, storages, pools and SDN zones. By
     * {@code type} when sent; without it, by the {@code id} prefix ({@code storage/...} is not a
     * guest); an entry with neither is treated as a guest, so it is reported as a bad record rather
     * than silently dropped.
     */
    static boolean isGuest(JsonNode e) {
        String type = PveJson.text(e, "type");
        if (type != null) {
            return GUEST_TYPES.contains(type);
        }
        String id = PveJson.text(e, "id");
        return id == null || !id.contains("/") || GUEST_TYPES.contains(id.substring(0, id.indexOf('/')));
    }

    private static String vmid(JsonNode e) {
        Long vmid = PveJson.number(e, "vmid");
        if (vmid != null) {
            return Long.toString(vmid);
        }
        // The id "qemu/100" carries it too.
        String id = PveJson.text(e, "id");
        if (id != null && id.matches("(qemu|lxc)/\\d+")) {
            return id.substring(id.indexOf('/') + 1);
        }
        throw new BadRecordException("required field 'vmid' is missing");
    }

    private record Power(PowerState state, String word) {
    }

    static Power power(String status, String qmpstatus, String lock, String hastate) {
        if (status == null) {
            return new Power(PowerState.UNKNOWN, null);
        }
        switch (status) {
            case "running":
                if ("migrate".equals(lock)) {
                    return new Power(PowerState.MIGRATING, lock);
                }
                if ("migrate".equals(hastate) || "relocate".equals(hastate)) {
                    return new Power(PowerState.MIGRATING, hastate);
                }
                if ("paused".equals(qmpstatus) || "prelaunch".equals(qmpstatus)) {
                    return new Power(PowerState.PAUSED, qmpstatus);
                }
                if ("suspended".equals(qmpstatus)) {
                    return new Power(PowerState.SUSPENDED, qmpstatus);
                }
                return new Power(PowerState.RUNNING, status);
            case "stopped":
                return "suspended".equals(lock)
                        ? new Power(PowerState.SUSPENDED, lock) : new Power(PowerState.STOPPED, status);
            default:
                // "unknown" (node down, no RRD data) and any word PVE may add later.
                return new Power(PowerState.UNKNOWN, status);
        }
    }
}
