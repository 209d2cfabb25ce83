package org.sitewatch.collectors.azure.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replication policies by provider type, and the target RPO they give the items naming them: the
 * policy's threshold, else the endpoint's target, else none.
 */
class ReplicationPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VAULT = "/Subscriptions/1111/resourceGroups/rg-dr/providers/"
            + "Microsoft.RecoveryServices/vaults/rsv-weu";
    private static final Instant NOW = Instant.parse("2025-01-01T09:10:00Z");

    private static JsonNode policy(String name, String details) throws Exception {
        return JSON.readTree("{\"id\":\"" + VAULT + "/replicationPolicies/" + name + "\",\"name\":\"" + name + "\","
                + "\"type\":\"Microsoft.RecoveryServices/vaults/replicationPolicies\",\"properties\":{\"friendlyName\":\""
                + name + "\"" + (details == null ? "" : ",\"providerSpecificDetails\":" + details) + "}}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"instanceType\":\"A2A\",\"recoveryPointThresholdInMinutes\":30,\"recoveryPointHistory\":1440,"
                + "\"appConsistentFrequencyInMinutes\":240,\"crashConsistentFrequencyInMinutes\":5,"
                + "\"multiVmSyncStatus\":\"Enabled\"} | 30",
        "{\"instanceType\":\"InMageAzureV2\",\"recoveryPointThresholdInMinutes\":15,\"recoveryPointHistory\":4320,"
                + "\"appConsistentFrequencyInMinutes\":60,\"multiVmSyncStatus\":\"Disabled\"} | 15",
        "{\"instanceType\":\"InMage\",\"recoveryPointThresholdInMinutes\":45,\"recoveryPointHistory\":4320} | 45",
        "{\"instanceType\":\"a2a\",\"recoveryPointThresholdInMinutes\":\"90\"} | 90",
    })
    void aProviderWithAThresholdGivesItInMinutesFromANumberOrAString(String details, long minutes) throws Exception {
        ReplicationPolicy p = ReplicationPolicy.of(policy("pol-1", details));

        assertThat(p.recoveryPointThreshold()).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(p.id()).isEqualTo(VAULT.toLowerCase() + "/replicationpolicies/pol-1");
        assertThat(p.name()).isEqualTo("pol-1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"instanceType\":\"HyperVReplicaAzure\",\"replicationInterval\":300,\"recoveryPointHistoryDurationInHours\":24,"
                + "\"applicationConsistentSnapshotFrequencyInHours\":4}",
        "{\"instanceType\":\"HyperVReplicaAzure\",\"replicationInterval\":\"30\",\"recoveryPointHistoryDurationInHours\":\"2\"}",
        "{\"instanceType\":\"InMageRcm\",\"recoveryPointHistoryInMinutes\":4320,\"appConsistentFrequencyInMinutes\":240,"
                + "\"crashConsistentFrequencyInMinutes\":5}",
        "{\"instanceType\":\"HyperVReplica2012\",\"replicationFrequencyInSeconds\":300}",
        "{\"instanceType\":\"HyperVReplica2012R2\",\"replicationFrequencyInSeconds\":900}",
        "{\"instanceType\":\"VMwareCbt\",\"recoveryPointThresholdInMinutes\":10}",
    })
    void aProviderWithoutAThresholdHasNoneAndNoneIsMadeFromItsInterval(String details) throws Exception {
        ReplicationPolicy p = ReplicationPolicy.of(policy("pol-2", details));

        assertThat(p.recoveryPointThreshold()).isNull();
        assertThat(p.instanceType()).isEqualTo(JSON.readTree(details).get("instanceType").asText());
    }

    @Test
    void aPolicyWithoutDetailsHasNoTypeAndNoThreshold() throws Exception {
        ReplicationPolicy p = ReplicationPolicy.of(policy("bare", null));

        assertThat(p.instanceType()).isNull();
        assertThat(p.recoveryPointThreshold()).isNull();
    }

    @Test
    void aThresholdThatIsNotAPositiveNumberIsRefusedNamingThePolicyTheFieldAndTheValue() {
        assertThatThrownBy(() -> ReplicationPolicy.of(policy("weird",
                "{\"instanceType\":\"A2A\",\"recoveryPointThresholdInMinutes\":\"an hour\"}")))
                .isInstanceOf(UnusableItemException.class)
                .hasMessageContaining("weird").hasMessageContaining("recoveryPointThresholdInMinutes")
                .hasMessageContaining("an hour");
        assertThatThrownBy(() -> ReplicationPolicy.of(policy("zero",
                "{\"instanceType\":\"A2A\",\"recoveryPointThresholdInMinutes\":0}")))
                .isInstanceOf(UnusableItemException.class).hasMessageContaining("must be positive (and at most 100 years) but was 0");
        // found by AzureMapperFuzzTest: Long.MAX_VALUE minutes threw an ArithmeticException, failing the vault
        assertThatThrownBy(() -> ReplicationPolicy.of(policy("huge",
                "{\"instanceType\":\"A2A\",\"recoveryPointThresholdInMinutes\":9223372036854775807}")))
                .isInstanceOf(UnusableItemException.class).hasMessageContaining("at most 100 years");
        assertThatThrownBy(() -> ReplicationPolicy.of(JSON.readTree("{\"name\":\"x\"}")))
                .isInstanceOf(UnusableItemException.class).hasMessageContaining("no id");
    }

    @Test
    void anItemGetsItsPolicysThresholdElseTheEndpointsTargetElseNone() throws Exception {
        SiteResolver sites = new SiteResolver("azure-weu", "westeurope", name -> Optional.empty(), "endpoints[az].azure");
        ProtectedItemMapper withTarget = new ProtectedItemMapper("azure-weu", sites, 900L);
        ProtectedItemMapper withoutTarget = new ProtectedItemMapper("azure-weu", sites, null);
        ReplicationPolicy a2a = ReplicationPolicy.of(policy("a2a-24h",
                "{\"instanceType\":\"A2A\",\"recoveryPointThresholdInMinutes\":30}"));
        ReplicationPolicy hyperV = ReplicationPolicy.of(policy("hv-5min",
                "{\"instanceType\":\"HyperVReplicaAzure\",\"replicationInterval\":300}"));
        Map<String, ReplicationPolicy> policies = Map.of(a2a.id(), a2a, hyperV.id(), hyperV);

        // ARM's capital S in /Subscriptions/ and other case differences do not matter.
        JsonNode namesA2a = item(VAULT.toUpperCase() + "/replicationPolicies/A2A-24H");
        JsonNode namesHyperV = item(VAULT + "/replicationPolicies/hv-5min");
        JsonNode namesMissing = item(VAULT + "/replicationPolicies/deleted-meanwhile");
        JsonNode namesNone = item(null);

        assertThat(withTarget.map(namesA2a, "westeurope", policies, NOW).status().targetRpoSeconds()).isEqualTo(1800L);
        assertThat(withoutTarget.map(namesA2a, "westeurope", policies, NOW).status().targetRpoSeconds()).isEqualTo(1800L);
        assertThat(withTarget.map(namesHyperV, "westeurope", policies, NOW).status().targetRpoSeconds()).isEqualTo(900L);
        assertThat(withTarget.map(namesMissing, "westeurope", policies, NOW).status().targetRpoSeconds()).isEqualTo(900L);
        assertThat(withTarget.map(namesNone, "westeurope", policies, NOW).status().targetRpoSeconds()).isEqualTo(900L);
        assertThat(withoutTarget.map(namesHyperV, "westeurope", policies, NOW).status().targetRpoSeconds()).isNull();
        assertThat(withoutTarget.map(namesMissing, "westeurope", Map.of(), NOW).status().targetRpoSeconds()).isNull();
        assertThat(ProtectedItemMapper.policyId(namesA2a)).isEqualTo(a2a.id());
        assertThat(ProtectedItemMapper.policyId(namesNone)).isNull();
    }

    private static JsonNode item(String policyId) throws Exception {
        return JSON.readTree("{\"id\":\"" + VAULT + "/replicationFabrics/f/replicationProtectionContainers/c/"
                + "replicationProtectedItems/app01\",\"properties\":{\"friendlyName\":\"app01\","
                + (policyId == null ? "" : "\"policyId\":\"" + policyId + "\",\"policyFriendlyName\":\"p\",")
                + "\"protectionState\":\"Protected\",\"activeLocation\":\"Primary\",\"replicationHealth\":\"Normal\","
                + "\"providerSpecificDetails\":{\"instanceType\":\"A2A\",\"rpoInSeconds\":60,"
                + "\"lastRpoCalculatedTime\":\"2025-01-01T09:05:00Z\",\"primaryFabricLocation\":\"westeurope\","
                + "\"recoveryFabricLocation\":\"northeurope\"}}}");
    }
}
