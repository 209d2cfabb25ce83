package org.sitewatch.collectors.vmware.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.CLUSTER;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.SITE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;

class VsphereHostMapperTest {

    private final VsphereHostMapper mapper = new VsphereHostMapper(SITE);

    /** Every ClusterDasFdmAvailabilityState of the vendor doc, {@code retry} (API 8.0) included. */
    @ParameterizedTest(name = "dasHostState={0} -> {1}")
    @CsvSource({
        "uninitialized,                DEGRADED",
        "election,                     DEGRADED",
        "master,                       HEALTHY",
        "connectedToMaster,            HEALTHY",
        "networkPartitionedFromMaster, DEGRADED",
        "networkIsolated,              ISOLATED",
        "hostDown,                     FAILED",
        "initializationError,          DEGRADED",
        "uninitializationError,        DEGRADED",
        "fdmUnreachable,               DEGRADED",
        "retry,                        DEGRADED",
        "quarantined,                  UNKNOWN",
    })
    void shouldMapEveryHaAvailabilityStateAndKeepTheWord(String fdmState, HaHostState expected) {
        HaHost host = mapper.map(host(fdmState, "connected", false));

        assertThat(host.state()).isEqualTo(expected);
        assertThat(host.vendorState()).isEqualTo(fdmState);
        VsphereFixtures.assertValid(host);
    }

    /** Without an HA state (HA off, or the host disconnected) the vCenter connection decides. */
    @ParameterizedTest(name = "connectionState={0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "connected,     HEALTHY",
        "notResponding, FAILED",
        "disconnected,  UNKNOWN",
        "unplugged,     UNKNOWN",
        "-,             UNKNOWN",
    })
    void shouldMapEveryConnectionStateWhenHaSaysNothing(String connection, HaHostState expected) {
        HaHost host = mapper.map(host(null, connection, false));

        assertThat(host.state()).isEqualTo(expected);
        assertThat(host.vendorState()).isEqualTo(connection);
        VsphereFixtures.assertValid(host);
    }

    @ParameterizedTest(name = "dasHostState={0} connectionState={1} -> {2}")
    @CsvSource({
        "connectedToMaster, notResponding, DEGRADED",
        "master,            disconnected,  DEGRADED",
        "hostDown,          notResponding, FAILED",
        "networkIsolated,   notResponding, ISOLATED",
    })
    void shouldDegradeAHostHaProtectsButVcenterCannotReach(String fdmState, String connection, HaHostState expected) {
        assertThat(mapper.map(host(fdmState, connection, false)).state()).isEqualTo(expected);
    }

    @Test
    void shouldPutMaintenanceModeFirst() {
        HaHost host = mapper.map(host(null, "connected", true));

        assertThat(host.state()).isEqualTo(HaHostState.MAINTENANCE);
        assertThat(host.vendorState()).isEqualTo("inMaintenanceMode");
    }

    @Test
    void shouldTreatAHostInStandbyAsMaintenance() {
        HaHost host = mapper.map(new HostProperties("host-12", "esx01", null, null, "connected", "standBy", false,
                "green", CLUSTER));

        assertThat(host.state()).isEqualTo(HaHostState.MAINTENANCE);
        assertThat(host.vendorState()).isEqualTo("standBy");
    }

    @Test
    void shouldNameTheReporterTheConnectionAndANonGreenStatusInTheDetail() {
        HaHost host = mapper.map(new HostProperties("host-12", "esx01", "connectedToMaster", "host-10", "notResponding",
                "poweredOn", false, "red", CLUSTER));

        assertThat(host).isEqualTo(new HaHost(SITE, Platform.VSPHERE, "host-12", "esx01", "domain-c8",
                HaHostState.DEGRADED, "connectedToMaster",
                "reported by host-10; vCenter connection notResponding; vCenter status red", false));
    }

    @Test
    void shouldLeaveTheDetailOutForAHealthyGreenHost() {
        HaHost host = mapper.map(new HostProperties("host-12", "esx01", "master", null, "connected", "poweredOn", false,
                "green", CLUSTER));

        assertThat(host.detail()).isNull();
        assertThat(host.state()).isEqualTo(HaHostState.HEALTHY);
    }

    @Test
    void shouldMapAHostWithOnlyItsMoRef() {
        HaHost host = mapper.map(new HostProperties("host-99", null, null, null, null, null, null, null, null));

        assertThat(host.state()).isEqualTo(HaHostState.UNKNOWN);
        assertThat(host.cluster()).isNull();
        VsphereFixtures.assertValid(host);
    }

    private static HostProperties host(String fdmState, String connection, Boolean maintenance) {
        return new HostProperties("host-12", "esx01.site-a.example", fdmState, null, connection, "poweredOn",
                maintenance, "green", CLUSTER);
    }
}
