package org.sitewatch.collectors.vmware.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.SITE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

class KnownStatesTest {

    private final KnownStates known = new KnownStates();

    @Test
    void shouldKeepTheLatestRecordOfEachEntityAndForgetRemovedOnes() {
        HaHost up = host(HaHostState.HEALTHY, false);
        HaHost down = host(HaHostState.FAILED, false);
        HaCluster cluster = new HaCluster(SITE, Platform.VSPHERE, "domain-c8", "CL-A", true, 2, 2, 1, null, "green");

        known.rememberAll(List.of(up, down, cluster));

        assertThat(known.host("host-12")).isEqualTo(down);
        assertThat(known.cluster("domain-c8")).isEqualTo(cluster);
        known.remember(host(HaHostState.FAILED, true));
        assertThat(known.host("host-12")).isNull();
    }

    @Test
    void shouldFindAReplicationByItsVmAndIgnoreOneWithoutVm() {
        ReplicationStatus withVm = replication("GID-1", "vm-42");

        known.rememberAll(List.of(withVm, replication("GID-2", null)));

        assertThat(known.replicationOfVm("vm-42")).isEqualTo(withVm);
        assertThat(known.replicationOfVm(null)).isNull();
    }

    @Test
    void shouldIgnoreActions() {
        known.remember(new HaAction(SITE, Platform.VSPHERE, "1", "vm-42", null, HaActionKind.RESTART, null, null, null,
                null));

        assertThat(known.vm("vm-42")).isNull();
    }

    private static HaHost host(HaHostState state, boolean removed) {
        return new HaHost(SITE, Platform.VSPHERE, "host-12", "esx01", "domain-c8", state, null, null, removed);
    }

    private static ReplicationStatus replication(String id, String vmId) {
        return new ReplicationStatus(SITE, Platform.VSPHERE, id, vmId, null, SITE, "lyon-dc2", null, null,
                "vsphere-replication", ReplicationState.REPLICATING, ReplicationHealth.OK, null, null, null, null, null,
                null, null, false);
    }
}
