package org.sitewatch.collectors.azure;

import java.util.List;

/**
 * ARM JSON as the vendor doc (sections 2.1 to 2.7) shows it: vaults, protected items of each
 * replication provider, the subscription's VM status list and Resource Health answers.
 */
final class AsrFixtures {

    static final String SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";

    private AsrFixtures() {
    }

    static String vaultPath(String rg, String vault) {
        return "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + rg + "/providers/Microsoft.RecoveryServices/vaults/" + vault;
    }

    static String itemsPath(String rg, String vault) {
        return vaultPath(rg, vault) + "/replicationProtectedItems";
    }

    static String vmId(String rg, String name) {
        return "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + rg + "/providers/Microsoft.Compute/virtualMachines/" + name;
    }

    static String vault(String rg, String name, String location) {
        return "{\"id\":\"" + vaultPath(rg, name) + "\",\"name\":\"" + name + "\",\"type\":\"Microsoft.RecoveryServices/vaults\","
                + "\"location\":\"" + location + "\",\"properties\":{\"provisioningState\":\"Succeeded\"}}";
    }

    /** A list page: the items and, when {@code nextLink} is not null, where the next page is. */
    static String page(List<String> values, String nextLink) {
        return "{\"value\":[" + String.join(",", values) + "],\"nextLink\":"
                + (nextLink == null ? "null" : "\"" + nextLink + "\"") + "}";
    }

    /**
     * A protected item, its id written with ARM's capital "S" in {@code /Subscriptions/}.
     *
     * @param props the item's properties except providerSpecificDetails, as JSON members
     * @param details the providerSpecificDetails object
     */
    static String item(String rg, String vault, String fabric, String name, String props, String details) {
        String id = "/Subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + rg
                + "/providers/Microsoft.RecoveryServices/vaults/" + vault + "/replicationFabrics/" + fabric
                + "/replicationProtectionContainers/" + fabric + "-container/replicationProtectedItems/" + name;
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"Microsoft.RecoveryServices/vaults/"
                + "replicationFabrics/replicationProtectionContainers/replicationProtectedItems\",\"properties\":{"
                + props + ",\"providerSpecificDetails\":" + details + "}}";
    }

    /** Item properties of a healthy item with no operation in flight. */
    static String healthy(String friendlyName, String primaryFabric, String recoveryFabric) {
        return state(friendlyName, primaryFabric, recoveryFabric, "Protected", "Primary", "Normal", "[]");
    }

    static String state(String friendlyName, String primaryFabric, String recoveryFabric, String protectionState,
                        String activeLocation, String health, String healthErrors) {
        return "\"friendlyName\":\"" + friendlyName + "\",\"protectedItemType\":\"\",\"primaryFabricFriendlyName\":\""
                + primaryFabric + "\",\"recoveryFabricFriendlyName\":\"" + recoveryFabric + "\",\"protectionState\":\""
                + protectionState + "\",\"protectionStateDescription\":\"" + protectionState + "\",\"activeLocation\":\""
                + activeLocation + "\",\"testFailoverState\":\"None\",\"testFailoverStateDescription\":\"None\","
                + "\"replicationHealth\":\"" + health + "\",\"failoverHealth\":\"Normal\",\"healthErrors\":" + healthErrors
                + ",\"lastSuccessfulTestFailoverTime\":\"2025-01-01T06:00:00Z\",\"allowedOperations\":[\"TestFailover\"],"
                + "\"currentScenario\":{\"scenarioName\":\"None\",\"jobId\":\"/Subscriptions/x/replicationJobs/None\","
                + "\"startTime\":\"1753-01-01T01:01:01Z\"}";
    }

    static String healthError(String code, String summary) {
        return "{\"errorLevel\":\"Warning\",\"errorCode\":\"" + code + "\",\"summaryMessage\":\"" + summary + "\","
                + "\"errorMessage\":\"...\",\"possibleCauses\":\"...\",\"recommendedAction\":\"...\","
                + "\"creationTimeUtc\":\"2025-01-01T09:00:00Z\",\"customerResolvability\":\"NotAllowed\",\"innerHealthErrors\":[]}";
    }

