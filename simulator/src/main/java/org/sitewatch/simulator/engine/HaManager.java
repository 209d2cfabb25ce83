package org.sitewatch.simulator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.sitewatch.simulator.HaTiming;
import org.sitewatch.simulator.front.VendorFront;
import org.sitewatch.simulator.front.VendorFronts;

/**
 * Simulated HA cluster resource manager of one cluster. Advances service phases through time:
 * {@code FENCING} → {@code RECOVERING} after the fence delay (only while quorate, as fencing needs
 * the quorate partition), {@code RECOVERING} → {@code STARTED} on another online node after the
 * recovery delay, and settles {@code STARTING}, {@code STOPPING} and {@code MIGRATING} after one
 * round. Transitions happen at their own scheduled times, so catching up after a long gap chains
 * them exactly. Limits: no HA groups/rules (recovery may pick a node in another site of a stretched
 * cluster), no max_restart/relocate counting, no error phase.
 */
final class HaManager {

    private HaManager() {
    }

    static void advanceTo(ClusterState cluster, Instant now) {
        HaTiming timing = cluster.spec().ha();
        for (GuestState g : cluster.haGuests()) {
            // Each pass does at most one transition; loop to chain fence → recovery → started.
            for (int i = 0; i < 4 && step(cluster, g, timing, now); i++) {
                // continue chaining
            }
        }
    }

    private static boolean step(ClusterState cluster, GuestState g, HaTiming timing, Instant now) {
        switch (g.phase) {
            case FENCING -> {
                Instant due = g.phaseSince.plus(timing.fenceDelay());
                if (!cluster.quorate() || due.isAfter(now)) {
                    return false;
                }
                g.setPhase(HaPhase.RECOVERING, due);
                return true;
            }
            case RECOVERING -> {
                Instant due = g.phaseSince.plus(timing.recoveryDelay());
                if (due.isAfter(now)) {
                    return false;
                }
                Optional<String> target = recoveryTarget(cluster, g);
                if (target.isEmpty()) {
                    return false;
                }
                cluster.moveGuest(g, target.get());
                g.fencedFrom = null;
                startOrStop(g, due);
                return true;
            }
            case STARTING -> {
                return settle(g, timing.crmRound(), now, () -> g.start(g.phaseSince.plus(timing.crmRound())),
                        HaPhase.STARTED);
            }
            case STOPPING -> {
                return settle(g, timing.crmRound(), now, () -> g.running = false, HaPhase.STOPPED);
            }
            case MIGRATING -> {
                Instant due = g.phaseSince.plus(timing.crmRound());
                if (due.isAfter(now)) {
                    return false;
                }
                if (g.migrateTarget != null && cluster.isOnline(g.migrateTarget)) {
                    cluster.moveGuest(g, g.migrateTarget);
                }
                g.migrateTarget = null;
                g.setPhase(HaPhase.STARTED, due);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean settle(GuestState g, Duration round, Instant now, Runnable effect, HaPhase to) {
        Instant due = g.phaseSince.plus(round);
        if (due.isAfter(now)) {
            return false;
        }
        effect.run();
        g.setPhase(to, due);
        return true;
    }

    /** After recovery the service returns to its requested state on the new node. */
    private static void startOrStop(GuestState g, Instant at) {
        if (g.wantsRun()) {
            g.start(at);
            g.setPhase(HaPhase.STARTED, at);
        } else {
            g.running = false;
            g.setPhase(HaPhase.STOPPED, at);
        }
    }

    /**
     * Picks an online node the vendor's HA may restart guests on, preferring one that is not the fenced node, then a replication target of
     * the guest (where its disks are), then the node with the fewest HA services, then by name.
     */
    private static Optional<String> recoveryTarget(ClusterState cluster, GuestState g) {
        VendorFront front = VendorFronts.forPlatform(cluster.spec().platform());
        return cluster.nodes().stream().filter(NodeState::online)
                .filter(n -> front.hostsRecoveredGuests(cluster.spec(), n.spec())).map(NodeState::name)
                .min(Comparator.<String, Boolean>comparing(n -> n.equals(g.fencedFrom))
                        .thenComparing(n -> !isReplicationTarget(cluster, g, n))
                        .thenComparingLong(n -> cluster.haGuests().stream().filter(o -> n.equals(o.node)).count())
                        .thenComparing(n -> n));
    }

    private static boolean isReplicationTarget(ClusterState cluster, GuestState g, String node) {
        return cluster.links().stream().anyMatch(j -> j.spec().guest() == g.vmid() && j.target().equals(node));
    }
}
