package org.sitewatch.collectors.azure.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.azure.mapping.ProtectedItemMapper.MappedItem;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/** One protected item to a ReplicationStatus: the doc's example, the pair's sites, states and reasons. */
class ProtectedItemMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-01-01T09:10:00Z");
    /** The vendor doc's illustrative A2A list entry (section 2.4), verbatim apart from the elided ids. */
    private static final String DOC_EXAMPLE = "{\"id\":\"/Subscriptions/1111/resourceGroups/rg-dr/providers/"
            + "Microsoft.RecoveryServices/vaults/rsv-weu/replicationFabrics/asr-a2a-default-westeurope/"
            + "replicationProtectionContainers/asr-a2a-default-westeurope-container/replicationProtectedItems/vm-app01-9f2c\","
            + "\"name\":\"vm-app01-9f2c\",\"type\":\"Microsoft.RecoveryServices/vaults/replicationFabrics/"
            + "replicationProtectionContainers/replicationProtectedItems\",\"properties\":{\"friendlyName\":\"vm-app01\","
            + "\"protectedItemType\":\"\",\"primaryFabricFriendlyName\":\"West Europe\",\"recoveryFabricFriendlyName\":"
            + "\"North Europe\",\"protectionState\":\"Protected\",\"protectionStateDescription\":\"Protected\","
            + "\"activeLocation\":\"Primary\",\"testFailoverState\":\"None\",\"testFailoverStateDescription\":\"None\","
            + "\"replicationHealth\":\"Warning\",\"failoverHealth\":\"Normal\",\"healthErrors\":[{\"errorLevel\":\"Warning\","
            + "\"errorCode\":\"153007\",\"summaryMessage\":\"RPO exceeded\",\"errorMessage\":\"...\",\"possibleCauses\":\"...\","
            + "\"recommendedAction\":\"...\",\"creationTimeUtc\":\"2025-01-01T09:00:00Z\",\"entityId\":\"...\",\"errorId\":\"...\","
            + "\"customerResolvability\":\"NotAllowed\",\"innerHealthErrors\":[]}],\"allowedOperations\":[\"UnplannedFailover\","
            + "\"TestFailover\",\"DisableProtection\"],\"currentScenario\":{\"scenarioName\":\"None\",\"jobId\":"
            + "\"/Subscriptions/1111/replicationJobs/None\",\"startTime\":\"1753-01-01T01:01:01Z\"},\"providerSpecificDetails\":"
            + "{\"instanceType\":\"A2A\",\"rpoInSeconds\":1860,\"lastRpoCalculatedTime\":\"2025-01-01T09:05:00Z\","
            + "\"monitoringPercentageCompletion\":null,\"monitoringJobType\":null,\"vmProtectionState\":\"Protected\","
            + "\"primaryFabricLocation\":\"westeurope\",\"recoveryFabricLocation\":\"northeurope\","
            + "\"lastHeartbeat\":\"2025-01-01T09:04:30Z\"}}}";

    private final SiteResolver sites = new SiteResolver("azure-weu", "westeurope",
            name -> Optional.ofNullable(Map.of("paris-hv", "paris", "marseille-hv", "marseille").get(name.toLowerCase())),
            "endpoints[az].azure");
    private final ProtectedItemMapper mapper = new ProtectedItemMapper("azure-weu", sites, 900L);

    private static ObjectNode example() throws Exception {
        return (ObjectNode) JSON.readTree(DOC_EXAMPLE);
    }

    private static ObjectNode props(ObjectNode item) {
        return (ObjectNode) item.get("properties");
    }

    private ReplicationStatus map(ObjectNode item) {
        return mapper.map(item, "westeurope", NOW).status();
    }

    @Test
    void shouldMapTheVendorDocsExample() throws Exception {
        MappedItem mapped = mapper.map(example(), "westeurope", NOW);
        ReplicationStatus s = mapped.status();

        assertThat(s.itemId()).isEqualTo("/subscriptions/1111/resourcegroups/rg-dr/providers/microsoft.recoveryservices/"
                + "vaults/rsv-weu/replicationfabrics/asr-a2a-default-westeurope/replicationprotectioncontainers/"
                + "asr-a2a-default-westeurope-container/replicationprotecteditems/vm-app01-9f2c");
        assertThat(s.site()).isEqualTo("azure-weu");
        assertThat(s.platform()).isEqualTo(Platform.AZURE);
        assertThat(s.name()).isEqualTo("vm-app01");
        assertThat(s.sourceSite()).isEqualTo("azure-weu");
        assertThat(s.targetSite()).as("an unmapped region is a site of its own").isEqualTo("northeurope");
        assertThat(s.technology()).isEqualTo("asr");
        assertThat(s.state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(s.health()).isEqualTo(ReplicationHealth.WARNING);
        assertThat(s.vendorState()).isEqualTo("Protected");
        assertThat(s.targetRpoSeconds()).isEqualTo(900);
        assertThat(s.lastRecoveryPoint()).isEqualTo(Instant.parse("2025-01-01T08:34:00Z"));
        assertThat(s.lagSeconds()).isEqualTo(2160);
        assertThat(s.lastTestFailover()).isNull();
        assertThat(s.error()).isEqualTo("153007: RPO exceeded");
        assertThat(s.removed()).isFalse();
        assertThat(mapped.azureVmIds()).as("no fabricObjectId in the example").isEmpty();
    }

    @Test
    void shouldMapAFailedOverItemAsFailedOverWhateverItsProtectionState() throws Exception {
        ObjectNode item = example();
        props(item).put("activeLocation", "Recovery").put("protectionState", "Protected").put("replicationHealth", "Normal")
                .putArray("healthErrors");

        assertThat(map(item).state()).isEqualTo(ReplicationState.FAILED_OVER);
        assertThat(map(item).error()).isNull();
    }

    @Test
    void shouldMapAFailedFailoverAsFailedWithItsDescription() throws Exception {
        ObjectNode item = example();
        props(item).put("protectionState", "UnplannedFailoverFailed").put("protectionStateDescription", "Failover failed")
                .put("replicationHealth", "Critical").put("failoverHealth", "Warning").putArray("healthErrors");

        ReplicationStatus s = map(item);

        assertThat(s.state()).isEqualTo(ReplicationState.FAILED);
        assertThat(s.health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(s.error()).isEqualTo("failover health Warning");
    }

    @Test
    void shouldKeepAnUnknownProtectionStateRaw() throws Exception {
        ObjectNode item = example();
        props(item).put("protectionState", "InitialReplicationInProgress").put("replicationHealth", "Normal")
                .putArray("healthErrors");

        ReplicationStatus s = map(item);

        assertThat(s.state()).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(s.vendorState()).isEqualTo("InitialReplicationInProgress");
        assertThat(s.health()).isEqualTo(ReplicationHealth.OK);
    }

    @Test
    void shouldNameTheScenarioInProgressAndATestFailoverBeingCleanedUp() throws Exception {
        ObjectNode item = example();
        props(item).put("replicationHealth", "Normal").put("testFailoverState", "MarkedForDeletion")
                .put("testFailoverStateDescription", "Cleaning up test environment")
                .put("lastSuccessfulTestFailoverTime", "2025-01-01T07:00:00Z").putArray("healthErrors");
        ((ObjectNode) props(item).get("currentScenario")).put("scenarioName", "TestFailoverCleanup")
                .put("startTime", "2025-01-01T09:00:00Z");

        ReplicationStatus s = map(item);

        assertThat(s.error()).isEqualTo("scenario TestFailoverCleanup in progress; test failover MarkedForDeletion "
                + "(Cleaning up test environment)");
        assertThat(s.lastTestFailover()).isEqualTo(Instant.parse("2025-01-01T07:00:00Z"));
    }

    @Test
    void shouldPairAnOnPremisesHyperVSiteWithTheVaultsRegion() throws Exception {
        ObjectNode item = example();
        props(item).put("primaryFabricFriendlyName", "PARIS-HV").put("recoveryFabricFriendlyName", "Microsoft Azure");
        props(item).set("providerSpecificDetails", JSON.readTree("{\"instanceType\":\"HyperVReplicaAzure\","
                + "\"rpoInSeconds\":30,\"lastRpoCalculatedTime\":\"2025-01-01T09:09:00Z\",\"vmId\":\"guid-1\"}"));

        ReplicationStatus s = map(item);

        assertThat(s.sourceSite()).isEqualTo("paris");
        assertThat(s.targetSite()).isEqualTo("azure-weu");
        assertThat(s.vmId()).isEqualTo("guid-1");
        assertThat(s.lagSeconds()).isEqualTo(90);
    }

    @Test
    void shouldPairTwoOnPremisesHyperVSites() throws Exception {
        ObjectNode item = example();
        props(item).put("primaryFabricFriendlyName", "paris-hv").put("recoveryFabricFriendlyName", "marseille-hv");
        props(item).set("providerSpecificDetails", JSON.readTree("{\"instanceType\":\"HyperVReplica2012R2\"}"));

        ReplicationStatus s = map(item);

        assertThat(s.sourceSite()).isEqualTo("paris");
        assertThat(s.targetSite()).isEqualTo("marseille");
        assertThat(s.lagSeconds()).isNull();
    }

    @Test
    void shouldRefuseToGuessTheSiteOfAnUnmappedOnPremisesFabric() throws Exception {
        ObjectNode item = example();
        props(item).put("primaryFabricFriendlyName", "lyon-vcenter");
        props(item).set("providerSpecificDetails", JSON.readTree("{\"instanceType\":\"InMageRcm\"}"));

        assertThatThrownBy(() -> map(item)).isInstanceOf(UnusableItemException.class)
                .hasMessage("item vm-app01: its source lyon-vcenter is on premises and in no Sitewatch site: add "
                        + "endpoints[az].azure.sites.lyon-vcenter: <site>");
    }

    @Test
    void shouldMapAnUnknownProviderOnlyFromConfiguredNames() throws Exception {
        ObjectNode item = example();
        props(item).set("providerSpecificDetails", JSON.readTree("{\"instanceType\":\"VMwareCbt\"}"));
        assertThatThrownBy(() -> map(item)).isInstanceOf(UnusableItemException.class).hasMessageContaining("VMwareCbt");

        props(item).put("primaryFabricFriendlyName", "paris-hv");
        ReplicationStatus s = map(item);
        assertThat(s.sourceSite()).isEqualTo("paris");
        assertThat(s.targetSite()).isEqualTo("azure-weu");
    }

    @Test
    void shouldReadARegionDisplayNameAsItsId() {
        assertThat(sites.ofRegion("North Europe")).isEqualTo("northeurope");
        assertThat(sites.ofRegion("West Europe")).as("the endpoint's own region").isEqualTo("azure-weu");
        assertThat(sites.ofRegion(null)).isNull();
    }

    @Test
    void shouldRefuseAnItemWithoutId() throws Exception {
        ObjectNode item = example();
        item.remove("id");

        assertThatThrownBy(() -> map(item)).isInstanceOf(UnusableItemException.class).hasMessage("a protected item has no id");
    }
}
