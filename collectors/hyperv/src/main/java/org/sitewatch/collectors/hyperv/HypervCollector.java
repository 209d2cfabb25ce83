package org.sitewatch.collectors.hyperv;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.sitewatch.collectors.hyperv.HypervEnums.NodeState;
import org.sitewatch.collectors.hyperv.wsman.ScriptResult;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;

/**
 * One Hyper-V endpoint: a standalone host, or a failover cluster read node by node. Get-VM and
 * Get-VMReplication see only the node they run on, and asking the other nodes from one of them
 * ({@code -ComputerName}) would be a second hop NTLM cannot make, so every node's own listener
 * runs the snapshot script.
 *
 * <p>Which nodes: the first poll asks the endpoint's {@code url} (a node, or the cluster's name);
 * its Get-ClusterNode names the cluster's nodes, and every Up or Paused node not asked yet is asked
 * next, in parallel, at its own listener ({@link HypervSettings#nodeUrl}). Later polls ask all the
 * nodes last seen Up or Paused at once, then add the ones that came up since. Only when none of
 * them answers are {@code url} and the {@code node-urls} asked again. So a cluster's membership
 * follows the cluster without configuration, each node is read once per poll, and the endpoint
 * still answers when the node of {@code url} is the one that is down.
 *
 * <p>Failures: a node that cannot be read (time-out, credentials, HTTP 5xx, script error) makes
 * its VMs and replications unreadable ({@link Scope#node}) while the other nodes are mapped; a node
 * the cluster reports Down, Joining or Unknown is not asked and its scope is unreadable the same
 * way (its VMs are not known to be gone). Only when no listener answers does the poll fail, with
 * the {@code url} listener's classified failure. The cluster's nodes, quorum and roles come from
 * the first answer.
 */
final class HypervCollector implements PollingSource {

    /** One listener's way to run a script; a {@link org.sitewatch.collectors.hyperv.wsman.WsmanClient} in production. */
    @FunctionalInterface
    interface Listener {
        ScriptResult run(String script, Duration deadline) throws CollectorException;
    }

    private static final int MAX_PARALLEL_NODES = 8;
    private static final int DEFAULT_DEADLINE_TIMEOUTS = 6;

    private final EndpointConfig endpoint;
    private final HypervSettings settings;
    private final Function<URI, Listener> connect;
    private final TestFailoverBoard board;
    private final Clock clock;
    private final HypervSnapshotMapper mapper;
    private final HypervReportReader reader = new HypervReportReader();
    private final String script = HypervScript.text();
    private final Map<URI, Listener> listeners = new ConcurrentHashMap<>();
    /** The node names the listeners reported ({@code ComputerName}), for naming a listener's scope when it fails. */
    private final Map<URI, String> hostNames = new ConcurrentHashMap<>();
    /**
     * Each node's name as its own Get-VM wrote it ({@code ComputerName}, usually upper case), by
     * lower-case name: Get-ClusterNode may spell it otherwise ({@code hv-a1}), and a node's
     * unreadable scope must name it as its VMs' {@code host} does.
     */
    private final Map<String, String> vmHostNames = new ConcurrentHashMap<>();
    private final ExecutorService nodeReads;
    /** The nodes the last cluster view showed Up or Paused, by name. */
    private List<String> liveNodes = List.of();

