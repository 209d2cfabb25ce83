package org.sitewatch.collectors.vmware.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.CLUSTER;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.HOST;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.SITE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

class VsphereVmMapperTest {

    private final VsphereVmMapper mapper = new VsphereVmMapper(SITE);

    @ParameterizedTest(name = "powerState={0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "poweredOn,   RUNNING",
        "poweredOff,  STOPPED",
        "suspended,   SUSPENDED",
        "hibernating, UNKNOWN",
        "-,           UNKNOWN",
    })
    void shouldMapEveryPowerStateAndKeepTheWord(String word, PowerState expected) {
        VmState vm = mapper.map(vm(word, "connected", true), true);

        assertThat(vm.power()).isEqualTo(expected);
        assertThat(vm.vendorState()).isEqualTo(word);
        VsphereFixtures.assertValid(vm);
    }

    @ParameterizedTest(name = "connectionState={0} -> {1} ({2})")
    @CsvSource(nullValues = "-", value = {
        "connected,    RUNNING, poweredOn",
        "-,            RUNNING, poweredOn",
        "disconnected, UNKNOWN, disconnected",
        "orphaned,     UNKNOWN, orphaned",
        "inaccessible, UNKNOWN, inaccessible",
        "invalid,      UNKNOWN, invalid",
        "lost,         UNKNOWN, lost",
    })
    void shouldNotTrustThePowerStateOfAVmVcenterIsNotConnectedTo(String connection, PowerState expected,
                                                                 String vendorState) {
        VmState vm = mapper.map(vm("poweredOn", connection, true), true);

        assertThat(vm.power()).isEqualTo(expected);
        assertThat(vm.vendorState()).isEqualTo(vendorState);
    }

    @ParameterizedTest(name = "dasProtected={0} cluster={1} clusterHaEnabled={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "true,  domain-c8, true,  true",
        "false, domain-c8, true,  false",
        "true,  domain-c8, -,     true",
        "-,     domain-c8, false, false",
        "-,     domain-c8, -,     -",
        "-,     domain-c8, true,  -",
        "-,     -,         -,     false",
    })
    void shouldTakeHaProtectionFromDasProtectedAndKnowThatNoHaMeansUnprotected(Boolean dasProtected, String cluster,
                                                                               Boolean clusterHa, Boolean expected) {
        VmProperties props = new VmProperties("vm-42", "app01", "poweredOn", "connected", dasProtected, HOST,
                cluster == null ? null : EntityRef.of(cluster));

        assertThat(mapper.map(props, clusterHa).haProtected()).isEqualTo(expected);
    }

    @Test
    void shouldNameHostAndClusterByTheirMoRefs() {
        VmState vm = mapper.map(vm("poweredOn", "connected", true), true);

        assertThat(vm).isEqualTo(new VmState(SITE, Platform.VSPHERE, "vm-42", "app01", "host-12", "domain-c8",
                PowerState.RUNNING, "poweredOn", true, null, false));
    }

    @Test
    void shouldMapAVmWithOnlyItsMoRef() {
        VmState vm = mapper.map(new VmProperties("vm-7", null, null, null, null, null, null), null);

        assertThat(vm.power()).isEqualTo(PowerState.UNKNOWN);
        assertThat(vm.host()).isNull();
        assertThat(vm.haProtected()).as("no cluster, so no HA").isFalse();
        VsphereFixtures.assertValid(vm);
    }

    private static VmProperties vm(String power, String connection, Boolean dasProtected) {
        return new VmProperties("vm-42", "app01", power, connection, dasProtected, HOST, CLUSTER);
    }
}
