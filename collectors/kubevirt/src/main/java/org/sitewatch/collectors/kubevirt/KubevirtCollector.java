package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.sitewatch.collectors.spi.CheckpointStore;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.ObservationSink;
import org.sitewatch.collectors.spi.PushSource;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KubeVirt push source: fabric8 informers (list, then watch; re-list when the watch falls too
 * far behind) on VirtualMachines, VirtualMachineInstances and VirtualMachineInstanceMigrations, in
 * every namespace or in each configured one, and on the cluster's Nodes.
 *
 * <p>Everything the informers deliver is moved onto one event thread of this source, which keeps the
 * {@link ClusterModel} and calls the sink: nothing is shared between threads but the queue. The
 * first snapshot goes out once every informer has listed; after that each change is observed, and
 * every later (re-)list, every {@code resync-period} and every {@link #resync()} brings a full
 * snapshot, so a removal missed while a watch was down is still noticed.
 *
 * <p>HA actions pass the {@link ActionLedger} (in the checkpoint store) so that re-lists and restarts
 * do not publish one twice. The last resource version each informer listed or saw is kept in the
 * checkpoint store as well ({@value #RESOURCE_VERSIONS_KEY}), and logged when the source resumes:
 * fabric8's informers always start with a list, so it is not a place to resume the watch from; the
 * ledger and the runtime's change detection are what keep a resumed source from repeating itself.
 *
 * <p>Failures: one at start (401/403, KubeVirt missing, API server unreachable) is thrown,
 * classified; one after start stops the informers and goes to {@link ObservationSink#failed}, and
 * the runtime subscribes again after its back-off. Nodes that may not be listed (403) are a partial
 * read of HA hosts instead of a failure.
 */
final class KubevirtCollector implements PushSource {

    static final String RESOURCE_VERSIONS_KEY = "kubevirt.resource-versions";
    private static final Logger log = LoggerFactory.getLogger(KubevirtCollector.class);
    private static final String NODES = "nodes";

    private final EndpointConfig endpoint;
    private final KubevirtSettings settings;
    private final Sites sites;
    private final Clock clock;
    private final CheckpointStore checkpoints;
    /** Kept across re-subscriptions, so a VMI replaced while the watch was down still reads as a restart. */
    private final RestartDetector restarts;

    /** One subscription's parts; replaced on each start. */
    private Subscription subscription;

    KubevirtCollector(EndpointConfig endpoint, KubevirtSettings settings, Clock clock, CheckpointStore checkpoints) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.sites = Sites.of(endpoint, settings);
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.restarts = new RestartDetector(sites);
    }

    @Override
    public synchronized void start(ObservationSink sink) throws CollectorException {
        stop();
        Config config = KubeClients.config(endpoint, settings);
        String credentials = settings.inCluster() ? "the service account" : settings.kubeconfig().origin();
        KubevirtFailures failures = new KubevirtFailures(config.getMasterUrl().replaceAll("/+$", ""), credentials,
                endpoint.vendor().key());
        Subscription s = new Subscription(sink, failures, KubeClients.client(config,
                new AnswerCapInterceptor(settings.maxResponseBytes(), endpoint.vendor().key() + ".max-response-bytes")));
        subscription = s;
        try {
            s.start();
        } catch (CollectorException e) {
            stop();
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public synchronized boolean resync() {
        Subscription s = subscription;
        return s != null && s.requestSnapshot();
    }

    /** The informers, the event thread and the model of one subscription. */
    private final class Subscription implements ClusterModel.Output {
        private final ObservationSink sink;
        private final KubevirtFailures failures;
        private final KubernetesClient client;
        private final ScheduledExecutorService events;
        private final ClusterModel model;
        private final ActionLedger ledger;
        private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
        /** Informer name → the last resource version it listed or delivered; only touched on the event thread. */
        private final Map<String, String> resourceVersions = new LinkedHashMap<>();
        private final Set<String> awaitingFirstList = new HashSet<>();
        private volatile boolean closed;
        /** Whether the first snapshot went out: from then on changes are observed one by one. */
        private boolean live;
        private boolean failed;

        Subscription(ObservationSink sink, KubevirtFailures failures, KubernetesClient client) {
            this.sink = sink;
            this.failures = failures;
            this.client = client;
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "kubevirt-" + endpoint.id());
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            this.events = executor;
            this.model = new ClusterModel(sites, restarts, this);
            this.ledger = ActionLedger.load(checkpoints, clock.instant());
        }

        void start() throws CollectorException {
            String saved = checkpoints.get(RESOURCE_VERSIONS_KEY).orElse(null);
            if (saved != null) {
                log.info("collector {}: resuming; last resource versions seen {}; the informers list again and "
                        + "actions published before are not repeated", endpoint.id(), saved.replace('\n', ' ').trim());
            }
            Map<SharedIndexInformer<?>, String> kubevirtPaths = new LinkedHashMap<>();
            List<String> scopes = settings.allNamespaces() ? Collections.singletonList(null) : settings.namespaces();
            for (String namespace : scopes) {
                kubevirtPaths.put(inform(KubevirtResources.VIRTUAL_MACHINES, namespace,
                        (vm, at) -> model.vmChanged(vm), (vm, at) -> model.vmDeleted(vm)), path(KubevirtResources.VIRTUAL_MACHINES, namespace));
                kubevirtPaths.put(inform(KubevirtResources.VIRTUAL_MACHINE_INSTANCES, namespace,
                        model::vmiChanged, (vmi, at) -> model.vmiDeleted(vmi)), path(KubevirtResources.VIRTUAL_MACHINE_INSTANCES, namespace));
                kubevirtPaths.put(inform(KubevirtResources.MIGRATIONS, namespace,
                        model::migrationChanged, (vmim, at) -> { }), path(KubevirtResources.MIGRATIONS, namespace));
            }
            SharedIndexInformer<Node> nodes = client.nodes().runnableInformer(0);
            register(nodes, NODES, ClusterModel.NODES_PATH, false, (node, at) -> model.nodeChanged(node),
                    (node, at) -> model.nodeDeleted(node));

            Instant deadline = clock.instant().plus(endpoint.effectivePollDeadline());
            Map<SharedIndexInformer<?>, CompletableFuture<Void>> started = new LinkedHashMap<>();
            informers.forEach(i -> started.put(i, i.start().toCompletableFuture()));
            for (Map.Entry<SharedIndexInformer<?>, String> entry : kubevirtPaths.entrySet()) {
                await(started.get(entry.getKey()), entry.getValue(), true, deadline, null);
            }
            await(started.get(nodes), ClusterModel.NODES_PATH, false, deadline, forbidden -> {
                // A namespaced account often may not list nodes: VMs are still worth watching.
                log.warn("collector {}: {}; HA hosts are not reported", endpoint.id(),
                        Redactor.redact(forbidden.getMessage()));
                post(() -> {
                    model.nodesUnreadable(forbidden.getMessage());
                    listed(NODES, null);
                });
            });
            events.scheduleAtFixedRate(() -> {
                if (live) {
                    publishSnapshot("the resync period");
                }
            }, settings.resyncPeriod().toNanos(), settings.resyncPeriod().toNanos(), TimeUnit.NANOSECONDS);
        }

        private SharedIndexInformer<GenericKubernetesResource> inform(KubevirtResources resource, String namespace,
                BiConsumer<GenericKubernetesResource, Instant> changed, BiConsumer<GenericKubernetesResource, Instant> deleted) {
            var operation = client.genericKubernetesResources(resource.context());
            SharedIndexInformer<GenericKubernetesResource> informer = namespace == null
                    ? operation.inAnyNamespace().runnableInformer(0)
                    : operation.inNamespace(namespace).runnableInformer(0);
            register(informer, resource.plural() + (namespace == null ? "" : "@" + namespace), path(resource, namespace),
                    true, changed, deleted);
            return informer;
        }

        private <T extends HasMetadata> void register(SharedIndexInformer<T> informer, String name, String path,
                boolean kubevirt, BiConsumer<T, Instant> changed, BiConsumer<T, Instant> deleted) {
            informer.exceptionHandler((started, failure) -> {
                if (started) {
                    post(() -> fail(failures.classify(failure, path, kubevirt)));
                }
                return false;
            });
            informer.addEventHandler(new Handler<>(name, changed, deleted));
            awaitingFirstList.add(name);
            informers.add(informer);
        }

        /** Waits for an informer's first list; {@code onForbidden}, when given, takes a 403 instead of failing. */
        private void await(CompletableFuture<Void> start, String path, boolean kubevirt, Instant deadline,
                           Consumer<CollectorException> onForbidden) throws CollectorException {
            long wait = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
            try {
                start.get(wait, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                CollectorException failure = failures.classify(e.getCause(), path, kubevirt);
                if (onForbidden == null || !KubevirtFailures.isForbidden(e.getCause())) {
                    throw failure;
                }
                onForbidden.accept(failure);
            } catch (TimeoutException e) {
                throw CollectorException.retriable(CollectorErrorKind.TIMEOUT, "listing " + path + " did not finish within "
                        + endpoint.effectivePollDeadline(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CollectorException.retriable(CollectorErrorKind.INTERNAL, "interrupted while listing " + path, e);
            }
        }

        /** An informer finished a list: the first of each completes the start, any later one is a re-list. */
        private void listed(String informer, String resourceVersion) {
            if (resourceVersion != null) {
                resourceVersions.put(informer, resourceVersion);
            }
            if (live) {
                publishSnapshot("a re-list of " + informer);
            } else if (awaitingFirstList.remove(informer) && awaitingFirstList.isEmpty()) {
                live = true;
                publishSnapshot("the start");
            }
        }

        boolean requestSnapshot() {
            return post(() -> {
                if (live) {
                    publishSnapshot("a resync request");
                }
            });
        }

        private void publishSnapshot(String why) {
            if (failed) {
                return;
            }
            sink.snapshot(model.snapshot(clock.instant()));
            saveResourceVersions();
            log.debug("collector {}: snapshot after {}", endpoint.id(), why);
        }

        @Override
        public void state(EventData state) {
            if (live && !failed) {
                sink.observe(clock.instant(), state);
            }
        }

        @Override
        public void action(ObservedAction action) {
            if (failed || !ledger.isNew(action)) {
                return;
            }
            sink.observe(action.at(), action.action());
            ledger.published(action);
        }

        private void fail(CollectorException cause) {
            if (!failed) {
                failed = true;
                log.warn("collector {}: the watch failed: {}", endpoint.id(), Redactor.redact(cause.getMessage()));
                sink.failed(cause);
            }
        }

        /** Runs {@code task} on the event thread; false when this subscription is closed. */
        private boolean post(Runnable task) {
            if (closed) {
                return false;
            }
            try {
                events.execute(() -> {
                    if (closed) {
                        return;
                    }
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.warn("collector {}: a watch event could not be handled: {}", endpoint.id(), e.toString(), e);
                    }
                });
                return true;
            } catch (RejectedExecutionException e) {
                return false;
            }
        }

        private void saveResourceVersions() {
            if (resourceVersions.isEmpty()) {
                return;
            }
            StringBuilder text = new StringBuilder();
            resourceVersions.forEach((informer, version) -> text.append(informer).append('=').append(version).append('\n'));
            checkpoints.put(RESOURCE_VERSIONS_KEY, text.toString());
        }

        void close() {
            closed = true;
            for (SharedIndexInformer<?> informer : informers) {
                try {
                    informer.stop();
                } catch (RuntimeException e) {
                    log.debug("collector {}: stopping an informer failed: {}", endpoint.id(), e.toString());
                }
            }
            client.close();
            events.shutdownNow();
            try {
                if (!events.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("collector {}: the event thread did not stop within 5 s", endpoint.id());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (live) {
                saveResourceVersions();
            }
        }

        /** Moves one informer's notifications onto the event thread. */
        private final class Handler<T extends HasMetadata> implements ResourceEventHandler<T> {
            private final String name;
            private final BiConsumer<T, Instant> changed;
            private final BiConsumer<T, Instant> deleted;

            Handler(String name, BiConsumer<T, Instant> changed, BiConsumer<T, Instant> deleted) {
                this.name = name;
                this.changed = changed;
                this.deleted = deleted;
            }

            @Override
            public void onAdd(T obj) {
                deliver(obj, changed);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                deliver(newObj, changed);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                deliver(obj, deleted);
            }

            @Override
            public void onList(String resourceVersion, boolean initialEmpty) {
                post(() -> listed(name, resourceVersion));
            }

            private void deliver(T obj, BiConsumer<T, Instant> action) {
                post(() -> {
                    String version = obj.getMetadata().getResourceVersion();
                    if (version != null) {
                        resourceVersions.put(name, version);
                    }
                    action.accept(obj, clock.instant());
                });
            }
        }
    }

    private static String path(KubevirtResources resource, String namespace) {
        return namespace == null ? resource.path()
                : "/apis/" + KubevirtResources.GROUP + "/" + KubevirtResources.VERSION + "/namespaces/" + namespace + "/"
                        + resource.plural();
    }

    @Override
    public String toString() {
        return "KubevirtCollector[" + endpoint.id() + "]";
    }
}
