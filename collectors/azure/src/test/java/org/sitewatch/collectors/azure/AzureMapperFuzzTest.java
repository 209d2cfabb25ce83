package org.sitewatch.collectors.azure;

import static org.sitewatch.collectors.azure.AsrFixtures.a2a;
import static org.sitewatch.collectors.azure.AsrFixtures.healthError;
import static org.sitewatch.collectors.azure.AsrFixtures.healthy;
import static org.sitewatch.collectors.azure.AsrFixtures.item;
import static org.sitewatch.collectors.azure.AsrFixtures.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.collectors.azure.mapping.AzureVmMapper;
import org.sitewatch.collectors.azure.mapping.ProtectedItemMapper;
import org.sitewatch.collectors.azure.mapping.ReplicationPolicy;
import org.sitewatch.collectors.azure.mapping.SiteResolver;
import org.sitewatch.collectors.azure.mapping.UnusableItemException;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.JsonMutant;
import org.sitewatch.testsupport.fuzz.JsonMutations;

/**
 * Fault suite 7 for Azure Site Recovery: ARM records of one vault (protected items of every
 * replication provider, a replication policy, a VM's status and its Resource Health) mutated
 * together and mapped record by record as {@link AzureCollector} does. A record may be refused as
 * an {@link UnusableItemException} (skipped, the rest goes on); any other exception would make the
 * collector report the whole vault unreadable, so it fails the try.
 */
class AzureMapperFuzzTest {

    private static final Instant NOW = Instant.parse("2025-01-01T09:10:00Z");
    private static final String VM = AsrFixtures.vmId("rg-app", "app01");
    private static final List<JsonNode> SEEDS = List.of(
            read(item("rg-dr", "rsv-weu", "asr-a2a-westeurope", "app01", healthy("app01", "West Europe", "North Europe"),
                    a2a("westeurope", "northeurope", 120, "2025-01-01T09:05:00Z", VM, "rg-app-asr"))),
            read(item("rg-dr", "rsv-weu", "paris-hv", "sql01", state("sql01", "paris-hv", "Microsoft Azure", "Protected",
                    "Primary", "Warning", "[" + healthError("RPO_EXCEEDED", "RPO exceeded") + "]"),
                    AsrFixtures.hyperVReplicaAzure(1800, "2025-01-01T08:40:00Z", "sql01-asr", "rg-sql-asr"))),
            read(item("rg-dr", "rsv-weu", "marseille-hv", "db01", healthy("db01", "marseille-hv", "Microsoft Azure"),
                    AsrFixtures.inMageRcm(300, "2025-01-01T09:00:00Z"))),
            read(item("rg-dr", "rsv-weu", "vmware", "db02", healthy("db02", "vmware", "Microsoft Azure"),
                    AsrFixtures.inMageAzureV2(60, "2025-01-01T09:05:00Z"))),
            read(item("rg-dr", "rsv-weu", "paris-hv", "file01", healthy("file01", "paris-hv", "marseille-hv"),
                    AsrFixtures.hyperVReplica2012R2("2025-01-01T09:00:00Z"))),
            read("{\"id\":\"/Subscriptions/1111/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-weu/"
                    + "replicationPolicies/pol-1\",\"name\":\"pol-1\",\"type\":\"Microsoft.RecoveryServices/vaults/"
                    + "replicationPolicies\",\"properties\":{\"friendlyName\":\"pol-1\",\"providerSpecificDetails\":"
                    + "{\"instanceType\":\"A2A\",\"recoveryPointThresholdInMinutes\":30,\"recoveryPointHistory\":1440,"
                    + "\"appConsistentFrequencyInMinutes\":240,\"crashConsistentFrequencyInMinutes\":5}}}"),
            read(AsrFixtures.vmStatus(VM, "app01", "westeurope", "running")),
            read(AsrFixtures.availability("Available", "There aren't any known Azure platform problems")));

    private final SiteResolver sites = new SiteResolver("azure-weu", "westeurope",
            name -> Optional.ofNullable(Map.of("paris-hv", "paris", "marseille-hv", "marseille").get(name.toLowerCase())),
            "endpoints[az].azure");

    @Property(tries = 10_000)
    void everyRecordIsMappedOrRefusedAsUnusable(@ForAll("vaults") JsonMutant vault) {
        if (!vault.readable()) {
            return; // the ARM client fails an answer that is no JSON as MALFORMED; no mapper sees it
        }
        FuzzGuard.expectResultOr(vault, () -> map(vault));
    }

    @Provide
    Arbitrary<JsonMutant> vaults() {
        return JsonMutations.of(SEEDS);
    }

    /** Each record as AzureCollector maps it, an unusable one skipped. */
    private Object map(JsonMutant vault) {
        Map<String, ReplicationPolicy> known = new HashMap<>();
        try {
            ReplicationPolicy policy = ReplicationPolicy.of(vault.document(5));
            known.put(ReplicationPolicy.normalizedId(policy.id()), policy);
        } catch (UnusableItemException skipped) {
            // reported as a skipped record
        }
        ProtectedItemMapper items = new ProtectedItemMapper("azure-weu", sites, null);
        for (int i = 0; i < 5; i++) {
            try {
                ProtectedItemMapper.policyId(vault.document(i));
                items.map(vault.document(i), "westeurope", known, NOW);
            } catch (UnusableItemException skipped) {
                // reported as a skipped record
            }
        }
        try {
            AzureVmMapper.id(vault.document(6));
            return new AzureVmMapper("azure-weu").map(vault.document(6), vault.document(7), null);
        } catch (UnusableItemException skipped) {
            return null;
        }
    }

    private static JsonNode read(String json) {
        return JsonMutations.read(json);
    }
}