    HypervCollector(EndpointConfig endpoint, HypervSettings settings, Function<URI, Listener> connect,
                    TestFailoverBoard board, Clock clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.connect = connect;
        this.board = board;
        this.clock = clock;
        this.mapper = new HypervSnapshotMapper(endpoint.site(), settings, endpoint.vendor().key());
        AtomicInteger threads = new AtomicInteger();
        this.nodeReads = Executors.newFixedThreadPool(MAX_PARALLEL_NODES, r -> {
            Thread t = new Thread(r, "hyperv-" + endpoint.id() + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Snapshot poll() throws CollectorException {
        Snapshot.Builder snapshot = Snapshot.builder(clock.instant());
        Map<URI, String> firstRound = new LinkedHashMap<>();
        liveNodes.forEach(name -> firstRound.putIfAbsent(settings.nodeUrl(name), name));
        if (firstRound.isEmpty()) {
            firstRound.put(settings.url(), hostNames.getOrDefault(settings.url(), settings.url().getHost()));
        }
        Map<URI, Outcome> outcomes = readAll(firstRound);
        if (firstAnswer(outcomes) == null) {
            Map<URI, String> fallback = new LinkedHashMap<>();
            fallback.put(settings.url(), hostNames.getOrDefault(settings.url(), settings.url().getHost()));
            settings.nodeUrls().forEach((name, url) -> fallback.putIfAbsent(URI.create(url), name));
            outcomes.keySet().forEach(fallback::remove);
            outcomes.putAll(readAll(fallback));
        }
        HypervReport first = firstAnswer(outcomes);
        if (first == null) {
            Outcome viaUrl = outcomes.get(settings.url());
            throw viaUrl != null ? viaUrl.failure : outcomes.values().iterator().next().failure;
        }
        HypervReport.Clustering clustering = first.clustering();
        Set<String> notUp = new HashSet<>();
        if (clustering.ok()) {
            Map<URI, String> secondRound = new LinkedHashMap<>();
            List<String> live = new ArrayList<>();
            for (HypervReport.Node node : clustering.nodes()) {
                if (node.state().is(NodeState.Up) || node.state().is(NodeState.Paused)) {
                    live.add(node.name());
                    URI url = settings.nodeUrl(node.name());
                    if (!outcomes.containsKey(url) && !answered(outcomes, node.name())) {
                        secondRound.put(url, node.name());
                    }
                } else {
                    String reason = "node " + node.name() + " is " + node.state().raw() + " in cluster "
                            + clustering.name() + ": its VMs and replications are not read";
                    notUp.add(node.name().toLowerCase(Locale.ROOT));
                    unreadable(snapshot, node.name(), reason);
                }
            }
            liveNodes = List.copyOf(live);
            outcomes.putAll(readAll(secondRound));
        } else {
            liveNodes = List.of();
        }

        List<HypervReport> reports = new ArrayList<>();
        reports.add(first);
        outcomes.forEach((url, outcome) -> {
            if (outcome.report != null && outcome.report != first) {
                reports.add(outcome.report);
            } else if (outcome.failure != null && !notUp.contains(outcome.node.toLowerCase(Locale.ROOT))) {
                // (a node the cluster now reports Down failed for that reason, already said above)
                unreadable(snapshot, outcome.node, "node " + outcome.node + " could not be read: "
                        + outcome.failure.getMessage());
            }
        });
        mapper.map(reports, snapshot, board.seenByOthers(endpoint.id()));
        Map<String, Instant> seenHere = new HashMap<>();
        reports.forEach(r -> seenHere.putAll(HypervSnapshotMapper.testFailovers(r)));
        board.post(endpoint.id(), seenHere);
        return snapshot.build();
    }

    @Override
    public void close() {
        nodeReads.shutdownNow();
    }

    /** The node's VMs and replications were not read: their last states stand (see {@link #vmHostNames}). */
    private void unreadable(Snapshot.Builder snapshot, String node, String reason) {
        Scope scope = Scope.node(vmHostNames.getOrDefault(node.toLowerCase(Locale.ROOT), node));
        snapshot.unreadable(EventType.VM_STATE, scope, reason);
        snapshot.unreadable(EventType.REPLICATION_STATUS, scope, reason);
    }

    /** The first answer whose cluster could be read, else the first answer; null when none answered. */
    private static HypervReport firstAnswer(Map<URI, Outcome> outcomes) {
        List<HypervReport> answers = outcomes.values().stream().filter(o -> o.report != null).map(o -> o.report).toList();
        return answers.stream().filter(r -> r.clustering().ok()).findFirst()
                .orElse(answers.isEmpty() ? null : answers.get(0));
    }

    private static boolean answered(Map<URI, Outcome> outcomes, String node) {
        return outcomes.values().stream().anyMatch(o -> o.report != null && o.report.computerName() != null
                && o.report.computerName().equalsIgnoreCase(node));
    }

    /** Reads the listeners in parallel; a failure is kept beside the answers, never thrown. */
    private Map<URI, Outcome> readAll(Map<URI, String> nodesByUrl) throws CollectorException {
        Map<URI, Future<HypervReport>> running = new LinkedHashMap<>();
        nodesByUrl.forEach((url, node) -> running.put(url, nodeReads.submit(() -> read(url))));
        Map<URI, Outcome> outcomes = new LinkedHashMap<>();
        try {
            for (Map.Entry<URI, Future<HypervReport>> e : running.entrySet()) {
                String node = nodesByUrl.get(e.getKey());
                try {
                    outcomes.put(e.getKey(), new Outcome(node, e.getValue().get(), null));
                } catch (ExecutionException failed) {
                    outcomes.put(e.getKey(), new Outcome(node, null, classify(failed.getCause(), e.getKey())));
                }
            }
        } catch (InterruptedException interrupted) {
            running.values().forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw CollectorException.retriable(CollectorErrorKind.TIMEOUT,
                    "the Hyper-V poll was interrupted (poll deadline)", interrupted);
        }
        return outcomes;
    }

    private HypervReport read(URI url) throws CollectorException {
        ScriptResult result = listeners.computeIfAbsent(url, connect).run(script, runDeadline());
        if (!result.succeeded()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "the Hyper-V snapshot script failed on "
                    + url.getHost() + " (exit code " + result.exitCode() + "): " + result.errorText(), null);
        }
        try {
            HypervReport report = reader.read(result.stdout());
            if (report.computerName() != null) {
                hostNames.put(url, report.computerName());
                vmHostNames.put(report.computerName().toLowerCase(Locale.ROOT), report.computerName());
            }
            return report;
        } catch (IllegalArgumentException e) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED, e.getMessage() + " (from "
                    + url.getHost() + ")", e);
        }
    }

    private static CollectorException classify(Throwable cause, URI url) {
        if (cause instanceof CollectorException e) {
            return e;
        }
        return CollectorException.retriable(CollectorErrorKind.INTERNAL, "reading " + url.getHost() + " failed: "
                + cause, cause);
    }

    /**
     * How long one node's script run may take: half the poll's deadline (the nodes are read in at
     * most two rounds of parallel runs), at least the endpoint's time-out.
     */
    private Duration runDeadline() {
        Duration poll = endpoint.pollDeadline() != null ? endpoint.pollDeadline()
                : endpoint.timeout().multipliedBy(DEFAULT_DEADLINE_TIMEOUTS);
        Duration half = poll.dividedBy(2);
        return half.compareTo(endpoint.timeout()) < 0 ? endpoint.timeout() : half;
    }

    /** One listener's answer or failure; {@code node} names its scope when it failed. */
    private record Outcome(String node, HypervReport report, CollectorException failure) {
    }

    @Override
    public String toString() {
        return "HypervCollector[" + endpoint.id() + " " + settings.url().getHost().toLowerCase(Locale.ROOT) + "]";
    }
}
