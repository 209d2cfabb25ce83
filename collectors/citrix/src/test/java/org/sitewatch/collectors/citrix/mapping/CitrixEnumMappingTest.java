package org.sitewatch.collectors.citrix.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/**
 * Every value of the Monitor Service enums the collector reads, as the vendor reference lists them
 * (codes and names), how each maps, unknown integers kept raw, and integers sent as strings.
 */
class CitrixEnumMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTablesHoldEveryDocumentedCodeWithItsName() {
        assertThat(CitrixEnums.REGISTRATION_STATE.documented()).containsExactlyInAnyOrderEntriesOf(
                Map.of(0, "Unknown", 1, "Registered", 2, "Unregistered"));
        assertThat(CitrixEnums.FAULT_STATE.documented()).containsExactlyInAnyOrderEntriesOf(Map.of(0, "Unknown",
                1, "None", 2, "FailedToStart", 3, "StuckOnBoot", 4, "Unregistered", 5, "MaxCapacity",
                6, "VirtualMachineNotFound"));
        assertThat(CitrixEnums.LIFECYCLE_STATE.documented()).containsExactlyInAnyOrderEntriesOf(Map.of(0, "Active",
                1, "Deleted", 2, "RequiresResolution", 3, "Stub"));
        assertThat(CitrixEnums.MACHINE_ROLE.documented()).containsExactlyInAnyOrderEntriesOf(Map.of(0, "Vda", 1, "Ddc",
                2, "Both"));
        assertThat(CitrixEnums.POWER_STATE.documented()).hasSize(12).containsEntry(3, "On").containsEntry(11,
                "VirtualMachineNotFound");
        assertThat(CitrixEnums.DEREGISTRATION_REASON.documented()).hasSize(37)
                .containsEntry(0, "AgentShutdown").containsEntry(115, "VMNotCompatibleWithDdc")
                .containsEntry(207, "ContactLost").containsEntry(302, "RegistrationStateMismatch")
                .containsEntry(402, "HypervisorRateLimitExceeded").containsEntry(1002, "Unknown");
    }

    @ParameterizedTest(name = "PowerStateCode {0} {1} -> {2}")
    @CsvSource({
        "0, Unknown, UNKNOWN", "1, Unavailable, UNKNOWN", "2, Off, STOPPED", "3, On, RUNNING",
        "4, Suspended, SUSPENDED", "5, TurningOn, STOPPED", "6, TurningOff, RUNNING", "7, Suspending, RUNNING",
        "8, Resuming, SUSPENDED", "9, Unmanaged, UNKNOWN", "10, NotSupported, UNKNOWN",
        "11, VirtualMachineNotFound, UNKNOWN", "12, UNKNOWN, UNKNOWN", "-1, UNKNOWN, UNKNOWN"})
    void everyPowerStateMaps(int code, String name, PowerState expected) {
        CitrixCode power = CitrixEnums.POWER_STATE.of(code);
        assertThat(power.name()).isEqualTo(name);
        assertThat(MachineMapper.power(power)).isEqualTo(expected);
    }

    @Test
    void everyDeregistrationReasonIsNamedInTheVendorStateOfAnUnregisteredMachine() throws Exception {
        for (Map.Entry<Integer, String> reason : CitrixEnums.DEREGISTRATION_REASON.documented().entrySet()) {
            VmState vm = map(machine().put("CurrentRegistrationState", 2).put("LastDeregisteredCode", reason.getKey()));
            assertThat(vm.vendorState()).contains("Unregistered: " + reason.getValue() + " (" + reason.getKey() + ")");
        }
        assertThat(map(machine().put("CurrentRegistrationState", 2).put("LastDeregisteredCode", 777)).vendorState())
                .contains("Unregistered: UNKNOWN (777)");
        assertThat(map(machine().put("LastDeregisteredCode", 207)).vendorState())
                .as("a registered machine's last deregistration is history").doesNotContain("ContactLost");
    }

    @Test
    void everyRegistrationFaultAndRoleValueShowsInTheVendorState() throws Exception {
        assertThat(map(machine().put("CurrentRegistrationState", 0)).vendorState()).contains(", Unknown");
        assertThat(map(machine().put("CurrentRegistrationState", 1)).vendorState()).contains(", Registered");
        assertThat(map(machine().put("CurrentRegistrationState", 9)).vendorState()).contains(", UNKNOWN (9)");
        for (Map.Entry<Integer, String> fault : CitrixEnums.FAULT_STATE.documented().entrySet()) {
            String state = map(machine().put("FaultState", fault.getKey())).vendorState();
            if (fault.getKey() == 1) {
                assertThat(state).doesNotContain("fault");
            } else {
                assertThat(state).contains("fault " + fault.getValue() + " (" + fault.getKey() + ")");
            }
        }
        assertThat(map(machine().put("FaultState", 40)).vendorState()).contains("fault UNKNOWN (40)");
        assertThat(map(machine().put("MachineRole", 0)).vendorState()).doesNotContain("role");
        assertThat(map(machine().put("MachineRole", 1)).vendorState()).contains("role Ddc (1)");
        assertThat(map(machine().put("MachineRole", 2)).vendorState()).contains("role Both (2)");
        assertThat(map(machine().put("MachineRole", 5)).vendorState()).contains("role UNKNOWN (5)");
        for (Map.Entry<Integer, String> lifecycle : CitrixEnums.LIFECYCLE_STATE.documented().entrySet()) {
            assertThat(Machine.parse(machine().put("LifecycleState", lifecycle.getKey())).lifecycle().name())
                    .isEqualTo(lifecycle.getValue());
        }
        assertThat(Machine.parse(machine().put("LifecycleState", 8)).lifecycle()).isEqualTo(new CitrixCode(8, "UNKNOWN"));
    }

    @Test
    void aMachineMapsToAVmStateOnItsHostingServerInItsDeliveryGroup() throws Exception {
        VmState vm = new MachineMapper("amsterdam", host -> host.equals("hv-dr") ? "rotterdam" : "amsterdam")
                .map(Machine.parse(machine()));
        assertThat(vm).isEqualTo(new VmState("amsterdam", Platform.CITRIX, "6f0c1e2d-0000-4000-8000-000000000001",
                "CORP\\vda-0001", "hv-1", "Office", PowerState.RUNNING, "power On, Registered, sessions 12", null,
                null, false));
        ObjectNode unregistered = machine().put("HostingServerName", "hv-dr").put("CurrentRegistrationState", 2)
                .put("CurrentPowerState", 0).put("FaultState", 4).put("LastDeregisteredCode", 207)
                .put("IsInMaintenanceMode", true).put("CurrentSessionCount", 0);
        VmState lost = new MachineMapper("amsterdam", host -> host.equals("hv-dr") ? "rotterdam" : "amsterdam")
                .map(Machine.parse(unregistered));
        assertThat(lost.site()).isEqualTo("rotterdam");
        assertThat(lost.power()).isEqualTo(PowerState.UNKNOWN);
        assertThat(lost.vendorState()).isEqualTo("power Unknown, Unregistered: ContactLost (207), fault Unregistered (4), "
                + "in maintenance, sessions 0");
    }

    @Test
    void integersAndBooleansMayArriveAsStrings() throws Exception {
        ObjectNode strings = machine().put("CurrentRegistrationState", "2").put("CurrentPowerState", " 3 ")
                .put("FaultState", "4").put("LastDeregisteredCode", "207").put("IsInMaintenanceMode", "true")
                .put("CurrentSessionCount", "5").put("LifecycleState", "0").put("MachineRole", "0");
        Machine m = Machine.parse(strings);
        assertThat(m.registration().name()).isEqualTo("Unregistered");
        assertThat(m.power().name()).isEqualTo("On");
        assertThat(m.fault().name()).isEqualTo("Unregistered");
        assertThat(m.lastDeregistration().name()).isEqualTo("ContactLost");
        assertThat(m.maintenance()).isTrue();
        assertThat(m.sessions()).isEqualTo(5);
    }

    @Test
    void aRecordItCannotReadIsRefusedWithTheFieldAndTheMachine() {
        assertThatThrownBy(() -> Machine.parse(machine().put("CurrentPowerState", "on")))
                .isInstanceOf(UnusableMachineException.class)
                .hasMessage("machine 6f0c1e2d-0000-4000-8000-000000000001: CurrentPowerState is not a whole number but \"on\"");
        assertThatThrownBy(() -> Machine.parse(machine().put("IsInMaintenanceMode", 1)))
                .hasMessageContaining("IsInMaintenanceMode is not true or false but 1");
        assertThatThrownBy(() -> Machine.parse(machine().remove("Id") == null ? null : json("{\"Name\":\"CORP\\\\x\"}")))
                .hasMessageContaining("without Id (Name CORP\\x)");
    }

    @Test
    void theDeliveryGroupComesFromTheExpansionOrElseItsId() throws Exception {
        assertThat(Machine.parse(machine()).groupName()).isEqualTo("Office");
        ObjectNode notExpanded = machine();
        notExpanded.remove("DesktopGroup");
        assertThat(Machine.parse(notExpanded).groupName()).isEqualTo("a1b2c3d4-0000-4000-8000-00000000000a");
        ObjectNode noGroup = machine().putNull("DesktopGroupId").putNull("DesktopGroup");
        assertThat(Machine.parse(noGroup).groupId()).isNull();
        assertThat(Machine.parse(noGroup).groupName()).isNull();
    }

    private static VmState map(ObjectNode record) throws UnusableMachineException {
        return new MachineMapper("amsterdam", host -> "amsterdam").map(Machine.parse(record));
    }

    /** A registered, powered-on machine as the Citrix example answer shows one. */
    static ObjectNode machine() {
        return (ObjectNode) json("""
                {"Id":"6f0c1e2d-0000-4000-8000-000000000001","Name":"CORP\\\\vda-0001","DnsName":"vda-0001.corp.example",
                 "LifecycleState":0,"IsInMaintenanceMode":false,"CurrentRegistrationState":1,"LastDeregisteredCode":null,
                 "CurrentPowerState":3,"CurrentSessionCount":12,"FaultState":1,"HostingServerName":"hv-1",
                 "DesktopGroupId":"a1b2c3d4-0000-4000-8000-00000000000a","MachineRole":0,
                 "DesktopGroup":{"Id":"a1b2c3d4-0000-4000-8000-00000000000a","Name":"Office"}}""");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
