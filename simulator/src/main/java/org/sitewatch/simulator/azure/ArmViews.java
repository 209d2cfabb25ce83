package org.sitewatch.simulator.azure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.ReplicationLinkState;

/**
 * What ARM says about one vault's cluster now (vendor doc sections 2.2 to 2.7), as JSON-ready maps:
 * the vault, its replication protected items (one per replication link), the subscription's VM
 * status list and a VM's Resource Health.
 *
 * <p>An item's provider is A2A between two Azure regions, the vault's on-premises provider (or the
 * link's, {@link VaultSettings#providers()}) from an on-premises fabric to a region, and
 * HyperVReplica2012R2 between two on-premises fabrics. Its RPO is the time since the link's last
 * successful sync, measured now; health is Critical with a health error while the link's attempts
 * fail; the last successful test failover is the link's last test-failover step (ASR's 1753
 * sentinel when none). A link failed over by a {@code replication-failover} step, or a guest
 * running on its link's target, has failed over: active location Recovery; after the step the
 * protection state is {@link #FAILOVER_COMMITTED}, health Normal (nothing replicates, so nothing
 * fails), the allowed operations ReverseReplicate and DisableProtection, and the recovery VM runs. The Azure VMs are the A2A guests in their region and, once failed over, the recovery
 * VMs; a region node that is offline makes its VMs Unavailable in Resource Health.
 */
final class ArmViews {

    static final String NEVER = "1753-01-01T01:01:01Z";
    static final String HEALTH_ERROR_CODE = "150004";
    /**
     * The protection state after a {@code replication-failover} step. The vendor doc confirms only
     * Protected and UnplannedFailoverFailed; this word is an assumption (the collector decides
     * FAILED_OVER by {@code activeLocation}, not by it).
     */
    static final String FAILOVER_COMMITTED = "UnplannedFailoverCommitted";

    private final VaultSettings settings;
    private final ClusterState state;
    private final Instant now;

    ArmViews(VaultSettings settings, ClusterState state, Instant now) {
        this.settings = settings;
        this.state = state;
        this.now = now;
    }

    Map<String, Object> vault() {
        return obj("id", settings.vaultPath(), "name", settings.vault(), "type", "Microsoft.RecoveryServices/vaults",
                "location", settings.region(), "properties", obj("provisioningState", "Succeeded"));
    }

    /**
     * The vault's replication policies: one per provider type its items use, in the order items first
     * use them. The A2A policy carries the vault's {@code rpo-threshold}; the on-premises ones have
     * the fields of their type (ASR REST spec), none of them a threshold.
     */
    List<Map<String, Object>> policies() {
        List<String> providers = new ArrayList<>();
        for (ReplicationLinkState link : state.links()) {
            GuestState guest = state.guest(link.spec().guest());
            if (guest != null) {
                String provider = provider(link, guest.spec().node(), link.spec().target());
                if (!providers.contains(provider)) {
                    providers.add(provider);
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String provider : providers) {
            out.add(obj("id", policyId(provider), "name", policyName(provider),
                    "type", "Microsoft.RecoveryServices/vaults/replicationPolicies",
                    "properties", obj("friendlyName", policyName(provider), "providerSpecificDetails",
                            policyDetails(provider))));
        }
        return out;
    }

    private Map<String, Object> policyDetails(String provider) {
        return switch (provider) {
            case VaultSettings.A2A -> obj("instanceType", provider, "recoveryPointThresholdInMinutes",
                    settings.rpoThreshold().toMinutes(), "recoveryPointHistory", 1440, "appConsistentFrequencyInMinutes",
                    240, "crashConsistentFrequencyInMinutes", 5, "multiVmSyncStatus", "Disabled");
            case VaultSettings.HYPER_V_REPLICA_AZURE -> obj("instanceType", provider, "replicationInterval", 300,
                    "recoveryPointHistoryDurationInHours", 24, "applicationConsistentSnapshotFrequencyInHours", 4,
                    "encryption", "Disable", "onlineReplicationStartTime", null);
            case VaultSettings.IN_MAGE_RCM -> obj("instanceType", provider, "recoveryPointHistoryInMinutes", 4320,
                    "appConsistentFrequencyInMinutes", 240, "crashConsistentFrequencyInMinutes", 5,
                    "enableMultiVmSync", "True");
            default -> obj("instanceType", provider, "replicationFrequencyInSeconds", 300, "recoveryPoints", 0,
                    "applicationConsistentSnapshotFrequencyInHours", 0, "compression", "Enable",
                    "initialReplicationMethod", "OverNetwork", "allowedAuthenticationType", 1,
                    "replicaDeletionOption", "None", "replicationPort", 8083);
        };
    }

    /** A policy's ARM id, with ARM's capital S, as items name it in {@code policyId}. */
    private String policyId(String provider) {
        return "/Subscriptions/" + settings.subscription() + "/resourceGroups/" + settings.resourceGroup()
                + "/providers/Microsoft.RecoveryServices/vaults/" + settings.vault() + "/replicationPolicies/"
                + policyName(provider);
    }

    private static String policyName(String provider) {
        return provider.toLowerCase(Locale.ROOT) + "-policy";
    }

    /** The protected items in link order. */
    List<Map<String, Object>> protectedItems() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReplicationLinkState link : state.links()) {
            GuestState guest = state.guest(link.spec().guest());
            if (guest != null) {
                out.add(item(link, guest));
            }
        }
        return out;
    }

