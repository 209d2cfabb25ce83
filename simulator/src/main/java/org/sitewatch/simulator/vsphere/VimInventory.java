package org.sitewatch.simulator.vsphere;

import static org.sitewatch.simulator.vsphere.WireValue.bool;
import static org.sitewatch.simulator.vsphere.WireValue.string;
import static org.sitewatch.simulator.vsphere.WireValue.word;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.NodeState;

/**
 * The managed objects of the simulated vCenter at one moment, each with the properties the front
 * serves (full property paths to values): the datacenter, the cluster ({@code configurationEx},
 * {@code summary}), its hosts ({@code runtime.*}, {@code overallStatus}, {@code parent}) and its
 * VMs ({@code runtime.*}, {@code name}). Built from the engine's state; nothing in it depends on
 * the time except through state changes, so an unchanged cluster gives an equal inventory.
 *
 * <p>Model: a host whose node is down is {@code notResponding} with power {@code unknown}; its VMs
 * are {@code disconnected}. HA protects the HA-managed guests while they run on a connected host
 * (the others are as if their restart priority were {@code disabled}). Admission control is the
 * slot policy: the current failover level is the connected hosts less one.
 */
record VimInventory(Map<MoRef, Map<String, WireValue>> objects, Map<MoRef, String> names) {

    /** Properties the front serves, by type: what a PropertySpec with {@code all} gets. */
    static final Map<String, List<String>> PATHS = Map.of(
            VimIds.VM, List.of("name", "overallStatus", "config.template", "runtime.powerState",
                    "runtime.connectionState", "runtime.host", "runtime.dasVmProtection"),
            VimIds.HOST, List.of("name", "overallStatus", "parent", "runtime.connectionState", "runtime.powerState",
                    "runtime.inMaintenanceMode", "runtime.dasHostState"),
            VimIds.CLUSTER, List.of("name", "overallStatus", "parent", "configurationEx", "summary"),
            VimIds.DATACENTER, List.of("name", "overallStatus", "parent"));
    private static final long CPU_MHZ = 2400;

    static VimInventory of(ClusterState cluster, Instant now, VcenterSettings settings, FdmStates fdm) {
        ClusterSpec spec = cluster.spec();
        Map<MoRef, Map<String, WireValue>> objects = new LinkedHashMap<>();
        Map<MoRef, String> names = new LinkedHashMap<>();
        long online = cluster.nodes().stream().filter(NodeState::online).count();
        int capacity = (int) Math.max(0, online - 1);
        String clusterStatus = !settings.haEnabled() ? (online == spec.nodes().size() ? "green" : "yellow")
                : capacity < settings.failoverLevel() ? "red" : online < spec.nodes().size() ? "yellow" : "green";

        Map<String, WireValue> dc = new LinkedHashMap<>();
        dc.put("name", string(settings.datacenter()));
        dc.put("overallStatus", word("ManagedEntityStatus", clusterStatus));
        dc.put("parent", VimIds.ROOT_FOLDER.wire());
        objects.put(VimIds.DATACENTER_REF, dc);
        names.put(VimIds.DATACENTER_REF, settings.datacenter());

        Map<String, WireValue> cl = new LinkedHashMap<>();
        cl.put("name", string(spec.clusterName()));
        cl.put("overallStatus", word("ManagedEntityStatus", clusterStatus));
        cl.put("parent", new MoRef("Folder", "group-h4").wire());
        cl.put("configurationEx", configuration(settings));
        cl.put("summary", summary(cluster, settings, online, capacity, clusterStatus));
        objects.put(VimIds.CLUSTER_REF, cl);
        names.put(VimIds.CLUSTER_REF, spec.clusterName());

        for (NodeState node : cluster.nodes()) {
            MoRef ref = VimIds.host(spec, node.name());
            Map<String, WireValue> host = new LinkedHashMap<>();
            host.put("name", string(node.name()));
            host.put("overallStatus", word("ManagedEntityStatus", node.online() ? "green" : "red"));
            host.put("parent", VimIds.CLUSTER_REF.wire());
            host.put("runtime.connectionState", word("HostSystemConnectionState",
                    node.online() ? "connected" : "notResponding"));
            host.put("runtime.powerState", word("HostSystemPowerState", node.online() ? "poweredOn" : "unknown"));
            host.put("runtime.inMaintenanceMode", bool(false));
            if (settings.haEnabled()) {
                FdmStates.HostState das = fdm.of(cluster, node, now);
                host.put("runtime.dasHostState", WireValue.plain("ClusterDasFdmHostState")
                        .field("state", das.state())
                        .field("stateReporter", das.reporter() == null ? null : VimIds.host(spec, das.reporter()).wire())
                        .build());
            }
            objects.put(ref, host);
            names.put(ref, node.name());
        }

        for (GuestState g : cluster.guests()) {
            MoRef ref = VimIds.vm(g.vmid());
            boolean connected = cluster.isOnline(g.node());
            Map<String, WireValue> vm = new LinkedHashMap<>();
            vm.put("name", string(g.spec().name()));
            vm.put("overallStatus", word("ManagedEntityStatus", connected ? "green" : "gray"));
            vm.put("config.template", bool(g.spec().template()));
            vm.put("runtime.powerState", word("VirtualMachinePowerState", g.running() ? "poweredOn" : "poweredOff"));
            vm.put("runtime.connectionState", word("VirtualMachineConnectionState",
                    connected ? "connected" : "disconnected"));
            vm.put("runtime.host", VimIds.host(spec, g.node()).wire());
            if (settings.haEnabled()) {
                // vCenter leaves dasVmProtection unset while HA is off.
                vm.put("runtime.dasVmProtection", WireValue.plain("VirtualMachineRuntimeInfoDasProtectionState")
                        .field("dasProtected", Boolean.toString(g.ha() && g.running() && connected)).build());
            }
            objects.put(ref, vm);
            names.put(ref, g.spec().name());
        }
        return new VimInventory(Collections.unmodifiableMap(objects), Collections.unmodifiableMap(names));
    }

