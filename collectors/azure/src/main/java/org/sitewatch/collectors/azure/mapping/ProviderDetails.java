package org.sitewatch.collectors.azure.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What one item's {@code providerSpecificDetails} says, by its {@code instanceType} (vendor doc
 * section 2.4): which way the copy runs, the RPO and when it was measured, the newest recovery point,
 * and the Azure VMs involved.
 *
 * <ul>
 *   <li>{@code A2A} (Azure → Azure): {@code rpoInSeconds}, {@code lastRpoCalculatedTime}, the regions
 *       {@code primaryFabricLocation} / {@code recoveryFabricLocation}, the protected VM
 *       {@code fabricObjectId}, the recovery VM {@code recoveryAzureVMName} in {@code recoveryAzureResourceGroupId};</li>
 *   <li>{@code HyperVReplicaAzure} (Hyper-V → Azure): {@code rpoInSeconds}, {@code lastRpoCalculatedTime},
 *       {@code lastRecoveryPointReceived} (else {@code lastReplicatedTime}), {@code vmId}, the recovery
 *       VM {@code recoveryAzureVmName} (lower-case "m" here);</li>
 *   <li>{@code InMageRcm} (VMware / physical → Azure, modernized): the RPO is {@code lastRpoInSeconds},
 *       {@code lastRecoveryPointReceived};</li>
 *   <li>{@code InMageAzureV2} (VMware / physical → Azure, classic): read like A2A's RPO fields
 *       ({@code rpoInSeconds}, {@code lastRpoCalculatedTime}) and {@code recoveryAzureVMName}; its
 *       schema is not in the vendor doc, so these names are an assumption to confirm;</li>
 *   <li>{@code HyperVReplica2012}, {@code HyperVReplica2012R2}, {@code HyperVReplicaBaseReplicationDetails}
 *       (Hyper-V → Hyper-V site, ASR orchestrating Hyper-V Replica): no RPO field, {@code lastReplicatedTime};</li>
 *   <li>any other type: no RPO read, the type word kept.</li>
 * </ul>
 *
 * @param instanceType the discriminator as sent; null when the item has no details
 * @param direction which way the copy runs
 * @param rpo the RPO ASR measured; null when not given
 * @param lastRecoveryPoint the newest recovery point: given, or derived as RPO-measurement time minus RPO
 * @param rpoMeasuredAt when ASR measured the RPO; null when not given
 * @param primaryRegion / recoveryRegion Azure region ids (A2A only)
 * @param protectedVmId ARM id of the protected Azure VM (A2A), else the vendor's VM id; null when absent
 * @param recoveryVmName / recoveryResourceGroupId where the recovery VM is (or will be) created
 */
public record ProviderDetails(String instanceType, Direction direction, Duration rpo, Instant lastRecoveryPoint,
                              Instant rpoMeasuredAt, String primaryRegion, String recoveryRegion, String protectedVmId,
                              String recoveryVmName, String recoveryResourceGroupId) {

    /** Which way an item's copy runs, which says where its source and target sites come from. */
    public enum Direction { AZURE_TO_AZURE, ON_PREMISES_TO_AZURE, ON_PREMISES_TO_ON_PREMISES, UNKNOWN }

    /** Reads the details of one item; an absent node reads as an UNKNOWN direction with nothing else. */
    public static ProviderDetails of(JsonNode details) {
        String type = Json.text(details, "instanceType");
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "a2a":
                return measured(details, type, Direction.AZURE_TO_AZURE, "rpoInSeconds", null,
                        Json.text(details, "fabricObjectId"), "recoveryAzureVMName");
            case "hypervreplicaazure":
                return measured(details, type, Direction.ON_PREMISES_TO_AZURE, "rpoInSeconds",
                        "lastRecoveryPointReceived", Json.text(details, "vmId"), "recoveryAzureVmName");
            case "inmagercm":
                return measured(details, type, Direction.ON_PREMISES_TO_AZURE, "lastRpoInSeconds",
                        "lastRecoveryPointReceived", null, null);
            case "inmageazurev2":
                return measured(details, type, Direction.ON_PREMISES_TO_AZURE, "rpoInSeconds", null, null,
                        "recoveryAzureVMName");
            case "hypervreplica2012":
            case "hypervreplica2012r2":
            case "hypervreplicabasereplicationdetails":
                return new ProviderDetails(type, Direction.ON_PREMISES_TO_ON_PREMISES, null,
                        AsrTimes.parse(details, "lastReplicatedTime"), null, null, null, Json.text(details, "vmId"),
                        null, null);
            default:
                return new ProviderDetails(type, Direction.UNKNOWN, null, null, null, null, null, null, null, null);
        }
    }

    /** 100 years: a larger RPO is a bad record. */
    static final long MAX_RPO_SECONDS = 100L * 365 * 24 * 3600;

    private static ProviderDetails measured(JsonNode d, String type, Direction direction, String rpoField,
                                            String recoveryPointField, String protectedVm, String recoveryVmField) {
        Long seconds = Json.number(d, rpoField);
        if (seconds != null && seconds > MAX_RPO_SECONDS) {
            // no replication is that far behind; it would also overflow the recovery point and the lag
            throw new UnusableItemException(rpoField + " " + seconds + " is no RPO (over 100 years)");
        }
        Duration rpo = seconds == null || seconds < 0 ? null : Duration.ofSeconds(seconds);
        Instant measuredAt = AsrTimes.parse(d, "lastRpoCalculatedTime");
        Instant recoveryPoint = recoveryPointField == null ? null : AsrTimes.parse(d, recoveryPointField);
        if (recoveryPoint == null && direction == Direction.ON_PREMISES_TO_AZURE) {
            recoveryPoint = AsrTimes.parse(d, "lastReplicatedTime");
        }
        if (recoveryPoint == null && rpo != null && measuredAt != null) {
            recoveryPoint = measuredAt.minus(rpo);
        }
        return new ProviderDetails(type, direction, rpo, recoveryPoint, measuredAt,
                Json.text(d, "primaryFabricLocation"), Json.text(d, "recoveryFabricLocation"), protectedVm,
                recoveryVmField == null ? null : Json.text(d, recoveryVmField),
                Json.text(d, "recoveryAzureResourceGroupId"));
    }

    /**
     * How far behind the copy is at {@code now}: since the newest recovery point when known, else
     * the measured RPO plus the time since it was measured, else the RPO alone; null when nothing says.
     */
    public Long lagSeconds(Instant now) {
        if (lastRecoveryPoint != null) {
            return Math.max(0, Duration.between(lastRecoveryPoint, now).getSeconds());
        }
        if (rpo == null) {
            return null;
        }
        long since = rpoMeasuredAt == null ? 0 : Math.max(0, Duration.between(rpoMeasuredAt, now).getSeconds());
        return rpo.getSeconds() + since;
    }

    /** ARM id of the recovery VM when both its name and resource group are given, lower-case; else null. */
    public String recoveryVmId() {
        if (recoveryVmName == null || recoveryResourceGroupId == null) {
            return null;
        }
        String rg = recoveryResourceGroupId.endsWith("/")
                ? recoveryResourceGroupId.substring(0, recoveryResourceGroupId.length() - 1) : recoveryResourceGroupId;
        return (rg + "/providers/Microsoft.Compute/virtualMachines/" + recoveryVmName).toLowerCase(Locale.ROOT);
    }
}
