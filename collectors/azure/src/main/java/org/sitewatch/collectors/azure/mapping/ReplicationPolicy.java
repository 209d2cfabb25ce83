package org.sitewatch.collectors.azure.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;

/**
 * One replication policy of a vault ({@code GET .../vaults/{v}/replicationPolicies}), reduced to what
 * Sitewatch uses: the recovery point threshold, ASR's own RPO objective for the items under the
 * policy. Which field holds it depends on {@code properties.providerSpecificDetails.instanceType}
 * (ASR REST spec, {@code PolicyProviderSpecificDetails}):
 * <ul>
 *   <li>{@code A2A}, {@code InMageAzureV2}, {@code InMage}: {@code recoveryPointThresholdInMinutes};</li>
 *   <li>{@code HyperVReplicaAzure} ({@code replicationInterval} in seconds, 30, 300 or 900),
 *       {@code InMageRcm} ({@code recoveryPointHistoryInMinutes}, consistency frequencies),
 *       {@code HyperVReplica2012} / {@code HyperVReplica2012R2} ({@code replicationFrequencyInSeconds}):
 *       no threshold. How often a copy is sent is not an objective, so no threshold is derived from it;</li>
 *   <li>any other type: no threshold, the word kept.</li>
 * </ul>
 * Numbers may come as JSON numbers or numeric strings.
 *
 * @param id the policy's ARM id, lower-cased (ARM writes {@code /Subscriptions/}; ids compare ignoring case)
 * @param name {@code friendlyName}, else {@code name}
 * @param instanceType the provider type as sent; null when the policy has no details
 * @param recoveryPointThreshold the RPO threshold; null when the policy's type has none
 */
public record ReplicationPolicy(String id, String name, String instanceType, Duration recoveryPointThreshold) {

    static final String THRESHOLD_FIELD = "recoveryPointThresholdInMinutes";
    /** 100 years: a larger threshold is a bad record (and overflows a Duration's seconds). */
    static final long MAX_THRESHOLD_MINUTES = 100L * 365 * 24 * 60;

    /**
     * @throws UnusableItemException when the policy has no id, or its threshold is not a positive
     *     number of minutes (naming the policy, the field and the value)
     */
    public static ReplicationPolicy of(JsonNode policy) {
        String rawId = Json.text(policy, "id");
        if (rawId == null) {
            throw new UnusableItemException("a replication policy has no id");
        }
        JsonNode p = policy.path("properties");
        String name = Json.text(p, "friendlyName") != null ? Json.text(p, "friendlyName") : Json.text(policy, "name");
        JsonNode details = p.get("providerSpecificDetails");
        String type = Json.text(details, "instanceType");
        Duration threshold = null;
        if (hasThreshold(type)) {
            Long minutes;
            try {
                minutes = Json.number(details, THRESHOLD_FIELD);
            } catch (UnusableItemException e) {
                throw new UnusableItemException("replication policy " + (name == null ? rawId : name) + ": "
                        + e.getMessage());
            }
            if (minutes != null && (minutes <= 0 || minutes > MAX_THRESHOLD_MINUTES)) {
                throw new UnusableItemException("replication policy " + (name == null ? rawId : name) + ": "
                        + THRESHOLD_FIELD + " must be positive (and at most 100 years) but was " + minutes);
            }
            threshold = minutes == null ? null : Duration.ofMinutes(minutes);
        }
        return new ReplicationPolicy(normalizedId(rawId), name, type, threshold);
    }

    /** The lower-cased id items are matched on; null stays null. */
    public static String normalizedId(String id) {
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }

    private static boolean hasThreshold(String type) {
        if (type == null) {
            return false;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "a2a", "inmageazurev2", "inmage" -> true;
            default -> false;
        };
    }
}
