package org.sitewatch.collectors.ovirt;

import java.util.Map;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;

/**
 * oVirt's enum words (REST API v4 model, written in lower case) and what they mean in the contract.
 * A word not listed here (a newer engine's) maps to UNKNOWN; the caller keeps the raw word beside it.
 */
final class OvirtWords {

    /** {@code VmStatus}: every value of the model. */
    static final Map<String, PowerState> VM_STATUS = Map.ofEntries(
            Map.entry("up", PowerState.RUNNING),
            Map.entry("powering_up", PowerState.RUNNING),
            Map.entry("wait_for_launch", PowerState.RUNNING),
            Map.entry("reboot_in_progress", PowerState.RUNNING),
            Map.entry("powering_down", PowerState.RUNNING),
            Map.entry("restoring_state", PowerState.RUNNING),
            Map.entry("migrating", PowerState.MIGRATING),
            Map.entry("paused", PowerState.PAUSED),
            Map.entry("saving_state", PowerState.SUSPENDED),
            Map.entry("suspended", PowerState.SUSPENDED),
            Map.entry("down", PowerState.STOPPED),
            Map.entry("image_locked", PowerState.STOPPED),
            // The engine lost contact with the VM (its host is non responsive): not known to be down.
            Map.entry("not_responding", PowerState.UNKNOWN),
            Map.entry("unknown", PowerState.UNKNOWN),
            Map.entry("unassigned", PowerState.UNKNOWN));

    /** {@code HostStatus}: every value of the model. */
    static final Map<String, HaHostState> HOST_STATUS = Map.ofEntries(
            Map.entry("up", HaHostState.HEALTHY),
            Map.entry("maintenance", HaHostState.MAINTENANCE),
            Map.entry("preparing_for_maintenance", HaHostState.MAINTENANCE),
            // Lost by the engine: it fences the host and restarts its HA VMs elsewhere.
            Map.entry("non_responsive", HaHostState.FAILED),
            Map.entry("down", HaHostState.FAILED),
            Map.entry("error", HaHostState.FAILED),
            Map.entry("install_failed", HaHostState.FAILED),
            Map.entry("kdumping", HaHostState.FAILED),
            Map.entry("reboot", HaHostState.FAILED),
            // Reachable, but cannot run VMs (storage or network missing) or in the grace before fencing.
            Map.entry("non_operational", HaHostState.DEGRADED),
            Map.entry("connecting", HaHostState.DEGRADED),
            Map.entry("initializing", HaHostState.UNKNOWN),
            Map.entry("installing", HaHostState.UNKNOWN),
            Map.entry("installing_os", HaHostState.UNKNOWN),
            Map.entry("pending_approval", HaHostState.UNKNOWN),
            Map.entry("unassigned", HaHostState.UNKNOWN));

    /** {@code SpmStatus}: the words a host's {@code spm.status} shows, as the host's detail says them. */
    static final Map<String, String> SPM_STATUS = Map.of(
            "spm", "storage pool manager",
            "contending", "contending for storage pool manager",
            "none", "");

    /** {@code ExternalStatus}, set by external systems (storage plugins, Foreman): how bad each word is. */
    enum Severity { OK, WARNING, FAILED, UNKNOWN }

    static final Map<String, Severity> EXTERNAL_STATUS = Map.of(
            "ok", Severity.OK,
            "info", Severity.OK,
            "warning", Severity.WARNING,
            "error", Severity.FAILED,
            "failure", Severity.FAILED);

    /** {@code DataCenterStatus}: whether the data center can run VMs. */
    static final Map<String, Severity> DATA_CENTER_STATUS = Map.of(
            "up", Severity.OK,
            "maintenance", Severity.WARNING,
            "contend", Severity.WARNING,
            "uninitialized", Severity.FAILED,
            "not_operational", Severity.FAILED,
            "problematic", Severity.FAILED);

    /** {@code LogSeverity} of events: kept as words; an unknown one is kept raw. */
    static final Map<String, String> LOG_SEVERITY = Map.of(
            "normal", "normal", "warning", "warning", "error", "error", "alert", "alert");

    /**
     * {@code StorageDomainStatus}: how a domain's status bears on the pair it is part of. Not in the
     * vendor notes; from the API model's {@code types/StorageDomainStatus.java}.
     */
    enum DomainUse { SERVING, IDLE, TRANSITION, UNKNOWN }

    static final Map<String, DomainUse> STORAGE_DOMAIN_STATUS = Map.ofEntries(
            Map.entry("active", DomainUse.SERVING),
            Map.entry("mixed", DomainUse.TRANSITION),
            Map.entry("locked", DomainUse.TRANSITION),
            Map.entry("activating", DomainUse.TRANSITION),
            Map.entry("detaching", DomainUse.TRANSITION),
            Map.entry("preparing_for_maintenance", DomainUse.TRANSITION),
            Map.entry("maintenance", DomainUse.IDLE),
            Map.entry("inactive", DomainUse.IDLE),
            Map.entry("unattached", DomainUse.IDLE),
            Map.entry("unknown", DomainUse.UNKNOWN));

    private OvirtWords() {
    }

    static PowerState power(String status) {
        return status == null ? PowerState.UNKNOWN : VM_STATUS.getOrDefault(status, PowerState.UNKNOWN);
    }

    static HaHostState host(String status) {
        return status == null ? HaHostState.UNKNOWN : HOST_STATUS.getOrDefault(status, HaHostState.UNKNOWN);
    }

    static Severity external(String status) {
        return status == null ? Severity.OK : EXTERNAL_STATUS.getOrDefault(status, Severity.UNKNOWN);
    }

    static Severity dataCenter(String status) {
        return status == null ? Severity.UNKNOWN : DATA_CENTER_STATUS.getOrDefault(status, Severity.UNKNOWN);
    }

    static DomainUse domain(String status) {
        return status == null ? DomainUse.UNKNOWN : STORAGE_DOMAIN_STATUS.getOrDefault(status, DomainUse.UNKNOWN);
    }
}
