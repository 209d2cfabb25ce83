package org.sitewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading the shipped scenarios, defaults, and errors that name the offending path. */
class ScenarioLoadingTest {

    private static final String SITE = """
            sites:
              - name: s1
                token: "u@pve!t=secret"
                nodes: [ { name: a }, { name: b } ]
                vms:
                  - { vmid: 100, node: a, ha: true }
                replication:
                  - { guest: 100, target: b, syncEverySeconds: 5 }
            """;

    @Test
    void defaultScenarioHasASiteOfEveryPlatform() {
        Scenario s = Scenario.loadResource("/scenarios/default.yaml");
        assertThat(s.clusters()).extracting(ClusterSpec::name)
                .containsExactly("paris-dc1", "frankfurt-dc2", "london-dr", "berlin-vc", "madrid-vc", "vmc-frankfurt",
                        "oslo-hv", "stockholm-hv", "rsv-osl-neu", "vienna-kvm", "ocp-lyon", "rhv-rome", "ovmm-zurich",
                        "ctx-ams");
        assertThat(s.sites()).containsExactly("paris-dc1", "frankfurt-dc2", "london-dr", "berlin-dc3", "madrid-dr",
                "vmc-frankfurt", "oslo-dc4", "stockholm-dr", "azure-neu", "vienna-dc5", "lyon-dc6", "rome-dc7", "zurich-dc8",
                "amsterdam-dc9");
        assertThat(s.clusters()).extracting(ClusterSpec::platform).as("every platform of the event contract")
                .containsAll(List.of("vsphere", "hyperv", "azure", "citrix", "ovirt", "oraclevm", "libvirt", "proxmox",
                        "kubevirt"));
        assertThat(s.loop()).contains(Duration.ofMinutes(4));
        // the Recovery Services vault is not a cluster of hosts: its nodes are a fabric and a region;
        // the libvirt host is one hypervisor with a DRBD peer, no HA; the KubeVirt, Oracle VM and Citrix sites replicate
        // nothing and oVirt replicates two storage domains (all below)
        for (ClusterSpec site : s.clusters().stream().filter(c -> !List.of("azure", "libvirt", "kubevirt", "ovirt",
                "oraclevm", "citrix").contains(c.platform())).toList()) {
            assertThat(site.nodes()).hasSizeBetween(3, 4);
            assertThat(site.vms()).hasSizeBetween(6, 10);
            assertThat(site.vms()).filteredOn(GuestSpec::ha).hasSizeGreaterThanOrEqualTo(3);
            // stockholm-hv is only a replica site: Hyper-V Replica needs a second server, not another node
            if (!site.name().equals("stockholm-hv")) {
                assertThat(site.replication()).as(site.name()).hasSizeBetween(3, 5);
            }
        }
        // Hyper-V Replica between two Hyper-V sites: oslo's replica server stands in stockholm-dr
        ClusterSpec oslo = s.cluster("oslo-hv");
        assertThat(oslo.platform()).isEqualTo("hyperv");
        assertThat(oslo.sites()).containsExactly("oslo-dc4", "stockholm-dr");
        assertThat(oslo.replication()).allMatch(j -> oslo.siteOf(j.target()).equals("stockholm-dr"));
        assertThat(s.cluster("stockholm-hv").platform()).isEqualTo("hyperv");
        assertThat(s.cluster("stockholm-hv").sites()).containsExactly("stockholm-dr");
        assertThat(s.cluster("stockholm-hv").replication()).isEmpty();
        // Azure Site Recovery: the vault in azure-neu protects two VMs of oslo's Hyper-V cluster into northeurope
        ClusterSpec vault = s.cluster("rsv-osl-neu");
        assertThat(vault.platform()).isEqualTo("azure");
        assertThat(vault.site()).isEqualTo("azure-neu");
        assertThat(vault.vendorSetting("cloud", null)).isEqualTo("azure");
        assertThat(vault.vendorSetting("region", null)).isEqualTo("northeurope");
        assertThat(vault.sites()).containsExactly("azure-neu", "oslo-dc4");
        assertThat(vault.replication()).hasSize(2)
                .allMatch(j -> vault.siteOf(j.target()).equals("azure-neu"))
                .allMatch(j -> vault.siteOf(vault.vms().stream().filter(g -> g.vmid() == j.guest()).findFirst()
                        .orElseThrow().node()).equals("oslo-dc4"));
        assertThat(s.timeline()).filteredOn(st -> st.cluster().equals("rsv-osl-neu"))
                .extracting(st -> st.action().actionName())
                .containsExactlyInAnyOrder("replication-fail", "replication-recover", "api-fault", "test-failover");
        // libvirt with DRBD: every guest on the one libvirt host in vienna-dc5, two replicated to its peer in london-dr
        ClusterSpec vienna = s.cluster("vienna-kvm");
        assertThat(vienna.platform()).isEqualTo("libvirt");
        assertThat(vienna.sites()).containsExactly("vienna-dc5", "london-dr");
        assertThat(vienna.vms()).hasSizeBetween(3, 4).allMatch(g -> g.node().equals("kvm-vie-1"));
        assertThat(vienna.replication()).hasSize(2).allMatch(j -> vienna.siteOf(j.target()).equals("london-dr"));
        assertThat(s.timeline()).filteredOn(st -> st.cluster().equals("vienna-kvm"))
                .extracting(st -> st.action().actionName())
                .containsExactlyInAnyOrder("replication-fail", "replication-recover", "vm-stop", "vm-start");
        // KubeVirt: three workers in lyon-dc6 (fencing needs a quorum), HA VMs, a lost worker and a live migration each loop
        ClusterSpec lyon = s.cluster("ocp-lyon");
        assertThat(lyon.platform()).isEqualTo("kubevirt");
        assertThat(lyon.sites()).containsExactly("lyon-dc6");
        assertThat(lyon.nodes()).hasSize(3);
        assertThat(lyon.vms()).hasSizeBetween(4, 5);
        assertThat(lyon.vms()).filteredOn(GuestSpec::ha).hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(g -> g.node().equals("ocp-lyo-wrk-2"));
        assertThat(lyon.replication()).isEmpty();
        assertThat(s.timeline()).filteredOn(st -> st.cluster().equals("ocp-lyon"))
                .extracting(st -> st.action().actionName())
                .containsExactlyInAnyOrder("node-offline", "node-online", "ha-migrate");
        // oVirt / RHV: three hosts in rome-dc7, a standby host in madrid-dr's DR data center holding two domains' replicas
        ClusterSpec rome = s.cluster("rhv-rome");
        assertThat(rome.platform()).isEqualTo("ovirt");
        assertThat(rome.sites()).containsExactly("rome-dc7", "madrid-dr");
        assertThat(rome.vms()).hasSize(6).allMatch(GuestSpec::ha);
        assertThat(rome.replication()).hasSize(2).allMatch(j -> rome.siteOf(j.target()).equals("madrid-dr"));
        assertThat(s.timeline()).filteredOn(st -> st.cluster().equals("rhv-rome"))
                .extracting(st -> st.action().actionName())
                .containsExactlyInAnyOrder("node-offline", "node-online", "ha-migrate", "ha-migrate", "replication-fail",
                        "replication-recover");
        // Oracle VM: one pool of three servers in zurich-dc8, HA VMs restarted when a server stops; no replication
        ClusterSpec zurich = s.cluster("ovmm-zurich");
        assertThat(zurich.platform()).isEqualTo("oraclevm");
        assertThat(zurich.sites()).containsExactly("zurich-dc8");
        assertThat(zurich.nodes()).hasSize(3);
        assertThat(zurich.vms()).filteredOn(GuestSpec::ha).hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(g -> g.node().equals("ovs-zrh-2"));
        assertThat(zurich.replication()).isEmpty();
        // Citrix DaaS: eight VDI machines in two delivery groups on three hosting servers in amsterdam-dc9
        ClusterSpec amsterdam = s.cluster("ctx-ams");
        assertThat(amsterdam.platform()).isEqualTo("citrix");
        assertThat(amsterdam.sites()).containsExactly("amsterdam-dc9");
        assertThat(amsterdam.vms()).hasSize(8);
        assertThat(amsterdam.vendorSetting("delivery-groups", "")).contains("AMS Office Desktops=", "AMS Call Center=");
        assertThat(amsterdam.replication()).isEmpty();
        assertThat(s.timeline()).filteredOn(st -> st.cluster().equals("ctx-ams"))
                .extracting(st -> st.action().actionName())
                .containsExactlyInAnyOrder("node-offline", "node-online", "vm-stop", "vm-start");
        // vSphere Replication between two vSphere sites: berlin stands a DR host in madrid-dr
        ClusterSpec berlin = s.cluster("berlin-vc");
        assertThat(berlin.platform()).isEqualTo("vsphere");
        assertThat(berlin.sites()).containsExactly("berlin-dc3", "madrid-dr");
        assertThat(berlin.replication()).filteredOn(j -> berlin.siteOf(j.target()).equals("madrid-dr")).hasSize(2);
        ClusterSpec vmc = s.cluster("vmc-frankfurt");
        assertThat(vmc.platform()).isEqualTo("vsphere");
        assertThat(vmc.vendorSetting("cloud", null)).isEqualTo("aws");
        assertThat(vmc.vendorSetting("region", null)).isEqualTo("eu-central-1");
        // on-prem -> VMware Cloud: madrid stands a DR host in the SDDC's site
        ClusterSpec madrid = s.cluster("madrid-vc");
        assertThat(madrid.sites()).containsExactly("madrid-dr", "vmc-frankfurt");
        assertThat(madrid.replication()).filteredOn(j -> madrid.siteOf(j.target()).equals("vmc-frankfurt"))
                .extracting(ReplicationJobSpec::id).containsExactly("451-0");
        // replication between sites: paris and frankfurt each stretch a node into london-dr
        for (String stretched : List.of("paris-dc1", "frankfurt-dc2")) {
            ClusterSpec c = s.cluster(stretched);
            assertThat(c.sites()).containsExactly(stretched, "london-dr");
            assertThat(c.replication()).anyMatch(j -> c.siteOf(j.target()).equals("london-dr"));
            assertThat(c.replication()).anyMatch(j -> c.siteOf(j.target()).equals(stretched));
        }
        assertThat(s.cluster("london-dr").sites()).containsExactly("london-dr");
        assertThat(s.cluster("london-dr").vendorSetting("booleans", "int")).isEqualTo("json");
        assertThat(s.timeline()).extracting(st -> st.action().actionName())
                .contains("replication-fail", "replication-recover", "node-offline", "node-online", "api-fault", "test-failover");
    }

