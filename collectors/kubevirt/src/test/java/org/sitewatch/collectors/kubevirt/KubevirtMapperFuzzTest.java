package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.events.HaHost;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.JsonMutant;
import org.sitewatch.testsupport.fuzz.JsonMutations;

/**
 * Fault suite 7 for KubeVirt: a VirtualMachine, its VirtualMachineInstance, a migration and a Node
 * as the API server sends them, mutated together, read by fabric8 as the informers read them
 * (an object fabric8 cannot read, or one without metadata.name, never reaches a mapper) and mapped
 * by {@link VmStateMapper}, {@link MigrationMapper} and {@link NodeMapper}. KubeVirt's status
 * fields change between releases, so the mappers read leniently: every try ends in a result, never
 * an exception or a hang.
 */
class KubevirtMapperFuzzTest {

    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
    private static final List<String> SEEDS = List.of(
            "{\"apiVersion\":\"kubevirt.io/v1\",\"kind\":\"VirtualMachine\",\"metadata\":{\"name\":\"db-01\",\"namespace\":"
                    + "\"prod\",\"uid\":\"u-vm-1\"},\"spec\":{\"runStrategy\":\"Always\",\"running\":true},\"status\":"
                    + "{\"printableStatus\":\"Running\",\"ready\":true,\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}",
            "{\"apiVersion\":\"kubevirt.io/v1\",\"kind\":\"VirtualMachineInstance\",\"metadata\":{\"name\":\"db-01\","
                    + "\"namespace\":\"prod\",\"uid\":\"u-vmi-1\",\"creationTimestamp\":\"2025-01-07T09:00:00Z\"},\"status\":"
                    + "{\"phase\":\"Running\",\"nodeName\":\"worker-1\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"},"
                    + "{\"type\":\"LiveMigratable\",\"status\":\"True\"}],\"migrationState\":{\"sourceNode\":\"worker-1\","
                    + "\"targetNode\":\"worker-9\",\"startTimestamp\":\"2025-01-07T09:59:40Z\",\"endTimestamp\":"
                    + "\"2025-01-07T10:00:10Z\",\"completed\":true,\"failed\":false,\"migrationUid\":\"u-mig-1\"}}}",
            "{\"apiVersion\":\"kubevirt.io/v1\",\"kind\":\"VirtualMachineInstanceMigration\",\"metadata\":{\"name\":\"mig-1\","
                    + "\"namespace\":\"prod\",\"uid\":\"u-mig-1\",\"creationTimestamp\":\"2025-01-07T09:59:30Z\"},\"spec\":"
                    + "{\"vmiName\":\"db-01\"},\"status\":{\"phase\":\"Succeeded\",\"conditions\":[{\"type\":\"Ready\","
                    + "\"status\":\"True\"}],\"migrationState\":{\"sourceNode\":\"worker-1\",\"targetNode\":\"worker-9\","
                    + "\"completed\":true}}}",
            "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"worker-1\",\"labels\":{\"kubernetes.io/hostname\":"
                    + "\"worker-1\"}},\"spec\":{\"unschedulable\":true,\"taints\":[{\"key\":\"node.kubernetes.io/unreachable\","
                    + "\"effect\":\"NoExecute\"}]},\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"Unknown\","
                    + "\"reason\":\"NodeStatusUnknown\",\"message\":\"Kubelet stopped posting node status.\","
                    + "\"lastTransitionTime\":\"2025-01-07T09:58:00Z\"},{\"type\":\"MemoryPressure\",\"status\":\"True\"}]}}");

    private final Sites sites = new Sites(VmStateMapperTest.ENDPOINT, "ocp-par");

    @Property(tries = 10_000)
    void everyObjectIsMapped(@ForAll("objects") JsonMutant objects) {
        GenericKubernetesResource vm = read(objects, 0, GenericKubernetesResource.class);
        GenericKubernetesResource vmi = read(objects, 1, GenericKubernetesResource.class);
        GenericKubernetesResource vmim = read(objects, 2, GenericKubernetesResource.class);
        Node node = read(objects, 3, Node.class);
        if (vm == null || vmi == null || vmim == null || node == null) {
            return; // what fabric8 cannot read, or what has no name, the informer never hands over
        }
        FuzzGuard.expectResultOr(objects, () -> {
            List<Object> mapped = new ArrayList<>();
            mapped.add(new VmStateMapper(sites).map(KubeFields.key(vm), vm, vmi));
            mapped.add(new MigrationMapper(sites).map(vmim, vmi, Instant.parse("2025-01-07T10:00:15Z")));
            NodeMapper nodes = new NodeMapper(sites);
            HaHost host = nodes.map(node);
            mapped.add(nodes.cluster(List.of(host), VmStateMapper.restartsByItself(vm)));
            return mapped;
        });
    }

    @Provide
    Arbitrary<JsonMutant> objects() {
        return JsonMutations.of(SEEDS.stream().map(JsonMutations::read).toList());
    }

    private static <T extends HasMetadata> T read(JsonMutant objects, int i, Class<T> type) {
        String text = objects.changed().get(i) ? objects.texts().get(i) : SEEDS.get(i);
        try {
            T object = FABRIC8.unmarshal(text, type);
            return object == null || object.getMetadata() == null || object.getMetadata().getName() == null ? null : object;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