    private Map<String, Object> item(ReplicationLinkState link, GuestState guest) {
        String source = guest.spec().node();
        String target = link.spec().target();
        boolean failedOver = failedOver(link, guest);
        String provider = provider(link, source, target);
        String fabric = settings.isRegion(source) ? "asr-a2a-default-" + source : source;
        String name = guest.spec().name() + "-" + guest.vmid();
        String id = "/Subscriptions/" + settings.subscription() + "/resourceGroups/" + settings.resourceGroup()
                + "/providers/Microsoft.RecoveryServices/vaults/" + settings.vault() + "/replicationFabrics/" + fabric
                + "/replicationProtectionContainers/" + fabric + "-container/replicationProtectedItems/" + name;
        // Failed over, nothing is replicated, so nothing fails: health Normal until a failback.
        boolean failing = link.failCount() > 0 && !link.failedOver();
        List<Object> errors = new ArrayList<>();
        if (failing) {
            errors.add(obj("errorLevel", "Error", "errorCode", HEALTH_ERROR_CODE, "summaryMessage",
                    "Replication is failing for the virtual machine", "errorMessage", link.error(),
                    "creationTimeUtc", Instant.ofEpochSecond(link.lastTry()).toString(), "innerHealthErrors", List.of()));
        }
        Map<String, Object> props = obj(
                "friendlyName", guest.spec().name(),
                "protectedItemType", "",
                "primaryFabricFriendlyName", source,
                "recoveryFabricFriendlyName", settings.isRegion(target) && !VaultSettings.A2A.equals(provider)
                        ? "Microsoft Azure" : target,
                "policyId", policyId(provider),
                "policyFriendlyName", policyName(provider),
                "protectionState", link.failedOver() ? FAILOVER_COMMITTED : "Protected",
                "protectionStateDescription", link.failedOver() ? "Failover committed" : "Protected",
                "activeLocation", failedOver ? "Recovery" : "Primary",
                "testFailoverState", "None",
                "testFailoverStateDescription", "None",
                "lastSuccessfulTestFailoverTime", link.lastTestFailover() == null ? NEVER
                        : link.lastTestFailover().toString(),
                "lastSuccessfulFailoverTime", link.failedOverAt() == null ? NEVER : link.failedOverAt().toString(),
                "replicationHealth", failing ? "Critical" : "Normal",
                "failoverHealth", "Normal",
                "healthErrors", errors,
                "allowedOperations", link.failedOver() ? List.of("ReverseReplicate", "DisableProtection")
                        : List.of("UnplannedFailover", "TestFailover", "DisableProtection"),
                "currentScenario", obj("scenarioName", "None", "jobId", settings.vaultPath() + "/replicationJobs/None",
                        "startTime", NEVER),
                "providerSpecificDetails", details(provider, link, guest, source, target));
        return obj("id", id, "name", name, "type", "Microsoft.RecoveryServices/vaults/replicationFabrics/"
                + "replicationProtectionContainers/replicationProtectedItems", "properties", props);
    }

    /**
     * Failed over by a {@code replication-failover} step, or running on its link's target (moved
     * there without the link being swapped).
     */
    private static boolean failedOver(ReplicationLinkState link, GuestState guest) {
        return link.failedOver() || link.spec().target().equals(guest.node());
    }

    private String provider(ReplicationLinkState link, String source, String target) {
        if (!settings.isRegion(target)) {
            return "HyperVReplica2012R2";
        }
        return settings.isRegion(source) ? VaultSettings.A2A : settings.providerOf(link.id());
    }

