package org.sitewatch.collectors.azure.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitewatch.collectors.azure.mapping.AsrWords.ActiveLocation;
import org.sitewatch.collectors.azure.mapping.AsrWords.Health;
import org.sitewatch.collectors.azure.mapping.AsrWords.ProtectionState;
import org.sitewatch.collectors.azure.mapping.AsrWords.TestFailoverState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * Maps one ASR replication protected item (vendor doc sections 2.2 to 2.4) to a {@link ReplicationStatus}:
 * <ul>
 *   <li>item id: the ARM id, lower-cased (ARM returns {@code /Subscriptions/} with a capital S and
 *       compares ids ignoring case); name: {@code friendlyName};</li>
 *   <li>state: FAILED_OVER while {@code activeLocation} is Recovery; else from {@code protectionState}
 *       (Protected → REPLICATING, UnplannedFailoverFailed → FAILED, another word → UNKNOWN, kept as
 *       {@code vendorState}); health from {@code replicationHealth};</li>
 *   <li>sites by {@link ProviderDetails.Direction}: Azure → Azure from the primary and recovery regions;
 *       on premises → Azure from the primary fabric's {@code sites} entry to the vault's region;
 *       on premises → on premises from both fabrics' entries;</li>
 *   <li>lag, last recovery point from the provider details; last test failover:
 *       {@code lastSuccessfulTestFailoverTime};</li>
 *   <li>target RPO: the {@code recoveryPointThresholdInMinutes} of the vault's replication policy the
 *       item names in {@code policyId} (ids compared ignoring case) when that policy has one; otherwise
 *       the endpoint's {@code target-rpo}; otherwise none ({@link ReplicationPolicy});</li>
 *   <li>error, while anything is not normal: the health errors ({@code errorCode: summaryMessage}),
 *       failover health, the scenario in progress and the test-failover state.</li>
 * </ul>
 */
public final class ProtectedItemMapper {

    public static final String TECHNOLOGY = "asr";

    private final String site;
    private final SiteResolver sites;
    private final Long configuredTargetRpoSeconds;

    /** One item, mapped, and the Azure VMs (ARM ids, lower-case) whose state belongs with it. */
    public record MappedItem(ReplicationStatus status, Set<String> azureVmIds) {
    }

    /** @param configuredTargetRpoSeconds the endpoint's target RPO; null when none is configured */
    public ProtectedItemMapper(String site, SiteResolver sites, Long configuredTargetRpoSeconds) {
        this.site = site;
        this.sites = sites;
        this.configuredTargetRpoSeconds = configuredTargetRpoSeconds;
    }

    /** {@link #map(JsonNode, String, Map, Instant)} with no policy known: the endpoint's target RPO. */
    public MappedItem map(JsonNode item, String vaultRegion, Instant now) {
        return map(item, vaultRegion, Map.of(), now);
    }

    /**
     * @param vaultRegion the region of the vault the item belongs to (where on-premises items recover to)
     * @param policies the vault's replication policies known, by lower-cased id
     * @throws UnusableItemException when the item has no id, a date or number is unreadable, or its
     *     on-premises site is not configured
     */
    public MappedItem map(JsonNode item, String vaultRegion, Map<String, ReplicationPolicy> policies, Instant now) {
        String rawId = Json.text(item, "id");
        if (rawId == null) {
            throw new UnusableItemException("a protected item has no id");
        }
        String id = rawId.toLowerCase(Locale.ROOT);
        JsonNode p = item.path("properties");
        String name = Json.text(p, "friendlyName") != null ? Json.text(p, "friendlyName") : Json.text(item, "name");
        ProviderDetails details = ProviderDetails.of(p.get("providerSpecificDetails"));
        String label = name == null ? id : name;
        String[] pair = pair(p, details, vaultRegion, label);

        Reading<ProtectionState> protection = AsrWords.protectionState(Json.text(p, "protectionState"));
        Reading<ActiveLocation> location = AsrWords.activeLocation(Json.text(p, "activeLocation"));
        Reading<Health> health = AsrWords.health(Json.text(p, "replicationHealth"));
        ReplicationState state = state(protection.value(), location.value());
        String error = error(p, state, health.value().health());

        Set<String> vms = new LinkedHashSet<>();
        if (details.direction() == ProviderDetails.Direction.AZURE_TO_AZURE && details.protectedVmId() != null) {
            vms.add(details.protectedVmId().toLowerCase(Locale.ROOT));
        }
        if (details.recoveryVmId() != null) {
            vms.add(details.recoveryVmId());
        }
        String vmId = details.protectedVmId() == null ? null
                : details.direction() == ProviderDetails.Direction.AZURE_TO_AZURE
                ? details.protectedVmId().toLowerCase(Locale.ROOT) : details.protectedVmId();
        ReplicationStatus status = new ReplicationStatus(site, Platform.AZURE, id, vmId, name, pair[0], pair[1],
                null, null, TECHNOLOGY, state, health.value().health(), protection.raw(), targetRpoSeconds(item, policies),
                details.lastRecoveryPoint(), details.lagSeconds(now),
                AsrTimes.parse(p, "lastSuccessfulTestFailoverTime"), null, error, false);
        return new MappedItem(status, vms);
    }