    private static WireValue configuration(VcenterSettings settings) {
        WireValue.Obj policy = WireValue.typed("ClusterFailoverLevelAdmissionControlPolicy")
                .field("failoverLevel", settings.failoverLevel()).build();
        WireValue.Obj das = WireValue.plain("ClusterDasConfigInfo")
                .field("enabled", settings.haEnabled())
                .field("vmMonitoring", "vmMonitoringDisabled")
                .field("hostMonitoring", "enabled")
                .field("vmComponentProtecting", "disabled")
                .field("failoverLevel", settings.failoverLevel())
                .field("admissionControlPolicy", policy)
                .field("admissionControlEnabled", true)
                .field("defaultVmSettings", WireValue.plain("ClusterDasVmSettings")
                        .field("restartPriority", "medium").field("isolationResponse", "none").build())
                .build();
        return WireValue.plain("ClusterConfigInfoEx")
                .field("vmSwapPlacement", "vmDirectory")
                .field("dasConfig", das)
                .field("drsConfig", WireValue.plain("ClusterDrsConfigInfo").field("enabled", false).build())
                .build();
    }

    private static WireValue summary(ClusterState cluster, VcenterSettings settings, long online, int capacity,
            String status) {
        long cores = cluster.nodes().stream().mapToLong(n -> n.spec().maxcpu()).sum();
        long memory = cluster.nodes().stream().mapToLong(n -> n.spec().maxmem()).sum();
        long effectiveCores = cluster.nodes().stream().filter(NodeState::online).mapToLong(n -> n.spec().maxcpu()).sum();
        long effectiveMemory = cluster.nodes().stream().filter(NodeState::online).mapToLong(n -> n.spec().maxmem()).sum();
        WireValue.ObjBuilder summary = WireValue.plain("ClusterComputeResourceSummary")
                .field("totalCpu", cores * CPU_MHZ)
                .field("totalMemory", memory)
                .field("numCpuCores", cores)
                .field("numCpuThreads", cores * 2)
                .field("effectiveCpu", effectiveCores * CPU_MHZ)
                .field("effectiveMemory", effectiveMemory >> 20)
                .field("numHosts", cluster.nodes().size())
                .field("numEffectiveHosts", online)
                .field("overallStatus", status);
        if (settings.haEnabled()) {
            summary.field("currentFailoverLevel", capacity)
                    .field("admissionControlInfo", WireValue.typed("ClusterFailoverLevelAdmissionControlInfo")
                            .field("currentFailoverLevel", capacity).build());
        }
        return summary.field("numVmotions", 0).build();
    }

    /** The properties of one object, or null when it does not exist. */
    Map<String, WireValue> get(MoRef ref) {
        return objects.get(ref);
    }

    String name(MoRef ref) {
        return names.get(ref);
    }
}
