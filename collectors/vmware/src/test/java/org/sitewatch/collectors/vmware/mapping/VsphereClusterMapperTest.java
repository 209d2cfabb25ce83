package org.sitewatch.collectors.vmware.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.SITE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.collectors.vmware.mapping.AdmissionControlInfo.FailoverHostStatus;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;

class VsphereClusterMapperTest {

    private static final String LEVEL_POLICY = "ClusterFailoverLevelAdmissionControlPolicy";
    private static final String RESOURCES_POLICY = "ClusterFailoverResourcesAdmissionControlPolicy";
    private static final String HOST_POLICY = "ClusterFailoverHostAdmissionControlPolicy";
    private static final String LEVEL_INFO = "ClusterFailoverLevelAdmissionControlInfo";
    private static final String RESOURCES_INFO = "ClusterFailoverResourcesAdmissionControlInfo";
    private static final String HOST_INFO = "ClusterFailoverHostAdmissionControlInfo";

    private final VsphereClusterMapper mapper = new VsphereClusterMapper(SITE);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "ClusterFailoverLevelAdmissionControlPolicy,     HOST_FAILURES",
        "ClusterFailoverResourcesAdmissionControlPolicy, RESOURCE_PERCENTAGE",
        "ClusterFailoverHostAdmissionControlPolicy,      DEDICATED_HOSTS",
        "ClusterFailoverLevelAdmissionControlInfo,       UNKNOWN",
        "ClusterVmCountAdmissionControlPolicy,           UNKNOWN",
        "-,                                              UNKNOWN",
    })
    void shouldKnowEveryAdmissionControlPolicyType(String xsiType, AdmissionControlKind expected) {
        assertThat(AdmissionControlKind.ofPolicy(xsiType)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "ClusterFailoverLevelAdmissionControlInfo,     HOST_FAILURES",
        "ClusterFailoverResourcesAdmissionControlInfo, RESOURCE_PERCENTAGE",
        "ClusterFailoverHostAdmissionControlInfo,      DEDICATED_HOSTS",
        "ClusterFailoverHostAdmissionControlPolicy,    UNKNOWN",
        "ClusterDasAdmissionControlInfo,               UNKNOWN",
        "-,                                            UNKNOWN",
    })
    void shouldKnowEveryAdmissionControlInfoType(String xsiType, AdmissionControlKind expected) {
        assertThat(AdmissionControlKind.ofInfo(xsiType)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "currentFailoverLevel={0} -> {1}")
    @CsvSource(nullValues = "-", value = {"2, 2", "1, 1", "0, 0", "-1, 0"})
    void shouldTakeTheSlotPolicysCurrentFailoverLevel(int current, int expected) {
        ClusterProperties c = cluster(true, policy(LEVEL_POLICY, 1, null, null),
                new AdmissionControlInfo(LEVEL_INFO, current, null, null, null), null);

        assertThat(VsphereClusterMapper.failoverCapacity(c)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "reserved cpu/mem {0}/{1}, available {2}/{3}, level {4} -> {5}")
    @CsvSource(nullValues = "-", value = {
        "25, 25, 40, 30, 1, 1",
        "25, 25, 25, 25, 2, 2",
        "25, 25, 20, 30, 1, 0",
        "25, 25, 30, 24, 1, 0",
        "25, 25, 30, 30, -, -",
        "25, -,  30, 30, 1, -",
        "25, -,  10, 30, 1, 0",
    })
    void shouldCompareAvailableWithReservedResourcesForThePercentagePolicy(Integer cpu, Integer mem, Integer curCpu,
                                                                          Integer curMem, Integer level,
                                                                          Integer expected) {
        ClusterProperties c = cluster(true, policy(RESOURCES_POLICY, level, cpu, mem),
                new AdmissionControlInfo(RESOURCES_INFO, null, curCpu, curMem, null), null);

        assertThat(VsphereClusterMapper.failoverCapacity(c)).isEqualTo(expected);
    }

    @Test
    void shouldFallBackToTheClustersFailoverLevelWhenThePercentagePolicyHasNone() {
        ClusterProperties c = new ClusterProperties("domain-c8", "CL-A", true, true, 2,
                policy(RESOURCES_POLICY, null, 25, 25), null,
                new AdmissionControlInfo(RESOURCES_INFO, null, 50, 50, null), 4, 4, "green");

        assertThat(VsphereClusterMapper.failoverCapacity(c)).isEqualTo(2);
    }

    @Test
    void shouldNotGuessPercentagesWhenThePolicyIsOfAnotherType() {
        ClusterProperties c = cluster(true, policy(LEVEL_POLICY, 1, null, null),
                new AdmissionControlInfo(RESOURCES_INFO, null, 50, 50, null), 3);

        assertThat(VsphereClusterMapper.failoverCapacity(c)).isNull();
    }

    @Test
    void shouldCountFailoverHostsThatAreGreenOrYellow() {
        ClusterProperties c = cluster(true, new AdmissionControlPolicy(HOST_POLICY, 3, null, null, null,
                List.of("host-20", "host-21", "host-22", "host-23", "host-24")),
                new AdmissionControlInfo(HOST_INFO, null, null, null, List.of(
                        new FailoverHostStatus("host-20", "green"), new FailoverHostStatus("host-21", "yellow"),
                        new FailoverHostStatus("host-22", "red"), new FailoverHostStatus("host-23", "gray"),
                        new FailoverHostStatus("host-24", "purple"))), null);

        assertThat(VsphereClusterMapper.failoverCapacity(c)).isEqualTo(2);
    }

    @Test
    void shouldReportNoCapacityWhenNoFailoverHostIsUsable() {
        ClusterProperties c = cluster(true, new AdmissionControlPolicy(HOST_POLICY, 1, null, null, null, List.of("host-20")),
                new AdmissionControlInfo(HOST_INFO, null, null, null, List.of(new FailoverHostStatus("host-20", "red"))),
                null);

        assertThat(VsphereClusterMapper.failoverCapacity(c)).isZero();
    }

    @ParameterizedTest(name = "info type {0}, summary.currentFailoverLevel {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "-,                                  1, 1",
        "ClusterVmCountAdmissionControlInfo, 2, 2",
        "-,                                  -, -",
    })
    void shouldFallBackToTheDeprecatedSummaryLevelWithoutKnownInfo(String infoType, Integer summaryLevel,
                                                                   Integer expected) {
        AdmissionControlInfo info = infoType == null ? null : new AdmissionControlInfo(infoType, null, null, null, null);
        ClusterProperties c = cluster(true, null, info, summaryLevel);

        assertThat(VsphereClusterMapper.failoverCapacity(c)).isEqualTo(expected);
    }

    @Test
    void shouldReportNoCapacityNumberWhenHaIsOffOrUnknown() {
        AdmissionControlInfo info = new AdmissionControlInfo(LEVEL_INFO, 0, null, null, null);

        assertThat(VsphereClusterMapper.failoverCapacity(cluster(false, null, info, 0))).isNull();
        assertThat(VsphereClusterMapper.failoverCapacity(cluster(null, null, info, 0))).isNull();
    }

    @Test
    void shouldCountTheMappedHostsOfThisClusterOnly() {
        ClusterProperties c = cluster(true, policy(LEVEL_POLICY, 1, null, null),
                new AdmissionControlInfo(LEVEL_INFO, 1, null, null, null), null);
        List<HaHost> hosts = List.of(host("host-1", "domain-c8", HaHostState.HEALTHY, false),
                host("host-2", "domain-c8", HaHostState.FAILED, false),
                host("host-3", "domain-c8", HaHostState.HEALTHY, true),
                host("host-4", "domain-c9", HaHostState.HEALTHY, false));

        HaCluster mapped = mapper.map(c, hosts);

        assertThat(mapped).isEqualTo(new HaCluster(SITE, Platform.VSPHERE, "domain-c8", "CL-A", true, 2, 1, 1, null,
                "green"));
        VsphereFixtures.assertValid(mapped);
    }

    @Test
    void shouldTakeHostCountsFromTheSummaryWithoutMappedHosts() {
        HaCluster mapped = mapper.map(cluster(true, null, null, null), List.of());

        assertThat(mapped.hostsTotal()).isEqualTo(4);
        assertThat(mapped.hostsHealthy()).isEqualTo(3);
    }

    @Test
    void shouldMapAClusterWithOnlyItsMoRef() {
        HaCluster mapped = mapper.map(new ClusterProperties("domain-c9", null, null, null, null, null, null, null, null,
                null, null), List.of());

        assertThat(mapped.haEnabled()).isNull();
        assertThat(mapped.failoverCapacity()).isNull();
        VsphereFixtures.assertValid(mapped);
    }

    private static ClusterProperties cluster(Boolean ha, AdmissionControlPolicy policy, AdmissionControlInfo info,
                                             Integer summaryLevel) {
        return new ClusterProperties("domain-c8", "CL-A", ha, true, null, policy, summaryLevel, info, 4, 3, "green");
    }

    private static AdmissionControlPolicy policy(String type, Integer level, Integer cpu, Integer mem) {
        return new AdmissionControlPolicy(type, level, cpu, mem, false, null);
    }

    private static HaHost host(String id, String cluster, HaHostState state, boolean removed) {
        return new HaHost(SITE, Platform.VSPHERE, id, id, cluster, state, null, null, removed);
    }
}
