package org.sitewatch.bench.collector;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;

/**
 * What VMI changes cost the KubeVirt collector on 5,000 VMs (issue 12: "event cost on 5,000 VMIs: events per
 * second handled, CPU per event"). fabric8's Kubernetes mock server in CRUD mode on 127.0.0.1 stands in for the
 * API server; the benchmark plays KubeVirt's controllers through a fabric8 client of its own: 10 nodes, then 5,000
 * VirtualMachines each with its VirtualMachineInstance (4,000 Running, 1,000 Scheduled; no printableStatus, so the
 * VMI's phase is the state). The real collector then runs through the collector runtime as the app runs it,
 * publishing to a counting sink: its first snapshot (the informers' lists; wall time, CPU of its threads), then a
 * burst in which the benchmark moves the 1,000 Scheduled VMIs to Running, one status update each, from four
 * writer threads at once: events handled
 * per second from the first update to the last VM state in the sink, CPU per event, events lost. The collector's
 * threads are those started with it ({@link #collectorThreads()}): the runtime's endpoint thread, the source's
 * {@code kubevirt-<id>}, its fabric8 client's executor and JDK HTTP client (the informers' watches); the
 * benchmark's own client and writers and the mock server's Vert.x threads are not counted. The mock server costs CPU of its own on the same cores.
 */
public final class KubevirtEventCost implements Scenario {

    static final int VMS = 5_000;
    static final int CHANGES = 1_000;
    static final int SMOKE_VMS = 200;
    static final int SMOKE_CHANGES = 100;
    static final int NODES = 10;
    private static final String NAMESPACE = "bench";
    private static final String ENDPOINT = "kubevirt-event-cost";
    /** The mock server logs every request at INFO through java.util.logging: thousands of lines, and CPU on the cores measured. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
    /** A pool's thread ({@code <factory>-pool-<n>-thread-<m>}) or a JDK HTTP client's: group 1 names the pool. */
    private static final Pattern POOL_THREAD = Pattern.compile("(.*pool-\\d+-|HttpClient-\\d+-).*");
    /** The benchmark's writers: the creation is not measured, and a burst from a few clients at once is a burst. */
    private static final int WRITERS = 4;
    private static final String WRITER_THREAD = "bench-kubevirt-writer";
    private static final ResourceDefinitionContext VIRTUAL_MACHINES = kubevirt("VirtualMachine", "virtualmachines");
    private static final ResourceDefinitionContext VIRTUAL_MACHINE_INSTANCES =
            kubevirt("VirtualMachineInstance", "virtualmachineinstances");
    private static final ResourceDefinitionContext MIGRATIONS =
            kubevirt("VirtualMachineInstanceMigration", "virtualmachineinstancemigrations");

    @Override
    public String name() {
        return "kubevirt-event-cost";
    }

