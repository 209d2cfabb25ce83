package org.sitewatch.collectors.azure.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/** An Azure VM's instance view statuses and Resource Health to a VmState (vendor doc 2.6, 2.7). */
class AzureVmMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AzureVmMapper mapper = new AzureVmMapper("azure-weu");

    private static JsonNode vm(String statuses) throws Exception {
        return JSON.readTree("{\"id\":\"/subscriptions/S/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/vm1\","
                + "\"name\":\"vm1\",\"location\":\"westeurope\",\"properties\":{\"instanceView\":{\"statuses\":" + statuses + "}}}");
    }

    private static JsonNode health(String state) throws Exception {
        return JSON.readTree("{\"properties\":{\"availabilityState\":\"" + state + "\",\"summary\":\"A summary\"}}");
    }

    @Test
    void shouldReadThePowerStateOfTheDocsInstanceView() throws Exception {
        VmState vm = mapper.map(vm("[{\"code\":\"ProvisioningState/succeeded\",\"level\":\"Info\",\"displayStatus\":"
                + "\"Provisioning succeeded\",\"time\":\"2025-01-01T08:00:00+00:00\"},{\"code\":\"PowerState/deallocated\","
                + "\"level\":\"Info\",\"displayStatus\":\"VM deallocated\"}]"), health("Available"), null);

        assertThat(vm.vmId()).isEqualTo("/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm1");
        assertThat(vm.site()).isEqualTo("azure-weu");
        assertThat(vm.name()).isEqualTo("vm1");
        assertThat(vm.power()).isEqualTo(PowerState.STOPPED);
        assertThat(vm.vendorState()).isEqualTo("deallocated");
    }

    @Test
    void shouldAddResourceHealthWhenNotAvailable() throws Exception {
        JsonNode running = vm("[{\"code\":\"PowerState/running\"}]");

        assertThat(mapper.map(running, health("Unavailable"), null).vendorState())
                .isEqualTo("running; Resource Health Unavailable: A summary");
        assertThat(mapper.map(running, health("Unknown"), null).vendorState())
                .isEqualTo("running; Resource Health Unknown: A summary");
        assertThat(mapper.map(running, null, "HTTP 403 AuthorizationFailed").vendorState())
                .isEqualTo("running; Resource Health unreadable: HTTP 403 AuthorizationFailed");
    }

    @Test
    void shouldReadAMissingPowerStateAsUnknown() throws Exception {
        VmState vm = mapper.map(vm("[{\"code\":\"ProvisioningState/updating\"}]"), null, null);

        assertThat(vm.power()).isEqualTo(PowerState.UNKNOWN);
        assertThat(vm.vendorState()).isEqualTo("power state not reported");
    }

    @Test
    void shouldKeepAnUnknownPowerWordRaw() throws Exception {
        VmState vm = mapper.map(vm("[{\"code\":\"PowerState/hibernated\"}]"), null, null);

        assertThat(vm.power()).isEqualTo(PowerState.UNKNOWN);
        assertThat(vm.vendorState()).isEqualTo("hibernated");
    }
}
