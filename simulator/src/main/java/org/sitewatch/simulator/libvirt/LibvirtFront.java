package org.sitewatch.simulator.libvirt;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.NodeSpec;
import org.sitewatch.simulator.ReplicationJobSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.NodeState;
import org.sitewatch.simulator.engine.ReplicationLinkState;
import org.sitewatch.simulator.front.FrontExchange;
import org.sitewatch.simulator.front.VendorFront;

/**
 * Plain KVM hosts managed by libvirt, with DRBD replication. libvirt is not an HTTP API: after
 * every tick the cluster is mirrored onto libvirt's own in-process {@code test:///default} driver
 * ({@link TestDriverMirror}), which a libvirt collector in the same process connects to, so it reads
 * real domains and receives real lifecycle events; and each node's {@code drbdsetup status --json}
 * is written to a file ({@link DrbdStatusFiles}, {@link DrbdStatusDocument}) the collector reads
 * with {@code cat}.
 *
 * <p>The test driver is one hypervisor per process, so a libvirt cluster is one libvirt host: its
 * first node, where all its guests must be; its other nodes are DRBD peers only (the targets of its
 * replication links), and a scenario has at most one libvirt cluster. Plain libvirt restarts
 * nothing, so no node hosts recovered guests.
 */
public final class LibvirtFront implements VendorFront {

    private final TestDriverMirror mirror = new TestDriverMirror();
    private DrbdStatusFiles drbdFiles;
    /**
     * Per cluster, the links whose target was seen down since their last good sync. The map is guarded
     * by this front's monitor, a cluster's set by its engine's lock (afterTick runs under it).
     */
    private final Map<String, Set<String>> peerLostSinceLastSync = new HashMap<>();

    @Override
    public String platform() {
        return "libvirt";
    }

    @Override
    public List<String> settingKeys() {
        return List.of();
    }

    @Override
    public void checkSetting(String key, String value) {
        throw new IllegalArgumentException("the libvirt front has no settings");
    }

    @Override
    public String defaultTechnology() {
        return "drbd";
    }

    @Override
    public String apiRoot() {
        return "";
    }

    /**
     * The libvirt block: one host named after the cluster's first node at {@code test:///default};
     * with replication links, the {@code drbd} block reading that node's status file ({@link #catCommand}), each link
     * target as a peer in its site.
     */
    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster) {
        String host = hostNode(cluster);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("hosts[0].name", host);
        out.put("hosts[0].uri", TestDriverMirror.URI);
        if (!cluster.replication().isEmpty()) {
            out.put("drbd.command.command", catCommand(files().file(cluster.name(), host)));
            out.put("drbd.node-name", host);
            for (ReplicationJobSpec link : cluster.replication()) {
                out.put("drbd.peers[" + link.target() + "]", siteOf(cluster, link.target()));
            }
        }
        return out;
    }

    /** @throws IllegalArgumentException when the scenario has more than one libvirt cluster */
    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster, String baseUrl, List<ClusterSpec> estate) {
        List<String> libvirtClusters = estate.stream().filter(c -> c.platform().equals(platform()))
                .map(ClusterSpec::name).toList();
        if (libvirtClusters.size() > 1) {
            throw new IllegalArgumentException("libvirt front: clusters " + libvirtClusters + " would share the "
                    + "process's one test:///default driver; a scenario may have one libvirt cluster");
        }
        return collectorSettings(cluster);
    }

    /** A collector reaches the cluster through the in-process test driver, not over HTTP. */
    @Override
    public boolean servedOverHttp() {
        return false;
    }

    /** Without libvirt's native library the test driver cannot be opened: the reason says to install libvirt0. */
    @Override
    public Optional<String> unavailableReason() {
        try {
            LibvirtLibrary.ensureLoaded();
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** libvirt has no HTTP API here: the collector talks to the test driver. */
    @Override
    public void serve(FrontExchange exchange) throws IOException {
        HttpExchange ex = exchange.http();
        byte[] body = ("libvirt cluster " + exchange.cluster().name() + " is served through libvirt's "
                + TestDriverMirror.URI + " driver in the simulator's process, not over HTTP\n")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(404, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public boolean hostsRecoveredGuests(ClusterSpec cluster, NodeSpec node) {
        return false;
    }

    /**
     * Mirrors the cluster's guests onto the test driver and writes every node's DRBD status.
     *
     * @throws IllegalStateException when a guest is not on the host node, or libvirt is missing or fails
     */
    @Override
    public void afterTick(ClusterState cluster, Instant now) {
        String host = hostNode(cluster.spec());
        boolean hostOnline = cluster.isOnline(host);
        List<MirroredDomain> domains = new ArrayList<>();
        for (GuestState guest : cluster.guests()) {
            if (!host.equals(guest.node())) {
                throw new IllegalStateException("libvirt front, cluster " + cluster.name() + ": guest " + guest.vmid()
                        + " is on node " + guest.node() + ", but only the cluster's first node, " + host
                        + ", is a libvirt host (one test:///default per process); its other nodes are DRBD peers");
            }
            domains.add(MirroredDomain.of(cluster.name(), guest, hostOnline));
        }
        mirror.sync(cluster.name(), domains);
        if (cluster.links().isEmpty()) {
            return;
        }
        Set<String> peerReturned = peersReturned(cluster);
        for (NodeState node : cluster.nodes()) {
            if (node.online()) {
                files().write(cluster.name(), node.name(),
                        DrbdStatusDocument.of(cluster, node.name(), now, peerReturned).toString());
            } else {
                files().remove(cluster.name(), node.name());
            }
        }
    }

    /**
     * The links (ids) whose target went down since their last good sync and is back: remembered per
     * cluster from tick to tick, forgotten once the link has synced with the target up.
     */
    private Set<String> peersReturned(ClusterState cluster) {
        Set<String> lostPeer;
        synchronized (this) {
            lostPeer = peerLostSinceLastSync.computeIfAbsent(cluster.name(), c -> new HashSet<>());
        }
        Set<String> returned = new HashSet<>();
        for (ReplicationLinkState link : cluster.links()) {
            if (!cluster.isOnline(link.target())) {
                lostPeer.add(link.id());
            } else if (link.failCount() == 0) {
                lostPeer.remove(link.id());
            } else if (lostPeer.contains(link.id())) {
                returned.add(link.id());
            }
        }
        lostPeer.retainAll(cluster.links().stream().map(ReplicationLinkState::id).toList());
        return returned;
    }

    /**
     * {@code cat '<file>'} as one command string, not a {@code [cat, <file>]} list: the embedded default
     * hands these settings to Spring as command-line arguments, whose indexed keys reach the settings
     * binder in no particular order (a list could run the file with {@code cat} as its argument).
     */
    static String catCommand(Path file) {
        String path = file.toString();
        if (path.contains("'")) {
            throw new IllegalStateException("libvirt front: the DRBD status file " + path + " has a single quote in "
                    + "its path, which the collector's command string cannot quote; set java.io.tmpdir elsewhere");
        }
        return "cat '" + path + "'";
    }

    private static String hostNode(ClusterSpec cluster) {
        return cluster.nodes().get(0).name();
    }

    private static String siteOf(ClusterSpec cluster, String node) {
        return cluster.nodes().stream().filter(n -> n.name().equals(node)).map(NodeSpec::site).findFirst()
                .orElse(cluster.site());
    }

    private synchronized DrbdStatusFiles files() {
        if (drbdFiles == null) {
            drbdFiles = DrbdStatusFiles.inTemporaryDirectory();
        }
        return drbdFiles;
    }
}
