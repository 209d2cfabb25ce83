package org.sitewatch.collectors.azure.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.azure.mapping.ProviderDetails.Direction;

/** providerSpecificDetails of each instanceType the vendor doc lists (section 2.4). */
class ProviderDetailsTest {

    private static final Instant NOW = Instant.parse("2025-01-01T09:10:00Z");

    private static ProviderDetails read(String json) throws Exception {
        return ProviderDetails.of(new ObjectMapper().readTree(json));
    }

    @Test
    void shouldReadA2aAsAzureToAzureWithItsRegionsAndVms() throws Exception {
        ProviderDetails d = read("{\"instanceType\":\"A2A\",\"rpoInSeconds\":1860,\"lastRpoCalculatedTime\":"
                + "\"2025-01-01T09:05:00Z\",\"monitoringPercentageCompletion\":null,\"primaryFabricLocation\":\"westeurope\","
                + "\"recoveryFabricLocation\":\"northeurope\",\"fabricObjectId\":\"/subscriptions/s/resourceGroups/rg/providers/"
                + "Microsoft.Compute/virtualMachines/vm-app01\",\"recoveryAzureVMName\":\"vm-app01-asr\","
                + "\"recoveryAzureResourceGroupId\":\"/subscriptions/s/resourceGroups/RG-Recovery/\"}");

        assertThat(d.direction()).isEqualTo(Direction.AZURE_TO_AZURE);
        assertThat(d.rpo()).isEqualTo(Duration.ofSeconds(1860));
        assertThat(d.rpoMeasuredAt()).isEqualTo(Instant.parse("2025-01-01T09:05:00Z"));
        assertThat(d.lastRecoveryPoint()).isEqualTo(Instant.parse("2025-01-01T08:34:00Z"));
        assertThat(d.lagSeconds(NOW)).isEqualTo(2160);
        assertThat(d.primaryRegion()).isEqualTo("westeurope");
        assertThat(d.recoveryRegion()).isEqualTo("northeurope");
        assertThat(d.protectedVmId()).endsWith("/virtualMachines/vm-app01");
        assertThat(d.recoveryVmId())
                .isEqualTo("/subscriptions/s/resourcegroups/rg-recovery/providers/microsoft.compute/virtualmachines/vm-app01-asr");
    }

    /** Found by AzureMapperFuzzTest: an rpoInSeconds of Long.MAX_VALUE threw a DateTimeException, failing the vault. */
    @Test
    void shouldRefuseAnRpoNoReplicationCanHaveAsAnUnusableItem() {
        assertThatThrownBy(() -> read("{\"instanceType\":\"InMageAzureV2\",\"rpoInSeconds\":9223372036854775807,"
                + "\"lastRpoCalculatedTime\":\"2025-01-01T09:05:00Z\"}"))
                .isInstanceOf(UnusableItemException.class).hasMessageContaining("rpoInSeconds");
    }

    @Test
    void shouldReadHyperVReplicaAzurePreferringTheRecoveryPointReceived() throws Exception {
        ProviderDetails d = read("{\"instanceType\":\"HyperVReplicaAzure\",\"rpoInSeconds\":600,"
                + "\"lastRpoCalculatedTime\":\"2025-01-01T09:05:00Z\",\"lastRecoveryPointReceived\":\"2025-01-01T09:00:00Z\","
                + "\"lastReplicatedTime\":\"2025-01-01T09:08:00Z\",\"vmId\":\"6d1f3a4e\",\"recoveryAzureVmName\":\"sql01\","
                + "\"recoveryAzureResourceGroupId\":\"/subscriptions/s/resourceGroups/rg\"}");

        assertThat(d.direction()).isEqualTo(Direction.ON_PREMISES_TO_AZURE);
        assertThat(d.lastRecoveryPoint()).isEqualTo(Instant.parse("2025-01-01T09:00:00Z"));
        assertThat(d.lagSeconds(NOW)).isEqualTo(600);
        assertThat(d.protectedVmId()).isEqualTo("6d1f3a4e");
        assertThat(d.recoveryVmId()).endsWith("/virtualmachines/sql01");
    }

