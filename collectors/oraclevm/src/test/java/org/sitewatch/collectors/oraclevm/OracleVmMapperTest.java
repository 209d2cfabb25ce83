package org.sitewatch.collectors.oraclevm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sitewatch.collectors.oraclevm.Fixtures.ENDPOINT;
import static org.sitewatch.collectors.oraclevm.Fixtures.load;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/** VMs, servers and pools of the fixtures mapped to records. */
class OracleVmMapperTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final OracleVmMapper mapper = new OracleVmMapper(ENDPOINT);

    private static <T extends EventData> List<T> ofType(Snapshot snapshot, Class<T> type) {
        return snapshot.states().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Snapshot map(boolean withPools) {
        Snapshot.Builder out = Snapshot.builder(NOW);
        OvmInventory inventory = new OvmInventory(
                OracleVmMapper.parseAll(load("vms.json"), "Vm", OvmVm::parse, EventType.VM_STATE, out),
                OracleVmMapper.parseAll(load("servers.json"), "Server", OvmServer::parse, EventType.HA_HOST, out),
                withPools ? OracleVmMapper.parseAll(load("pools.json"), "ServerPool", OvmPool::parse, EventType.HA_CLUSTER, out)
                        : List.of());
        mapper.vms(inventory, out);
        mapper.hosts(inventory, out);
        mapper.pools(inventory, out);
        return out.build();
    }

    @Test
    void mapsTheComposedFixtureOfTheVendorFacts() {
        Snapshot.Builder out = Snapshot.builder(NOW);
        List<OvmVm> vms = OracleVmMapper.parseAll(load("vm-doc-fixture.json"), "Vm", OvmVm::parse, EventType.VM_STATE, out);
        mapper.vms(new OvmInventory(vms, List.of(), List.of()), out);

        assertThat(ofType(out.build(), VmState.class)).containsExactly(new VmState("zurich", Platform.ORACLEVM,
                "0004fb00000600001111aaaa2222bbbb", "app01", "ovs01", "pool-a", PowerState.RUNNING, "RUNNING", true,
                "RESTART", false));
    }

    @Test
    void mapsVmsLeavingTemplatesOutAndSkippingWhatCannotBeRead() {
        Snapshot s = map(true);

        assertThat(ofType(s, VmState.class)).extracting(VmState::name, VmState::host, VmState::cluster, VmState::power,
                VmState::vendorState, VmState::haProtected, VmState::haState).containsExactly(
                tuple("erp-db", "ovs01", "pool-a", PowerState.RUNNING, "RUNNING", true, "RESTART"),
                // no serverId while stopped; booleans sent as strings; the pool's name from the pool list
                tuple("batch", null, "pool-a", PowerState.STOPPED, "STOPPED", false, null),
                // no name but the ID object's; the server's name from the server list; HA without a restart word
                tuple("web-1", "ovs02", "pool-a", PowerState.SUSPENDED, "SUSPENDED", true, "HA"),
                // a word nobody named is kept raw
                tuple("odd", null, null, PowerState.UNKNOWN, "HIBERNATING", false, null));
        assertThat(s.skipped()).hasSize(2).anySatisfy(r -> assertThat(r).startsWith("Vm #5").contains("'id' is missing"))
                .anySatisfy(r -> assertThat(r).startsWith("Vm #6 (0004fb0000060000a5)").contains("highAvailability"));
        assertThat(s.partialTypes()).containsExactly(EventType.VM_STATE);
    }

    @Test
    void mapsServersToHaHostsInTheClusterOfTheirPool() {
        Snapshot s = map(true);

        assertThat(ofType(s, HaHost.class)).extracting(HaHost::hostId, HaHost::hostName, HaHost::cluster, HaHost::state,
                HaHost::vendorState, HaHost::detail).containsExactly(
                tuple("36:34:31:00:00:00:00:00:00:00:00:00:00:00:00:01", "ovs01", "pool-a", HaHostState.HEALTHY, "RUNNING", null),
                tuple("36:34:31:00:00:00:00:00:00:00:00:00:00:00:00:02", "ovs02", "pool-a", HaHostState.FAILED, "STOPPED", null),
                tuple("36:34:31:00:00:00:00:00:00:00:00:00:00:00:00:03", "ovs03", "pool-a", HaHostState.MAINTENANCE, "RUNNING",
                        "in maintenance mode"),
                tuple("36:34:31:00:00:00:00:00:00:00:00:00:00:00:00:04", "ovs04", null, HaHostState.HEALTHY, "RUNNING", null));
        assertThat(ofType(s, HaHost.class)).allSatisfy(h -> assertThat(h.site()).isEqualTo("zurich"));
    }

    @Test
    void mapsPoolsToHaClustersWithTheHealthOfTheirServers() {
        Snapshot s = map(true);

        assertThat(ofType(s, HaCluster.class)).containsExactly(
                new HaCluster("zurich", Platform.ORACLEVM, "pool-a", "pool-a", true, 3, 1, null, null,
                        "2/3 servers RUNNING, master ovs01"),
                // no cluster: HA is off in this pool
                new HaCluster("zurich", Platform.ORACLEVM, "lab", "lab", false, 0, 0, null, null, "0/0 servers RUNNING"));
        assertThat(s.skipped()).noneMatch(r -> r.startsWith("ServerPool"));
    }

    @Test
    void withoutThePoolListNamesComeFromTheReferencesOrTheIds() {
        Snapshot s = map(false);

        assertThat(ofType(s, HaCluster.class)).isEmpty();
        assertThat(ofType(s, VmState.class)).extracting(VmState::name, VmState::cluster)
                .contains(tuple("batch", "0004fb0000020000p1"), tuple("erp-db", "pool-a"));
        assertThat(ofType(s, HaHost.class)).extracting(HaHost::hostName, HaHost::cluster)
                .contains(tuple("ovs02", "0004fb0000020000p1"));
    }

    @Test
    void anObjectThatIsNotAnObjectIsSkipped() {
        Snapshot.Builder out = Snapshot.builder(NOW);
        List<OvmServer> servers = OracleVmMapper.parseAll(Fixtures.json("[\"ovs01\", 3]"), "Server", OvmServer::parse,
                EventType.HA_HOST, out);

        assertThat(servers).isEmpty();
        assertThat(out.build().skipped()).containsExactly("Server #0: not a JSON object: STRING",
                "Server #1: not a JSON object: NUMBER");
    }
}
