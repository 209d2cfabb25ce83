package org.sitewatch.collectors.vmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.vmware.mapping.AdmissionControlInfo;
import org.sitewatch.collectors.vmware.mapping.AdmissionControlPolicy;
import org.sitewatch.collectors.vmware.mapping.ClusterProperties;
import org.sitewatch.collectors.vmware.mapping.EntityRef;
import org.sitewatch.collectors.vmware.mapping.HostProperties;
import org.sitewatch.collectors.vmware.mapping.VmProperties;
import org.sitewatch.collectors.vmware.vim25.DataObject;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.UpdateSet;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.Kind;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.ObjectUpdate;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.Op;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.PropertyChange;

/** Property values as the client parses them (text, booleans, references, typed data objects) into the mapping's records. */
class InventoryReaderTest {

    private static final MoRef CLUSTER = new MoRef("ClusterComputeResource", "domain-c8");
    private static final MoRef HOST = new MoRef("HostSystem", "host-12");
    private static final MoRef STANDALONE = new MoRef("HostSystem", "host-20");
    private static final MoRef VM = new MoRef("VirtualMachine", "vm-42");

    private final InventoryMirror mirror = new InventoryMirror();
    private final InventoryReader reader = new InventoryReader(mirror);

    @Test
    void readsAClusterWithItsHaConfigurationAdmissionControlAndSummary() {
        DataObject policy = new DataObject("ClusterFailoverHostAdmissionControlPolicy", Map.of(
                "failoverHosts", List.of(HOST), "failoverLevel", "1"));
        DataObject dasConfig = new DataObject("ClusterDasConfigInfo", Map.of("enabled", "true",
                "admissionControlEnabled", Boolean.TRUE, "failoverLevel", 1, "admissionControlPolicy", policy));
        DataObject info = new DataObject("ClusterFailoverHostAdmissionControlInfo", Map.of("hostStatus",
                List.of(new DataObject("ClusterFailoverHostAdmissionControlInfoHostStatus",
                        Map.of("host", HOST, "status", "green")))));
        DataObject summary = new DataObject("ClusterComputeResourceSummary", Map.of("currentFailoverLevel", "1",
                "admissionControlInfo", info, "numHosts", 3, "numEffectiveHosts", "2", "overallStatus", "yellow"));
        enter(CLUSTER, Map.of("name", "prod", "configurationEx",
                new DataObject("ClusterConfigInfoEx", Map.of("dasConfig", dasConfig)), "summary", summary));

        assertThat(reader.clusters()).containsExactly(new ClusterProperties("domain-c8", "prod", true, true, 1,
                new AdmissionControlPolicy(
                        "ClusterFailoverHostAdmissionControlPolicy", 1, null, null, null, List.of("host-12")),
                1, new AdmissionControlInfo("ClusterFailoverHostAdmissionControlInfo", null, null, null,
                        List.of(new AdmissionControlInfo.FailoverHostStatus("host-12", "green"))),
                3, 2, "yellow"));
    }

    @Test
    void readsAClusterWithoutHaSettingsAsUnknownNotOff() {
        // vcsim's clusters: an empty dasConfig, no admission control.
        enter(CLUSTER, Map.of("name", "lab", "configurationEx",
                new DataObject("ClusterConfigInfoEx", Map.of("dasConfig", ""))));

        ClusterProperties cluster = reader.clusters().get(0);
        assertThat(cluster.haEnabled()).isNull();
        assertThat(cluster.policy()).isNull();
        assertThat(cluster.numHosts()).isNull();
    }

    @Test
    void readsHostsWithTheirHaStateAndClusterAndVmsWithTheClusterOfTheirHost() {
        enter(CLUSTER, Map.of("name", "prod"));
        enter(HOST, Map.of("name", "esx1", "parent", CLUSTER, "runtime.connectionState", "connected",
                "runtime.powerState", "poweredOn", "runtime.inMaintenanceMode", "false", "overallStatus", "green",
                "runtime.dasHostState", new DataObject("ClusterDasFdmHostState", Map.of("state", "connectedToMaster",
                        "stateReporter", new MoRef("HostSystem", "host-10")))));
        enter(STANDALONE, Map.of("name", "esx-lab", "parent", new MoRef("ComputeResource", "domain-s19"),
                "runtime.connectionState", "notResponding"));
        enter(VM, Map.of("name", "app01", "runtime.powerState", "poweredOn", "runtime.connectionState", "connected",
                "runtime.host", HOST, "runtime.dasVmProtection",
                new DataObject("VirtualMachineRuntimeInfoDasProtectionState", Map.of("dasProtected", "true"))));

        assertThat(reader.hosts()).containsExactly(
                new HostProperties("host-12", "esx1", "connectedToMaster", "host-10", "connected", "poweredOn", false,
                        "green", new EntityRef("domain-c8", "prod")),
                new HostProperties("host-20", "esx-lab", null, null, "notResponding", null, null, null, null));
        assertThat(reader.vms()).containsExactly(new VmProperties("vm-42", "app01", "poweredOn", "connected", true,
                new EntityRef("host-12", "esx1"), new EntityRef("domain-c8", "prod")));
    }

    private void enter(MoRef obj, Map<String, Object> properties) {
        List<PropertyChange> changes = properties.entrySet().stream()
                .map(e -> new PropertyChange(e.getKey(), Op.ASSIGN, e.getValue())).toList();
        mirror.apply(new UpdateSet("1", false, List.of(new ObjectUpdate(new MoRef("PropertyFilter", "f"), Kind.ENTER, obj,
                changes, Map.of()))));
    }
}