    @Test
    void e2eScenarioLoads() {
        Scenario s = SimulatorLauncher.loadScenario(SimulatorLauncher.E2E_REPLICATION_FAILURE);
        assertThat(s.timeline()).hasSize(2);
        assertThat(s.timeline().get(0).at()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.loop()).isEmpty();
    }

    @Test
    void defaultsAreApplied() {
        Scenario s = Scenario.parse(SITE);
        ClusterSpec site = s.cluster("s1");
        assertThat(site.clusterName()).isEqualTo("s1");
        assertThat(site.site()).isEqualTo("s1");
        assertThat(site.platform()).isEqualTo("proxmox");
        assertThat(site.vendorSetting("booleans", null)).isNull();
        assertThat(site.nodes().get(1).site()).isEqualTo("s1");
        assertThat(site.nodes().get(1).votes()).isEqualTo(1);
        assertThat(site.nodes().get(1).nodeid()).isEqualTo(2);
        GuestSpec vm = site.vms().get(0);
        assertThat(vm.type()).isEqualTo("qemu");
        assertThat(vm.running()).isTrue();
        assertThat(vm.haState()).isEqualTo("started");
        assertThat(vm.sid()).isEqualTo("vm:100");
        ReplicationJobSpec job = site.replication().get(0);
        assertThat(job.id()).isEqualTo("100-0");
        assertThat(job.schedule()).isNull();
        assertThat(job.retryUnitSeconds()).isEqualTo(60);
        assertThat(job.technology()).isEqualTo("pvesr");
    }