    @Test
    void shouldFallBackToTheLastReplicationOfAHyperVItemWithoutARecoveryPoint() throws Exception {
        ProviderDetails d = read("{\"instanceType\":\"HyperVReplicaAzure\",\"lastReplicatedTime\":\"2025-01-01T09:08:00Z\"}");

        assertThat(d.rpo()).isNull();
        assertThat(d.lastRecoveryPoint()).isEqualTo(Instant.parse("2025-01-01T09:08:00Z"));
        assertThat(d.lagSeconds(NOW)).isEqualTo(120);
    }

    @Test
    void shouldReadInMageRcmsLastRpoInSeconds() throws Exception {
        ProviderDetails d = read("{\"instanceType\":\"InMageRcm\",\"lastRpoInSeconds\":\"45\",\"rpoInSeconds\":9999,"
                + "\"lastRpoCalculatedTime\":\"2025-01-01T09:09:00Z\",\"resyncRequired\":\"false\","
                + "\"discoveredVmDetails\":{\"powerStatus\":\"OFF\"}}");

        assertThat(d.direction()).isEqualTo(Direction.ON_PREMISES_TO_AZURE);
        assertThat(d.rpo()).isEqualTo(Duration.ofSeconds(45));
        assertThat(d.lastRecoveryPoint()).isEqualTo(Instant.parse("2025-01-01T09:08:15Z"));
        assertThat(d.lagSeconds(NOW)).isEqualTo(105);
    }

    @Test
    void shouldReadInMageAzureV2() throws Exception {
        ProviderDetails d = read("{\"instanceType\":\"InMageAzureV2\",\"rpoInSeconds\":60,"
                + "\"lastRpoCalculatedTime\":\"2025-01-01T09:09:00Z\",\"recoveryAzureVMName\":\"db01\"}");

        assertThat(d.direction()).isEqualTo(Direction.ON_PREMISES_TO_AZURE);
        assertThat(d.lagSeconds(NOW)).isEqualTo(120);
        assertThat(d.recoveryVmName()).isEqualTo("db01");
        assertThat(d.recoveryVmId()).as("no resource group given").isNull();
    }

    @Test
    void shouldReadHyperVReplicaToASecondSite() throws Exception {
        for (String type : new String[] {"HyperVReplica2012", "HyperVReplica2012R2", "HyperVReplicaBaseReplicationDetails"}) {
            ProviderDetails d = read("{\"instanceType\":\"" + type + "\",\"lastReplicatedTime\":\"2025-01-01T09:00:00Z\"}");

            assertThat(d.direction()).as(type).isEqualTo(Direction.ON_PREMISES_TO_ON_PREMISES);
            assertThat(d.rpo()).as(type).isNull();
            assertThat(d.lagSeconds(NOW)).as(type).isEqualTo(600);
        }
    }

    @Test
    void shouldKeepAnUnknownTypeWithoutGuessingItsFields() throws Exception {
        ProviderDetails d = read("{\"instanceType\":\"VMwareCbt\",\"rpoInSeconds\":60}");

        assertThat(d.instanceType()).isEqualTo("VMwareCbt");
        assertThat(d.direction()).isEqualTo(Direction.UNKNOWN);
        assertThat(d.rpo()).isNull();
        assertThat(d.lagSeconds(NOW)).isNull();
        assertThat(ProviderDetails.of(null).direction()).isEqualTo(Direction.UNKNOWN);
    }

    @Test
    void shouldUseTheRpoAloneWhenItsMeasurementTimeIsMissing() throws Exception {
        assertThat(read("{\"instanceType\":\"A2A\",\"rpoInSeconds\":75}").lagSeconds(NOW)).isEqualTo(75);
    }

    @Test
    void shouldRefuseAnRpoThatIsNotANumber() {
        JsonNode bad;
        try {
            bad = new ObjectMapper().readTree("{\"instanceType\":\"A2A\",\"rpoInSeconds\":\"soon\"}");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> ProviderDetails.of(bad)).isInstanceOf(UnusableItemException.class)
                .hasMessage("rpoInSeconds 'soon' is not a number");
    }
}
