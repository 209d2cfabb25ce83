package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/** A cluster node's and a standalone host's reports mapped to the contract, in both JSON forms. */
class HypervSnapshotMapperTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:10:00Z");
    private static final String APP01 = "6f1c2a10-0000-4000-8000-000000000001";
    private static final String DB01 = "6f1c2a10-0000-4000-8000-000000000002";
    private static final String REP01 = "6f1c2a10-0000-4000-8000-000000000004";
    private static final String FUT01 = "6f1c2a10-0000-4000-8000-000000000007";
    private static final Instant APP01_TESTED = Instant.parse("2024-12-20T08:00:00Z");

    private static final Map<String, String> PARIS_SITES = Map.of("hvr-broker.madrid.example", "madrid-dr",
            "hv-b1", "madrid-dr");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster-node-ps51.json", "cluster-node-ps7.json"})
    void shouldMapEveryVmOfTheNode(String fixture) {
        Map<String, VmState> vms = byId(map(fixture).states(), VmState.class, VmState::vmId);

        assertThat(vms).hasSize(6);
        assertThat(vms.get(APP01)).isEqualTo(new VmState("paris-dc1", Platform.HYPERV, APP01, "app01", "HV-A1",
                "HVC-PARIS", PowerState.RUNNING, "Running", true, "Online", false));
        assertThat(vms.get(DB01)).extracting(VmState::power, VmState::vendorState, VmState::haState)
                .containsExactly(PowerState.RUNNING, "RunningCritical", "Online");
        assertThat(vms.get("6f1c2a10-0000-4000-8000-000000000003")).extracting(VmState::power, VmState::haState)
                .containsExactly(PowerState.STOPPED, "Offline");
        assertThat(vms.get(REP01)).extracting(VmState::power, VmState::cluster, VmState::haProtected)
                .containsExactly(PowerState.STOPPED, null, false);
        assertThat(vms.get("6f1c2a10-0000-4000-8000-000000000006")).extracting(VmState::power, VmState::vendorState)
                .containsExactly(PowerState.UNKNOWN, "99999");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster-node-ps51.json", "cluster-node-ps7.json"})
    void shouldPublishTheReplicationsThisHostSends(String fixture) {
        Snapshot snapshot = map(fixture);
        Map<String, ReplicationStatus> items = byId(snapshot.states(), ReplicationStatus.class,
                ReplicationStatus::itemId);

        assertThat(items).containsOnlyKeys(APP01, DB01, FUT01);
        assertThat(items.get(APP01)).isEqualTo(new ReplicationStatus("paris-dc1", Platform.HYPERV, APP01, APP01,
                "app01", "paris-dc1", "madrid-dr", "HV-A1", "HV-B2.madrid.example", "hyperv-replica",
                ReplicationState.REPLICATING, ReplicationHealth.OK, "Replicating/Normal", null,
                Instant.parse("2025-01-01T00:05:00Z"), 300L, APP01_TESTED, 0, null, false));
        ReplicationStatus db01 = items.get(DB01);
        assertThat(db01.state()).isEqualTo(ReplicationState.FAILED);
        assertThat(db01.health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(db01.targetSite()).isEqualTo("madrid-dr");
        assertThat(db01.lagSeconds()).isEqualTo(7_800L);
        assertThat(db01.failCount()).isEqualTo(3);
        assertThat(db01.error()).isEqualTo("Replication for virtual machine 'db01' failed: the replica server hv-b1 "
                + "is unreachable (0x80072EE2); Replication is in critical state");
        assertThat(db01.lastTestFailover()).isEqualTo(Instant.parse("2024-12-12T10:40:00Z"));
        assertThat(items.get(FUT01)).extracting(ReplicationStatus::state, ReplicationStatus::health,
                ReplicationStatus::vendorState, ReplicationStatus::error)
                .containsExactly(ReplicationState.UNKNOWN, ReplicationHealth.UNKNOWN, "42/7", null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster-node-ps51.json", "cluster-node-ps7.json"})
    void shouldSkipAReplicationToAnUnmappedServerNamingTheKeyToAdd(String fixture) {
        Snapshot snapshot = map(fixture);

        assertThat(snapshot.skipped()).singleElement().asString()
                .contains("web01", "hv-c1.lisbon.example", "sitewatch.collectors.endpoints[0].hyperv.sites");
        assertThat(snapshot.partialTypes()).containsExactly(EventType.REPLICATION_STATUS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster-node-ps51.json", "cluster-node-ps7.json"})
    void shouldMapTheClusterNodesAndQuorum(String fixture) {
        Snapshot snapshot = map(fixture);
        Map<String, HaHost> hosts = byId(snapshot.states(), HaHost.class, HaHost::hostId);

        assertThat(hosts.get("HV-A1").state()).isEqualTo(HaHostState.HEALTHY);
        assertThat(hosts.get("HV-A2").state()).isEqualTo(HaHostState.FAILED);
        assertThat(hosts.get("HV-A3")).extracting(HaHost::state, HaHost::vendorState, HaHost::detail, HaHost::cluster)
                .containsExactly(HaHostState.MAINTENANCE, "Paused", "status DrainCompleted; drain Completed",
                        "HVC-PARIS");
        // Votes: A1 and paused A3 plus the online cloud witness = 3 of 4, the majority: no node may fail.
        assertThat(byId(snapshot.states(), HaCluster.class, HaCluster::clusterId).get("HVC-PARIS"))
                .isEqualTo(new HaCluster("paris-dc1", Platform.HYPERV, "HVC-PARIS", "HVC-PARIS", true, 3, 1, 0, true,
                        "NodeAndCloudMajority"));
        assertThat(snapshot.actions()).isEmpty();
        assertThat(snapshot.unreadable()).isEmpty();
    }

    @Test
    void shouldMapBothFormsToTheSameSnapshot() {
        Snapshot fromIntegers = map("cluster-node-ps51.json");
        Snapshot fromNames = map("cluster-node-ps7.json");

        assertThat(fromNames.states()).containsExactlyElementsOf(fromIntegers.states());
        assertThat(fromNames.skipped()).isEqualTo(fromIntegers.skipped());
    }

    @Test
    void shouldFindTheRunningTestFailoverOnTheReplicaSide() {
        assertThat(HypervSnapshotMapper.testFailovers(Fixtures.report("cluster-node-ps51.json")))
                .containsExactly(Map.entry(REP01, Instant.parse("2024-12-31T23:30:00Z")));
        assertThat(HypervSnapshotMapper.testFailovers(Fixtures.report("cluster-node-ps7.json")))
                .containsExactly(Map.entry(REP01, Instant.parse("2024-12-31T23:30:00Z")));
    }

    @Test
    void shouldMapAStandaloneHostWithAnExtendedReplication() {
        HypervSnapshotMapper mapper = new HypervSnapshotMapper("madrid-dr",
                Fixtures.settings(Map.of("hv-a1", "paris-dc1", "hv-x1.oslo.example", "oslo-dr")), Fixtures.BLOCK);
        Snapshot.Builder builder = Snapshot.builder(NOW);

        mapper.map(Fixtures.report("standalone-ps7.json"), builder, Map.of());
        Snapshot snapshot = builder.build();

        Map<String, VmState> vms = byId(snapshot.states(), VmState.class, VmState::vmId);
        assertThat(vms.get("7a2b0000-0000-4000-8000-000000000001")).extracting(VmState::power, VmState::cluster,
                VmState::haProtected, VmState::haState).containsExactly(PowerState.SUSPENDED, null, false, null);
        Map<String, ReplicationStatus> items = byId(snapshot.states(), ReplicationStatus.class,
                ReplicationStatus::itemId);
        assertThat(items).containsOnlyKeys("7a2b0000-0000-4000-8000-000000000001", DB01 + "/extended");
        assertThat(items.get("7a2b0000-0000-4000-8000-000000000001")).extracting(ReplicationStatus::state,
                ReplicationStatus::health, ReplicationStatus::targetSite, ReplicationStatus::lastRecoveryPoint,
                ReplicationStatus::lagSeconds)
                .containsExactly(ReplicationState.SYNCING, ReplicationHealth.WARNING, "paris-dc1", null, null);
        assertThat(items.get(DB01 + "/extended")).extracting(ReplicationStatus::sourceSite,
                ReplicationStatus::targetSite, ReplicationStatus::targetHost, ReplicationStatus::lagSeconds,
                ReplicationStatus::failCount, ReplicationStatus::lastTestFailover)
                .containsExactly("madrid-dr", "oslo-dr", "hv-x1.oslo.example", 900L, 1,
                        Instant.parse("2024-12-31T20:15:00Z"));
        assertThat(snapshot.states()).noneMatch(s -> s instanceof HaHost || s instanceof HaCluster);
        assertThat(snapshot.unreadable()).isEmpty();
        assertThat(snapshot.skipped()).isEmpty();
    }

    @Test
    void shouldReportWhatCouldNotBeReadAsUnreadableScopes() {
        String json = """
                {"computerName": "HV-A2", "vms": [],
                 "replicationErrorSimple": "VirtualizationException: The operation failed.",
                 "clustering": {"status": "Error", "name": null,
                                "error": "ClusterCmdletException: The cluster service is not running."}}
                """;
        Snapshot.Builder builder = Snapshot.builder(NOW);

        new HypervSnapshotMapper("paris-dc1", Fixtures.settings(Map.of()), Fixtures.BLOCK)
                .map(new HypervReportReader().read(json), builder, Map.of());

        assertThat(builder.build().unreadable()).containsExactly(
                new PartialRead(EventType.REPLICATION_STATUS, Scope.node("HV-A2"),
                        "Hyper-V Replica could not be read: VirtualizationException: The operation failed."),
                new PartialRead(EventType.HA_HOST, Scope.node("HV-A2"), "the cluster could not be read on HV-A2: "
                        + "ClusterCmdletException: The cluster service is not running."),
                new PartialRead(EventType.HA_CLUSTER, Scope.node("HV-A2"), "the cluster could not be read on HV-A2: "
                        + "ClusterCmdletException: The cluster service is not running."));
    }

    @Test
    void shouldSayWhenTheClusterModuleIsMissing() {
        String json = "{\"computerName\": \"HV-A2\", \"vms\": [], \"clustering\": {\"status\": \"NoCmdlets\"}}";
        Snapshot.Builder builder = Snapshot.builder(NOW);

        new HypervSnapshotMapper("paris-dc1", Fixtures.settings(Map.of()), Fixtures.BLOCK)
                .map(new HypervReportReader().read(json), builder, Map.of());

        assertThat(builder.build().unreadable()).extracting(PartialRead::reason)
                .allMatch(reason -> reason.contains("RSAT-Clustering-PowerShell"));
    }

    private static Snapshot map(String fixture) {
        Snapshot.Builder builder = Snapshot.builder(NOW);
        new HypervSnapshotMapper("paris-dc1", Fixtures.settings(PARIS_SITES), Fixtures.BLOCK)
                .map(Fixtures.report(fixture), builder, Map.of(APP01, APP01_TESTED));
        return builder.build();
    }

    private static <T> Map<String, T> byId(List<?> states, Class<T> type, Function<T, String> id) {
        return states.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toMap(id, s -> s));
    }
}