    private Map<String, Object> details(String provider, ReplicationLinkState link, GuestState guest, String source,
                                        String target) {
        long rpo = Math.max(0, now.getEpochSecond() - link.lastSync());
        String lastSync = Instant.ofEpochSecond(link.lastSync()).toString();
        String measured = now.toString();
        String recoveryVm = guest.spec().name() + "-asr";
        return switch (provider) {
            case VaultSettings.A2A -> obj("instanceType", provider, "rpoInSeconds", rpo, "lastRpoCalculatedTime", measured,
                    "vmProtectionState", "Protected", "primaryFabricLocation", source, "recoveryFabricLocation", target,
                    "lastHeartbeat", measured, "fabricObjectId", vmId(resourceGroup(source), guest.spec().name()),
                    "recoveryAzureVMName", recoveryVm, "recoveryAzureResourceGroupId", rgId(resourceGroup(target)));
            case VaultSettings.HYPER_V_REPLICA_AZURE -> obj("instanceType", provider, "rpoInSeconds", rpo,
                    "lastRpoCalculatedTime", measured, "lastRecoveryPointReceived", lastSync, "lastReplicatedTime",
                    lastSync, "vmId", vmGuid(guest), "vmProtectionState", "Protected", "recoveryAzureVmName", recoveryVm,
                    "recoveryAzureResourceGroupId", rgId(resourceGroup(target)));
            case VaultSettings.IN_MAGE_RCM -> obj("instanceType", provider, "lastRpoInSeconds", rpo,
                    "lastRpoCalculatedTime", measured, "lastRecoveryPointReceived", lastSync, "resyncRequired", "false",
                    "mobilityAgentDetails", obj("lastHeartbeatUtc", measured),
                    "discoveredVmDetails", obj("powerStatus", guest.running() ? "ON" : "OFF"));
            default -> obj("instanceType", provider, "lastReplicatedTime", lastSync, "vmId", vmGuid(guest),
                    "vmProtectionState", "Protected");
        };
    }

    /** The subscription's VMs with their power state ({@code statusOnly=true}). */
    List<Map<String, Object>> virtualMachines() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReplicationLinkState link : state.links()) {
            GuestState guest = state.guest(link.spec().guest());
            if (guest == null || !settings.isRegion(link.spec().target())) {
                continue;
            }
            String source = guest.spec().node();
            boolean failedOver = failedOver(link, guest);
            if (settings.isRegion(source)) {
                out.add(vmStatus(resourceGroup(source), guest.spec().name(), source, !failedOver && guest.running()));
            }
            if (failedOver || settings.isRegion(source)) {
                // The recovery VM exists once failed over (A2A shows it deallocated beforehand, as a placeholder);
                // after a failover step it runs while the primary guest is stopped.
                out.add(vmStatus(resourceGroup(link.spec().target()), guest.spec().name() + "-asr",
                        link.spec().target(), link.failedOver() || (failedOver && guest.running())));
            }
        }
        return out;
    }

    /** Resource Health of a VM by its ARM id (lower-case), or null when the subscription has no such VM. */
    Map<String, Object> availability(String vmId) {
        for (Map<String, Object> vm : virtualMachines()) {
            if (((String) vm.get("id")).equalsIgnoreCase(vmId)) {
                boolean regionUp = state.isOnline((String) vm.get("location"));
                return obj("id", vm.get("id") + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current",
                        "name", "current", "type", "Microsoft.ResourceHealth/AvailabilityStatuses",
                        "location", vm.get("location"), "properties", regionUp
                                ? obj("availabilityState", "Available", "title", "Available",
                                        "summary", "There aren't any known Azure platform problems affecting this virtual machine.",
                                        "reasonChronicity", "Persistent", "reportedTime", now.toString())
                                : obj("availabilityState", "Unavailable", "title", "Unavailable",
                                        "summary", "We're sorry, your virtual machine isn't available because of an "
                                                + "Azure platform problem in its region.", "reasonType", "Unplanned",
                                        "context", "Platform Initiated", "reasonChronicity", "Transient",
                                        "reportedTime", now.toString()));
            }
        }
        return null;
    }

    private Map<String, Object> vmStatus(String rg, String name, String region, boolean running) {
        String power = running ? "running" : "deallocated";
        return obj("id", vmId(rg, name), "name", name, "type", "Microsoft.Compute/virtualMachines", "location", region,
                "properties", obj("instanceView", obj("statuses", List.of(
                        obj("code", "ProvisioningState/succeeded", "level", "Info", "displayStatus", "Provisioning succeeded"),
                        obj("code", "PowerState/" + power, "level", "Info", "displayStatus", "VM " + power)))));
    }

    /** Each region's VMs live in a resource group named after it. */
    private static String resourceGroup(String region) {
        return "rg-" + region;
    }

    private String rgId(String rg) {
        return "/subscriptions/" + settings.subscription() + "/resourceGroups/" + rg;
    }

    private String vmId(String rg, String name) {
        return rgId(rg) + "/providers/Microsoft.Compute/virtualMachines/" + name;
    }

    private static String vmGuid(GuestState guest) {
        return String.format("%08x-0000-4000-8000-%012x", guest.spec().name().hashCode(), guest.vmid());
    }

    /** An ordered map of key/value pairs; pairs whose value is null are left out. */
    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }
}