    static String a2a(String from, String to, long rpoSeconds, String measuredAt, String vmArmId, String recoveryRg) {
        return "{\"instanceType\":\"A2A\",\"rpoInSeconds\":" + rpoSeconds + ",\"lastRpoCalculatedTime\":\"" + measuredAt
                + "\",\"monitoringPercentageCompletion\":null,\"vmProtectionState\":\"Protected\",\"primaryFabricLocation\":\""
                + from + "\",\"recoveryFabricLocation\":\"" + to + "\",\"lastHeartbeat\":\"2025-01-01T09:04:30Z\","
                + "\"fabricObjectId\":\"" + vmArmId + "\",\"recoveryAzureVMName\":\"app01-asr\","
                + "\"recoveryAzureResourceGroupId\":\"/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + recoveryRg + "\"}";
    }

    static String hyperVReplicaAzure(long rpoSeconds, String lastRecoveryPoint, String recoveryVm, String recoveryRg) {
        return "{\"instanceType\":\"HyperVReplicaAzure\",\"rpoInSeconds\":" + rpoSeconds
                + ",\"lastRpoCalculatedTime\":\"2025-01-01T09:05:00.1234567Z\",\"lastRecoveryPointReceived\":\""
                + lastRecoveryPoint + "\",\"lastReplicatedTime\":\"2025-01-01T09:04:00Z\",\"vmId\":\"6d1f3a4e-hv-sql01\","
                + "\"vmProtectionState\":\"Protected\",\"recoveryAzureVmName\":\"" + recoveryVm + "\","
                + "\"recoveryAzureResourceGroupId\":\"/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + recoveryRg + "\"}";
    }

    static String inMageRcm(long lastRpoSeconds, String lastRecoveryPoint) {
        return "{\"instanceType\":\"InMageRcm\",\"lastRpoInSeconds\":" + lastRpoSeconds
                + ",\"lastRpoCalculatedTime\":\"2025-01-01T09:05:00Z\",\"lastRecoveryPointReceived\":\"" + lastRecoveryPoint
                + "\",\"resyncRequired\":\"false\",\"mobilityAgentDetails\":{\"lastHeartbeatUtc\":\"2025-01-01T09:04:00Z\"},"
                + "\"discoveredVmDetails\":{\"powerStatus\":\"OFF\"}}";
    }

    static String inMageAzureV2(long rpoSeconds, String measuredAt) {
        return "{\"instanceType\":\"InMageAzureV2\",\"rpoInSeconds\":" + rpoSeconds + ",\"lastRpoCalculatedTime\":\""
                + measuredAt + "\",\"recoveryAzureVMName\":\"db01-asr\"}";
    }

    static String hyperVReplica2012R2(String lastReplicated) {
        return "{\"instanceType\":\"HyperVReplica2012R2\",\"lastReplicatedTime\":\"" + lastReplicated + "\","
                + "\"vmId\":\"hv-file01-guid\",\"vmProtectionState\":\"Protected\"}";
    }

    /** A VM of the subscription-wide status list ({@code statusOnly=true}). */
    static String vmStatus(String armId, String name, String location, String powerWord) {
        return "{\"id\":\"" + armId + "\",\"name\":\"" + name + "\",\"location\":\"" + location + "\",\"properties\":{"
                + "\"instanceView\":{\"statuses\":[{\"code\":\"ProvisioningState/succeeded\",\"level\":\"Info\","
                + "\"displayStatus\":\"Provisioning succeeded\",\"time\":\"2025-01-01T08:00:00+00:00\"},"
                + "{\"code\":\"PowerState/" + powerWord + "\",\"level\":\"Info\",\"displayStatus\":\"VM " + powerWord + "\"}]}}}";
    }

    static String availability(String state, String summary) {
        return "{\"id\":\"x/providers/Microsoft.ResourceHealth/availabilityStatuses/current\",\"name\":\"current\","
                + "\"properties\":{\"availabilityState\":\"" + state + "\",\"summary\":\"" + summary + "\","
                + "\"reasonType\":\"Unplanned\",\"occuredTime\":\"2025-01-01T08:30:00Z\",\"reportedTime\":\"2025-01-01T08:31:00Z\"}}";
    }
}