    /** The lower-cased {@code properties.policyId} of an item; null when it names none. */
    public static String policyId(JsonNode item) {
        return ReplicationPolicy.normalizedId(Json.text(item.path("properties"), "policyId"));
    }

    private Long targetRpoSeconds(JsonNode item, Map<String, ReplicationPolicy> policies) {
        String policyId = policyId(item);
        ReplicationPolicy policy = policyId == null ? null : policies.get(policyId);
        if (policy != null && policy.recoveryPointThreshold() != null) {
            return policy.recoveryPointThreshold().getSeconds();
        }
        return configuredTargetRpoSeconds;
    }

    static ReplicationState state(ProtectionState protection, ActiveLocation location) {
        if (location == ActiveLocation.RECOVERY) {
            return ReplicationState.FAILED_OVER;
        }
        switch (protection) {
            case PROTECTED:
                return ReplicationState.REPLICATING;
            case UNPLANNED_FAILOVER_FAILED:
                return ReplicationState.FAILED;
            default:
                return ReplicationState.UNKNOWN;
        }
    }

    private String[] pair(JsonNode p, ProviderDetails details, String vaultRegion, String item) {
        String primaryFabric = Json.text(p, "primaryFabricFriendlyName");
        String recoveryFabric = Json.text(p, "recoveryFabricFriendlyName");
        switch (details.direction()) {
            case AZURE_TO_AZURE:
                return new String[] {
                    region(details.primaryRegion(), primaryFabric, item, "source"),
                    region(details.recoveryRegion(), recoveryFabric, item, "target")};
            case ON_PREMISES_TO_AZURE:
                return new String[] {sites.ofFabric(primaryFabric, item, "source"), region(vaultRegion, null, item, "target")};
            case ON_PREMISES_TO_ON_PREMISES:
                return new String[] {sites.ofFabric(primaryFabric, item, "source"),
                    sites.ofFabric(recoveryFabric, item, "target")};
            default:
                // An unknown provider: trust only configured names, else the vault's region.
                String source = sites.configured(primaryFabric).orElseThrow(() -> new UnusableItemException("item "
                        + item + ": provider type " + details.instanceType() + " is not known and its source "
                        + primaryFabric + " is in no Sitewatch site"));
                return new String[] {source, sites.configured(recoveryFabric).orElseGet(() -> sites.ofRegion(vaultRegion))};
        }
    }

    /** A region's site, falling back to the fabric's configured name (A2A fabrics are named after regions). */
    private String region(String region, String fabric, String item, String role) {
        if (region != null) {
            return sites.ofRegion(region);
        }
        return sites.configured(fabric).orElseThrow(() -> new UnusableItemException("item " + item + ": its " + role
                + " region is not given" + (fabric == null ? "" : " and fabric " + fabric + " is in no Sitewatch site")));
    }

    private static String error(JsonNode p, ReplicationState state, ReplicationHealth health) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode e : p.path("healthErrors")) {
            String code = Json.text(e, "errorCode");
            String summary = Json.text(e, "summaryMessage") != null ? Json.text(e, "summaryMessage")
                    : Json.text(e, "errorMessage");
            if (code != null || summary != null) {
                reasons.add(code == null ? summary : summary == null ? "error " + code : code + ": " + summary);
            }
        }
        Reading<Health> failover = AsrWords.health(Json.text(p, "failoverHealth"));
        if (failover.raw() != null && failover.value() != Health.NORMAL) {
            reasons.add("failover health " + failover.raw());
        }
        String scenario = Json.text(p.path("currentScenario"), "scenarioName");
        if (scenario != null && !scenario.equalsIgnoreCase("None")) {
            reasons.add("scenario " + scenario + " in progress");
        }
        Reading<TestFailoverState> test = AsrWords.testFailoverState(Json.text(p, "testFailoverState"));
        if (test.raw() != null && test.value() != TestFailoverState.NONE) {
            String description = Json.text(p, "testFailoverStateDescription");
            reasons.add("test failover " + test.raw() + (description == null ? "" : " (" + description + ")"));
        }
        boolean failing = state == ReplicationState.FAILED || health == ReplicationHealth.WARNING
                || health == ReplicationHealth.CRITICAL;
        if (!failing && reasons.isEmpty()) {
            return null;
        }
        if (reasons.isEmpty()) {
            String description = Json.text(p, "protectionStateDescription");
            reasons.add(description != null ? description : "replication health " + health);
        }
        return String.join("; ", reasons);
    }
}
