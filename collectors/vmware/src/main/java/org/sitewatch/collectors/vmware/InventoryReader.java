package org.sitewatch.collectors.vmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sitewatch.collectors.vmware.mapping.AdmissionControlInfo;
import org.sitewatch.collectors.vmware.mapping.AdmissionControlPolicy;
import org.sitewatch.collectors.vmware.mapping.ClusterProperties;
import org.sitewatch.collectors.vmware.mapping.EntityRef;
import org.sitewatch.collectors.vmware.mapping.HostProperties;
import org.sitewatch.collectors.vmware.mapping.VmProperties;
import org.sitewatch.collectors.vmware.vim25.DataObject;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.PropertySpec;

/**
 * Which properties the collector watches, and how the mirrored values become the mapping's records. Property
 * values arrive as the client parsed them (text, booleans, references, data objects with their xsi:type); each
 * record is read through a {@link DataObject} over the object's properties, keyed by full property path.
 */
final class InventoryReader {

    static final String VM = "VirtualMachine";
    static final String HOST = "HostSystem";
    static final String CLUSTER = "ClusterComputeResource";

    /** Only what the mapping reads: never whole {@code runtime} or {@code config} objects. */
    static final List<PropertySpec> WATCHED = List.of(
            PropertySpec.of(VM, "name", "runtime.powerState", "runtime.connectionState", "runtime.dasVmProtection",
                    "runtime.host"),
            PropertySpec.of(HOST, "name", "runtime.dasHostState", "runtime.connectionState", "runtime.powerState",
                    "runtime.inMaintenanceMode", "overallStatus", "parent"),
            PropertySpec.of(CLUSTER, "name", "configurationEx", "summary"));

    private final InventoryMirror mirror;

    InventoryReader(InventoryMirror mirror) {
        this.mirror = mirror;
    }

    List<HostProperties> hosts() {
        List<HostProperties> hosts = new ArrayList<>();
        mirror.ofType(HOST).forEach((ref, properties) -> hosts.add(host(ref, new DataObject(HOST, properties))));
        return hosts;
    }

    List<ClusterProperties> clusters() {
        List<ClusterProperties> clusters = new ArrayList<>();
        mirror.ofType(CLUSTER).forEach((ref, properties) -> clusters.add(cluster(ref, new DataObject(CLUSTER, properties))));
        return clusters;
    }

    List<VmProperties> vms() {
        List<VmProperties> vms = new ArrayList<>();
        mirror.ofType(VM).forEach((ref, properties) -> vms.add(vm(ref, new DataObject(VM, properties))));
        return vms;
    }

    /**
     * Why an object's watched properties could not all be read, by fault ("NoPermission on configurationEx,
     * summary"), or null when they were.
     */
    String unreadable(String type, String moRef) {
        Map<String, String> missing = mirror.unreadable(new MoRef(type, moRef));
        if (missing.isEmpty()) {
            return null;
        }
        Map<String, List<String>> pathsByFault = new TreeMap<>();
        new TreeMap<>(missing).forEach((path, fault) -> pathsByFault.computeIfAbsent(fault, f -> new ArrayList<>()).add(path));
        return pathsByFault.entrySet().stream().map(e -> e.getKey() + " on " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private HostProperties host(MoRef ref, DataObject p) {
        DataObject das = p.object("runtime.dasHostState");
        return new HostProperties(ref.value(), p.string("name"),
                das == null ? null : das.string("state"), das == null ? null : das.string("stateReporter"),
                p.string("runtime.connectionState"), p.string("runtime.powerState"), p.bool("runtime.inMaintenanceMode"),
                p.string("overallStatus"), clusterOf(p.moRef("parent")));
    }

    private VmProperties vm(MoRef ref, DataObject p) {
        DataObject protection = p.object("runtime.dasVmProtection");
        MoRef hostRef = p.moRef("runtime.host");
        Map<String, Object> host = mirror.get(hostRef);
        EntityRef cluster = host == null ? null : clusterOf(new DataObject(HOST, host).moRef("parent"));
        return new VmProperties(ref.value(), p.string("name"), p.string("runtime.powerState"),
                p.string("runtime.connectionState"), protection == null ? null : protection.bool("dasProtected"),
                hostRef == null ? null : new EntityRef(hostRef.value(), nameOf(hostRef)), cluster);
    }

    private ClusterProperties cluster(MoRef ref, DataObject p) {
        DataObject config = p.object("configurationEx");
        DataObject das = config == null ? null : config.object("dasConfig");
        DataObject summary = p.object("summary");
        return new ClusterProperties(ref.value(), p.string("name"),
                das == null ? null : das.bool("enabled"),
                das == null ? null : das.bool("admissionControlEnabled"),
                das == null ? null : integer(das, "failoverLevel"),
                das == null ? null : policy(das.object("admissionControlPolicy")),
                summary == null ? null : integer(summary, "currentFailoverLevel"),
                summary == null ? null : info(summary.object("admissionControlInfo")),
                summary == null ? null : integer(summary, "numHosts"),
                summary == null ? null : integer(summary, "numEffectiveHosts"),
                summary == null ? null : summary.string("overallStatus"));
    }

    private static AdmissionControlPolicy policy(DataObject policy) {
        if (policy == null) {
            return null;
        }
        List<String> failoverHosts = policy.list("failoverHosts").stream()
                .map(h -> h instanceof MoRef ref ? ref.value() : String.valueOf(h)).toList();
        return new AdmissionControlPolicy(policy.type(), integer(policy, "failoverLevel"),
                integer(policy, "cpuFailoverResourcesPercent"), integer(policy, "memoryFailoverResourcesPercent"),
                policy.bool("autoComputePercentages"), failoverHosts);
    }

    private static AdmissionControlInfo info(DataObject info) {
        if (info == null) {
            return null;
        }
        List<AdmissionControlInfo.FailoverHostStatus> hosts = info.objects("hostStatus").stream()
                .map(h -> new AdmissionControlInfo.FailoverHostStatus(h.string("host"), h.string("status"))).toList();
        return new AdmissionControlInfo(info.type(), integer(info, "currentFailoverLevel"),
                integer(info, "currentCpuFailoverResourcesPercent"), integer(info, "currentMemoryFailoverResourcesPercent"),
                hosts);
    }

    /** The host's parent when it is a cluster; a standalone host's parent is a plain ComputeResource. */
    private EntityRef clusterOf(MoRef parent) {
        return parent == null || !CLUSTER.equals(parent.type()) ? null : new EntityRef(parent.value(), nameOf(parent));
    }

    private String nameOf(MoRef ref) {
        Map<String, Object> properties = mirror.get(ref);
        return properties == null ? null : new DataObject(ref.type(), properties).string("name");
    }

    private static Integer integer(DataObject object, String field) {
        Long value = object.number(field);
        return value == null ? null : Math.toIntExact(value);
    }
}
