package org.sitewatch.collectors.vmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.vmware.vim25.DataObject;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.UpdateSet;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.Kind;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.ObjectUpdate;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.Op;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.PropertyChange;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.VmState;

/** The mirror as one snapshot, and properties vCenter would not let the collector read as partial reads by scope. */
class InventoryMapperTest {

    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
    private static final MoRef CLUSTER = new MoRef("ClusterComputeResource", "domain-c8");
    private static final MoRef HOST = new MoRef("HostSystem", "host-12");
    private static final MoRef VM = new MoRef("VirtualMachine", "vm-42");

    private final InventoryMirror mirror = new InventoryMirror();
    private final InventoryMapper mapper = new InventoryMapper("paris-dc1", new InventoryReader(mirror));

    @Test
    void mapsHostsClustersAndVmsOfTheMirror() {
        inventory(Map.of(), Map.of());

        Snapshot snapshot = mapper.snapshot(NOW);

        assertThat(snapshot.unreadable()).isEmpty();
        assertThat(snapshot.states()).hasSize(3);
        assertThat(snapshot.states()).filteredOn(HaHost.class::isInstance).singleElement()
                .satisfies(h -> assertThat(((HaHost) h).cluster()).isEqualTo("domain-c8"));
        assertThat(snapshot.states()).filteredOn(VmState.class::isInstance).singleElement()
                .satisfies(v -> assertThat(((VmState) v).host()).isEqualTo("host-12"));
    }

    @Test
    void aClusterWhoseConfigurationCannotBeReadIsAPartialReadOfThatClusterNotAState() {
        inventory(Map.of("configurationEx", "NoPermission"), Map.of());

        Snapshot snapshot = mapper.snapshot(NOW);

        assertThat(snapshot.states()).noneMatch(HaCluster.class::isInstance).anyMatch(HaHost.class::isInstance);
        assertThat(snapshot.unreadable()).containsExactly(new PartialRead(EventType.HA_CLUSTER, Scope.cluster("domain-c8"),
                "cluster prod: NoPermission on configurationEx"));
    }

    @Test
    void aHostWhoseHaStateCannotBeReadIsAPartialReadOfThatHostUntilItIsReadAgain() {
        inventory(Map.of(), Map.of("runtime.dasHostState", "NoPermission"));

        Snapshot partial = mapper.snapshot(NOW);
        assertThat(partial.unreadable()).extracting(PartialRead::type, PartialRead::scope)
                .containsExactly(tuple(EventType.HA_HOST, Scope.node("host-12")));
        assertThat(partial.states()).noneMatch(HaHost.class::isInstance);
        assertThat(partial.states()).filteredOn(HaCluster.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((HaCluster) c).hostsTotal()).as("the host counts as last read").isEqualTo(1));

        mirror.apply(set(new ObjectUpdate(filter(), Kind.MODIFY, HOST, List.of(new PropertyChange("runtime.dasHostState",
                Op.ASSIGN, new DataObject("ClusterDasFdmHostState",
                        Map.of("state", "connectedToMaster")))), Map.of())));
        Snapshot again = mapper.snapshot(NOW);
        assertThat(again.unreadable()).isEmpty();
        assertThat(again.states()).anyMatch(HaHost.class::isInstance);
    }

    private void inventory(Map<String, String> clusterMissing, Map<String, String> hostMissing) {
        mirror.apply(set(
                new ObjectUpdate(filter(), Kind.ENTER, CLUSTER, List.of(assign("name", "prod")), clusterMissing),
                new ObjectUpdate(filter(), Kind.ENTER, HOST, List.of(assign("name", "esx1"), assign("parent", CLUSTER),
                        assign("runtime.connectionState", "connected")), hostMissing),
                new ObjectUpdate(filter(), Kind.ENTER, VM, List.of(assign("name", "app01"), assign("runtime.host", HOST),
                        assign("runtime.powerState", "poweredOn"), assign("runtime.connectionState", "connected")), Map.of())));
    }

    private static PropertyChange assign(String name, Object value) {
        return new PropertyChange(name, Op.ASSIGN, value);
    }

    private static MoRef filter() {
        return new MoRef("PropertyFilter", "f-1");
    }

    private static UpdateSet set(ObjectUpdate... updates) {
        return new UpdateSet("1", false, List.of(updates));
    }
}