    @Test
    void loadsFromFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, SITE);
        assertThat(Scenario.load(file).clusters()).hasSize(1);
        assertThatThrownBy(() -> Scenario.load(dir.resolve("missing.yaml")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("missing.yaml");
    }

    @Test
    void syncJitterIsAPercentageOfTheInterval() {
        Scenario s = Scenario.parse(SITE.replace("syncEverySeconds: 5", "syncEverySeconds: 5, syncJitter: 12.5%"));
        assertThat(s.clusters().get(0).replication().get(0).syncJitter()).isEqualTo(0.125);
        assertThat(Scenario.parse(SITE).clusters().get(0).replication().get(0).syncJitter()).as("default").isZero();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            - { at: 5s, site: s1, action: explode }                           | timeline[0].action: unknown action 'explode'
            - { at: 5s, site: s1, action: api-ok }\\n- { at: 1s, site: s1, action: replication-fail, jobb: 100-0 } | timeline[1].job: is required
            - { at: 5s, site: s1, action: replication-recover, job: 100-0, jobb: x } | timeline[0].jobb: unknown field
            - { at: 5s, site: s1, action: replication-fail, job: 999-0 }      | timeline[0].job: no replication job '999-0'
            - { at: soon, site: s1, action: api-ok }                          | timeline[0].at: invalid duration 'soon'
            - { at: 5s, site: s2, action: api-ok }                            | timeline[0].site: no cluster 's2'
            - { at: 5s, site: s1, action: api-fault, kind: slow }             | timeline[0].kind: unknown fault kind 'slow'
            - { at: 5s, site: s1, action: node-offline, node: zz }            | timeline[0].node: no node 'zz'
            - { at: 5s, site: s1, action: ha-fence, sid: 'vm:101' }           | timeline[0].sid: no HA-managed guest
            - { at: 5s, site: s1, action: vm-stop, vmid: 555 }                | timeline[0].vmid: no guest 555
            - { at: 5s, site: s1, action: vm-add, vmid: 120, node: q }        | timeline[0].node: no node 'q'
            """)
    void badStepsNameIndexAndField(String steps, String expected) {
        String yaml = SITE + "timeline:\n" + steps.replace("\\n", "\n");
        assertThatThrownBy(() -> Scenario.parse(yaml)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void vmAddedLaterMayBeReferenced() {
        Scenario s = Scenario.parse(SITE + """
                timeline:
                  - { at: 1s, site: s1, action: vm-stop, vmid: 120 }
                  - { at: 5s, site: s1, action: vm-add, vmid: 120, node: b, ha: true }
                  - { at: 6s, site: s1, action: ha-fence, sid: "vm:120" }
                """);
        assertThat(s.timeline()).hasSize(3);
        assertThat(((StepAction.VmAdd) s.timeline().get(1).action()).guest().ha()).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            target: b, syncEverySeconds: 5                        | loop: 10s\\ntimeline:\\n  - { at: 12s, site: s1, action: api-ok } | timeline[0].at: 12s is not before the loop period 10s
            target: b, schedule: 'mon 02:00'                     | | sites[0].replication[0].schedule: unsupported schedule
            target: a                                             | | sites[0].replication[0].target: target must differ
            target: b, syncDuration: 0s                           | | sites[0].replication[0].syncDuration: must be greater than zero
            target: b, rate: 0.5                                  | | sites[0].replication[0].rate
            target: b, syncJitter: 60%                            | | sites[0].replication[0].syncJitter: must be between 0% and 50% of the interval, got '60%'
            target: b, syncJitter: -1%                            | | sites[0].replication[0].syncJitter: must be between 0% and 50%
            target: b, syncJitter: 10                             | | sites[0].replication[0].syncJitter: must be a percentage of the interval such as 10%, got '10'
            target: b, syncJitter: lots%                          | | sites[0].replication[0].syncJitter: must be a percentage of the interval such as 10%, got 'lots%'
            target: b                                             | sitez: []  | sitez: unknown field
            """)
    void badSitesNameThePath(String jobFields, String extra, String expected) {
        String yaml = SITE.replace("target: b, syncEverySeconds: 5", jobFields.replace("\\n", "\n"))
                + (extra == null ? "" : extra.replace("\\n", "\n"));
        assertThatThrownBy(() -> Scenario.parse(yaml)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void otherSiteErrors() {
        assertThatThrownBy(() -> Scenario.parse("sites: []")).hasMessageContaining("sites: at least one cluster");
        assertThatThrownBy(() -> Scenario.parse("sites: [ { name: x") ).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Scenario.parse("")).hasMessageContaining("empty document");
        assertThatThrownBy(() -> Scenario.parse(SITE.replace("    nodes:", "    pveVersoin: x\n    nodes:")))
                .hasMessageContaining("sites[0].pveVersoin: unknown field (allowed: booleans, cluster, ha, name,"
                        + " nodes, platform, pveVersion, qdevice, replication, site, token, vms)");
        assertThatThrownBy(() -> Scenario.parse(SITE.replace("u@pve!t=secret", "nope")))
                .hasMessageContaining("sites[0].token");
        assertThatThrownBy(() -> Scenario.parse(SITE.replace("{ vmid: 100, node: a, ha: true }",
                "{ vmid: 100, node: c }"))).hasMessageContaining("sites[0].vms[0].node: no node 'c'");
        assertThatThrownBy(() -> Scenario.parse(SITE.replace("ha: true", "ha: maybe")))
                .hasMessageContaining("sites[0].vms[0].ha: must be true or false");
        assertThatThrownBy(() -> Scenario.loadResource("/scenarios/none.yaml")).hasMessageContaining("none.yaml");
    }

    @Test
    void shouldCheckSitesAgainstTheDeclaredList() {
        String clusters = SITE.replace("sites:", "sites: [s1, dr]\nclusters:")
                .replace("{ name: b }", "{ name: b, site: dr, votes: 2 }");
        ClusterSpec c = Scenario.parse(clusters).cluster("s1");
        assertThat(c.siteOf("b")).isEqualTo("dr");
        assertThat(c.nodes().get(1).votes()).isEqualTo(2);
        assertThat(Scenario.parse(clusters).sites()).containsExactly("s1", "dr");
        assertThatThrownBy(() -> Scenario.parse(clusters.replace("site: dr", "site: rd")))
                .hasMessageContaining("clusters[0].nodes[1].site: no site 'rd' in the scenario's sites [s1, dr]");
        assertThatThrownBy(() -> Scenario.parse(clusters.replace("name: s1", "name: s1\n    site: s2")))
                .hasMessageContaining("clusters[0].site: no site 's2'");
        assertThatThrownBy(() -> Scenario.parse(clusters.replace("name: s1", "name: s1\n    platform: mainframe")))
                .hasMessageContaining("clusters[0].platform: no simulator front for platform 'mainframe' (available: ")
                .hasMessageContaining("azure").hasMessageContaining("hyperv").hasMessageContaining("proxmox")
                .hasMessageContaining("vsphere");
        assertThatThrownBy(() -> Scenario.parse(clusters.replace("{ name: a }", "{ name: a, votes: -1 }")))
                .hasMessageContaining("clusters[0].nodes[0].votes: must not be negative");
    }

    @Test
    void durationsAndSchedules() {
        assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        ReplicationSchedule every7 = ReplicationSchedule.of("*/7", null);
        long hour = 1_736_244_000L; // 10:00:00Z
        assertThat(every7.nextAfter(hour + 56 * 60)).isEqualTo(hour + 3600);
        assertThat(every7.previousOrAt(hour + 3)).isEqualTo(hour);
        assertThat(ReplicationSchedule.of(null, null).nextAfter(hour)).isEqualTo(hour + 15 * 60);
        assertThat(ReplicationSchedule.of("*/15", 20).nextAfter(hour + 1)).isEqualTo(hour + 20);
    }
}
