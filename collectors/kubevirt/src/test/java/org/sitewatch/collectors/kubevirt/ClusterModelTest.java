package org.sitewatch.collectors.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.VmState;

class ClusterModelTest {

    private static final Instant NOW = Instant.parse("2025-01-07T10:00:00Z");
    private final List<EventData> states = new ArrayList<>();
    private final List<ObservedAction> actions = new ArrayList<>();
    private final Sites sites = new Sites(VmStateMapperTest.ENDPOINT, "ocp-par");
    private final ClusterModel model = new ClusterModel(sites, new RestartDetector(sites), new ClusterModel.Output() {
        @Override
        public void state(EventData state) {
            states.add(state);
        }

        @Override
        public void action(ObservedAction action) {
            actions.add(action);
        }
    });

    private List<VmState> vmStates() {
        return states.stream().filter(VmState.class::isInstance).map(VmState.class::cast).toList();
    }

    @Test
    void shouldRemoveAVmFromItsOldSiteWhenItMovesToANodeOfAnotherSite() {
        model.vmChanged(Kv.vm("prod", "db01", "Always", "Running"));
        model.vmiChanged(Kv.vmi("prod", "db01", "u1", "Running", "worker-1"), NOW);
        model.vmiChanged(Kv.vmi("prod", "db01", "u1", "Running", "worker-9"), NOW);

        assertThat(vmStates()).extracting(VmState::site, VmState::host, VmState::removed).containsExactly(
                tuple("paris-dc1", null, false), tuple("paris-dc1", "worker-1", false),
                tuple("paris-dc1", "worker-1", true), tuple("london-dr", "worker-9", false));
    }

    @Test
    void shouldKeepTheVmWhenALateDeletionOfItsReplacedVmiArrives() {
        model.vmChanged(Kv.vm("prod", "db01", "Always", "Running"));
        model.vmiChanged(Kv.vmi("prod", "db01", "u1", "Running", "worker-1"), NOW);
        model.vmiChanged(Kv.vmi("prod", "db01", "u2", "Running", "worker-2"), NOW);
        model.vmiDeleted(Kv.vmi("prod", "db01", "u1", "Running", "worker-1"));

        assertThat(vmStates().get(vmStates().size() - 1)).extracting(VmState::host, VmState::removed)
                .containsExactly("worker-2", false);
        model.vmDeleted(Kv.vm("prod", "db01", "Always", "Running"));
        model.vmiDeleted(Kv.vmi("prod", "db01", "u2", "Running", "worker-2"));
        assertThat(vmStates().get(vmStates().size() - 1).removed()).isTrue();
        assertThat(model.snapshot(NOW).states()).filteredOn(VmState.class::isInstance).isEmpty();
    }

    @Test
    void shouldTellTheClusterRecordWhenHaTurnsOnOrOff() {
        model.nodeChanged(Kv.node("worker-1", "True"));
        model.vmChanged(Kv.vm("prod", "a", "Manual", "Stopped"));
        model.vmChanged(Kv.vm("prod", "a", "Always", "Stopped"));
        model.vmDeleted(Kv.vm("prod", "a", "Always", "Stopped"));

        assertThat(states).filteredOn(HaCluster.class::isInstance).map(HaCluster.class::cast)
                .extracting(HaCluster::haEnabled).containsExactly(false, true, false);
    }

    @Test
    void shouldNameNodesAsUnreadableInSnapshotsWhenTheyMayNotBeListed() {
        model.vmChanged(Kv.vm("prod", "a", "Always", "Stopped"));
        model.nodesUnreadable("the account may not list nodes (403)");

        Snapshot snapshot = model.snapshot(NOW);

        assertThat(snapshot.states()).hasSize(1).first().isInstanceOf(VmState.class);
        assertThat(snapshot.unreadable()).containsExactly(
                new PartialRead(EventType.HA_HOST, Scope.endpoint("/api/v1/nodes"), "the account may not list nodes (403)"),
                new PartialRead(EventType.HA_CLUSTER, Scope.endpoint("/api/v1/nodes"), "the account may not list nodes (403)"));
    }
}