    @Override
    public String description() {
        return "KubeVirt collector on fabric8's Kubernetes mock server (CRUD mode) with 5,000 VMs and VMIs through the "
                + "collector runtime: first snapshot (wall, CPU of the collector's threads), then 1,000 VMI phase changes: "
                + "events per second, CPU µs per event, events lost";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int vms = context.smoke() ? SMOKE_VMS : VMS;
        int changes = context.smoke() ? SMOKE_CHANGES : CHANGES;
        ProgressLine.Task progress = context.progress(name());
        Instant deadline = Instant.now().plus(context.scenarioLimit());
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        KubernetesMockServer server = mockServer();
        AtomicInteger writerThreads = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS,
                r -> new Thread(r, WRITER_THREAD + "-" + writerThreads.incrementAndGet()));
        try (KubernetesClient client = server.createClient(new JdkHttpClientFactory())) {
            List<GenericKubernetesResource> scheduled = createCluster(client, writers, vms, changes, progress);
            Path kubeconfig = Files.createDirectories(context.workDir().resolve(name())).resolve("kubeconfig");
            Files.writeString(kubeconfig, kubeconfig("http://127.0.0.1:" + server.getPort()));
            EventCostFigures measured = measure(client, writers, kubeconfig, vms, scheduled, deadline, progress);
            return measured.figures(name());
        } finally {
            writers.shutdownNow();
            server.destroy();
        }
    }

    private static KubernetesMockServer mockServer() throws Exception {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        for (ResourceDefinitionContext kind : List.of(VIRTUAL_MACHINES, VIRTUAL_MACHINE_INSTANCES, MIGRATIONS)) {
            server.expectCustomResource(new CustomResourceDefinitionContext.Builder().withGroup(kind.getGroup())
                    .withVersion(kind.getVersion()).withKind(kind.getKind()).withPlural(kind.getPlural())
                    .withScope("Namespaced").build());
        }
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    /**
     * Nodes, then the VMs and VMIs by the writers; returns the VMIs created Scheduled (the ones the burst starts),
     * as the server stored them (with their resource versions).
     */
    private static List<GenericKubernetesResource> createCluster(KubernetesClient client, ExecutorService writers,
                                                                 int vms, int changes, ProgressLine.Task progress)
            throws Exception {
        long began = System.nanoTime();
        for (int n = 0; n < NODES; n++) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node(n)).endMetadata()
                    .withNewStatus().withConditions(new NodeConditionBuilder().withType("Ready").withStatus("True").build())
                    .endStatus().build()).create();
        }
        AtomicInteger created = new AtomicInteger();
        List<Future<GenericKubernetesResource>> vmis = new ArrayList<>(vms);
        for (int i = 0; i < vms; i++) {
            int index = i;
            vmis.add(writers.submit(() -> {
                GenericKubernetesResource vmi = createVmAndVmi(client, index, index < changes);
                synchronized (progress) { // the progress line is not thread-safe
                    progress.update("VMs and VMIs created", created.incrementAndGet(), vms);
                }
                return vmi;
            }));
        }
        List<GenericKubernetesResource> scheduled = new ArrayList<>(changes);
        for (int i = 0; i < vms; i++) {
            GenericKubernetesResource vmi = vmis.get(i).get();
            if (i < changes) {
                scheduled.add(vmi);
            }
        }
        progress.say(String.format(Locale.ROOT, "%,d nodes, %,d VMs and %,d VMIs created in %.1f s (%d writers)",
                NODES, vms, vms, (System.nanoTime() - began) / 1e9, WRITERS));
        return scheduled;
    }

    private static GenericKubernetesResource createVmAndVmi(KubernetesClient client, int index, boolean scheduled) {
        String name = String.format(Locale.ROOT, "vm-%05d", index);
        client.genericKubernetesResources(VIRTUAL_MACHINES).inNamespace(NAMESPACE)
                .resource(kubevirtObject("VirtualMachine", name, Map.of("runStrategy", "Always"), null)).create();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", scheduled ? "Scheduled" : "Running");
        status.put("nodeName", node(index % NODES));
        return client.genericKubernetesResources(VIRTUAL_MACHINE_INSTANCES).inNamespace(NAMESPACE)
                .resource(kubevirtObject("VirtualMachineInstance", name, Map.of(), status)).create();
    }

    /** Moves every VMI to Running, one status update each, from all writers at once. */
    private static void startAll(KubernetesClient client, ExecutorService writers, List<GenericKubernetesResource> vmis)
            throws Exception {
        List<Future<?>> updates = new ArrayList<>(vmis.size());
        for (GenericKubernetesResource vmi : vmis) {
            updates.add(writers.submit(() -> {
                status(vmi).put("phase", "Running");
                client.genericKubernetesResources(VIRTUAL_MACHINE_INSTANCES).inNamespace(NAMESPACE).resource(vmi).update();
            }));
        }
        for (Future<?> update : updates) {
            update.get();
        }
    }

    private static EventCostFigures measure(KubernetesClient client, ExecutorService writers, Path kubeconfig, int vms,
                                            List<GenericKubernetesResource> scheduled, Instant deadline,
                                            ProgressLine.Task progress) throws Exception {
        VmStateTally sink = new VmStateTally(vm -> vm.vmId().startsWith(NAMESPACE + "/"));
        EndpointConfig endpoint = EndpointConfig.builder(ENDPOINT, "ocp-bench", Platform.KUBEVIRT)
                .setting("kubeconfig-file", kubeconfig.toString())
                .pollInterval(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(60)).build();
        int changes = scheduled.size();
        return EventCostRun.measure(endpoint, sink, new CollectorThreadsCpu(collectorThreads()),
                Map.of(PowerState.RUNNING, vms - changes, PowerState.STOPPED, changes), Map.of(PowerState.RUNNING, changes),
                () -> startAll(client, writers, scheduled), deadline, progress);
    }

    /**
     * The collector's threads, chosen just before it starts: every thread started from then on (thread ids only
     * grow) is the collector's, its fabric8 client's executor, JDK HTTP client and informers included, bar the mock
     * server's (Vert.x), the benchmark's writers and new threads of pools the benchmark's own client already had
     * ({@code <factory>-pool-<n>-thread-<m>}, {@code HttpClient-<n>-...}).
     */
    private static Predicate<ThreadInfo> collectorThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long newestBefore = Arrays.stream(ids).max().orElse(0);
        Set<String> benchmarkPools = Arrays.stream(threads.getThreadInfo(ids)).filter(Objects::nonNull)
                .map(t -> poolOf(t.getThreadName())).filter(Objects::nonNull).collect(Collectors.toSet());
        return t -> t.getThreadId() > newestBefore && !t.getThreadName().startsWith("vert")
                && !t.getThreadName().startsWith(WRITER_THREAD) && !benchmarkPools.contains(poolOf(t.getThreadName()));
    }

    private static String poolOf(String thread) {
        Matcher m = POOL_THREAD.matcher(thread);
        return m.matches() ? m.group(1) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(GenericKubernetesResource object) {
        return (Map<String, Object>) object.getAdditionalProperties().get("status");
    }

    private static GenericKubernetesResource kubevirtObject(String kind, String name, Map<String, Object> spec,
                                                            Map<String, Object> status) {
        GenericKubernetesResource object = new GenericKubernetesResource();
        object.setApiVersion("kubevirt.io/v1");
        object.setKind(kind);
        object.setMetadata(new ObjectMetaBuilder().withNamespace(NAMESPACE).withName(name).build());
        object.getAdditionalProperties().put("spec", new LinkedHashMap<>(spec));
        if (status != null) {
            object.getAdditionalProperties().put("status", status);
        }
        return object;
    }

    private static ResourceDefinitionContext kubevirt(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("kubevirt.io").withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    private static String node(int n) {
        return String.format(Locale.ROOT, "worker-%02d", n);
    }

    /** A kubeconfig with the mock server as its one cluster and a bearer token (the mock server checks none). */
    private static String kubeconfig(String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters: [{name: bench, cluster: {server: "%s"}}]
                contexts: [{name: bench, context: {cluster: bench, user: bench}}]
                current-context: bench
                users: [{name: bench, user: {token: bench-token}}]
                """.formatted(server);
    }

    /**
     * Runs the scenario alone, without the harness's broker (it needs none):
     * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.collector.KubevirtEventCost [--smoke]}.
     */
    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        BenchContext context = new BenchContext(null, Files.createTempDirectory("sitewatch-kubevirt-event-cost-"), smoke, 0,
                Duration.ofMinutes(15), new ProgressLine(System.out));
        for (Figure f : new KubevirtEventCost().run(context)) {
            System.out.printf(Locale.ROOT, "%-45s %12.1f %s%n", f.measure(), f.value(), f.target() == null ? "" : "target " + f.target());
        }
    }
}
