package org.sitewatch.simulator.proxmox;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.sitewatch.simulator.HaTiming;

/**
 * Simulated HA cluster resource manager (CRM) of one site. Advances service states through time:
 * {@code fence} → {@code recovery} after the fence delay (only while quorate, as fencing needs the
 * quorate partition), {@code recovery} → {@code started} on another online node after the recovery
 * delay, and settles {@code request_start}, {@code request_stop} and {@code migrate} after one CRM
 * round. Transitions happen at their own scheduled times, so catching up after a long gap chains
 * them exactly. Limits: no HA groups/rules, no max_restart/relocate counting, no {@code error} state
 * transitions (only what a scenario sets).
 */
final class HaManager {

    private HaManager() {
    }

    static void advanceTo(SiteState site, Instant now) {
        HaTiming timing = site.spec.ha();
        for (GuestState g : site.haGuests()) {
            // Each pass does at most one transition; loop to chain fence → recovery → started.
            for (int i = 0; i < 4 && step(site, g, timing, now); i++) {
                // continue chaining
            }
        }
    }

    private static boolean step(SiteState site, GuestState g, HaTiming timing, Instant now) {
        switch (g.crmState) {
            case "fence" -> {
                Instant due = g.crmSince.plus(timing.fenceDelay());
                if (!site.quorate() || due.isAfter(now)) {
                    return false;
                }
                g.setCrm("recovery", due);
                return true;
            }
            case "recovery" -> {
                Instant due = g.crmSince.plus(timing.recoveryDelay());
                if (due.isAfter(now)) {
                    return false;
                }
                Optional<String> target = recoveryTarget(site, g);
                if (target.isEmpty()) {
                    return false;
                }
                site.moveGuest(g, target.get());
                g.fencedFrom = null;
                startOrStop(g, due);
                return true;
            }
            case "request_start", "request_start_balance" -> {
                return settle(g, timing.crmRound(), now, () -> g.start(g.crmSince.plus(timing.crmRound())),
                        "started");
            }
            case "request_stop" -> {
                return settle(g, timing.crmRound(), now, () -> g.running = false, "stopped");
            }
            case "migrate", "relocate" -> {
                Instant due = g.crmSince.plus(timing.crmRound());
                if (due.isAfter(now)) {
                    return false;
                }
                if (g.migrateTarget != null && site.isOnline(g.migrateTarget)) {
                    site.moveGuest(g, g.migrateTarget);
                }
                g.migrateTarget = null;
                g.setCrm("started", due);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean settle(GuestState g, Duration round, Instant now, Runnable effect, String to) {
        Instant due = g.crmSince.plus(round);
        if (due.isAfter(now)) {
            return false;
        }
        effect.run();
        g.setCrm(to, due);
        return true;
    }

    /** After recovery the service returns to its requested state on the new node. */
    private static void startOrStop(GuestState g, Instant at) {
        if ("started".equals(g.requestState) || "enabled".equals(g.requestState)) {
            g.start(at);
            g.setCrm("started", at);
        } else {
            g.running = false;
            g.setCrm("stopped", at);
        }
    }

    /**
     * Picks an online node, preferring one that is not the fenced node, then a replication target of
     * the guest (where its disks are), then the node with the fewest HA services, then by name.
     */
    private static Optional<String> recoveryTarget(SiteState site, GuestState g) {
        return site.nodes.values().stream().filter(n -> n.online).map(NodeState::name)
                .min(Comparator.<String, Boolean>comparing(n -> n.equals(g.fencedFrom))
                        .thenComparing(n -> !isReplicationTarget(site, g, n))
                        .thenComparingLong(n -> site.haGuests().stream().filter(o -> n.equals(o.node)).count())
                        .thenComparing(n -> n));
    }

    private static boolean isReplicationTarget(SiteState site, GuestState g, String node) {
        return site.jobs.values().stream().anyMatch(j -> j.spec.guest() == g.vmid() && j.target.equals(node));
    }
}
