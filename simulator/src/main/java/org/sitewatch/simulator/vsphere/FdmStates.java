package org.sitewatch.simulator.vsphere;

import java.time.Duration;
import java.time.Instant;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.NodeState;

/**
 * What vSphere HA's agents (FDM) say about each host, derived from the engine's nodes: one online
 * host is the {@code master} (it stays master while it is up), the other online hosts are
 * {@code connectedToMaster}; when the master goes down the others hold an {@code election} for
 * {@link #ELECTION} before the first online host takes over. A host that went down is
 * {@code fdmUnreachable} for the cluster's fence delay (HA's failure detection time), then
 * {@code hostDown}. With HA off there is no state (the property is unset). Stateful because who is
 * master depends on the past; guarded by its {@link Vcenter}.
 */
final class FdmStates {

    static final Duration ELECTION = Duration.ofSeconds(10);

    /** A host's HA state: the ClusterDasFdmAvailabilityState word and the host that reports it (null: vCenter). */
    record HostState(String state, String reporter) {
    }

    private String master;
    private Instant electionUntil;

    /** Brings the master and any election up to {@code now}. */
    void observe(ClusterState cluster, Instant now) {
        NodeState current = master == null ? null : cluster.node(master);
        if (current != null && current.online()) {
            electionUntil = null;
            return;
        }
        boolean anyOnline = cluster.nodes().stream().anyMatch(NodeState::online);
        if (master != null && electionUntil == null) {
            electionUntil = (current == null ? now : current.since()).plus(ELECTION);
        }
        if (electionUntil != null && now.isBefore(electionUntil) && anyOnline) {
            return;
        }
        electionUntil = null;
        master = cluster.nodes().stream().filter(NodeState::online).map(NodeState::name).findFirst().orElse(null);
    }

    /** The elected master, or null during an election or when every host is down. */
    String master() {
        return electionUntil == null ? master : null;
    }

    HostState of(ClusterState cluster, NodeState node, Instant now) {
        String elected = master();
        if (node.online()) {
            if (elected == null) {
                return new HostState("election", null);
            }
            return node.name().equals(elected) ? new HostState("master", node.name())
                    : new HostState("connectedToMaster", elected);
        }
        boolean detected = !now.isBefore(failureDetectedAt(cluster, node));
        return new HostState(detected ? "hostDown" : "fdmUnreachable", elected);
    }

    /** When HA declares a host that went down dead: its fence delay after it went down. */
    static Instant failureDetectedAt(ClusterState cluster, NodeState node) {
        return node.since().plus(cluster.spec().ha().fenceDelay());
    }
}
