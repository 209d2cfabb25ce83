package org.sitewatch.collectors.oraclevm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

/**
 * Derives HA actions of HA VMs ({@code highAvailability} true) by comparing polls, since the
 * Manager's REST API shows no HA events:
 * <ul>
 *   <li>RESTART: the VM runs on another server than the one it was last seen running on, and that
 *       server was seen not RUNNING meanwhile (or is not RUNNING now); also when it runs again on the
 *       same server after that server was seen down (back after the server returned);</li>
 *   <li>MIGRATE: the VM runs on another server and was seen running at every poll in between, while
 *       its former server stayed RUNNING (a live migration).</li>
 * </ul>
 * A VM that was stopped and started elsewhere while its server stayed up is neither (an operator's
 * doing). The action id is {@code <vm id>@<poll epoch seconds>:restart|migrate}.
 *
 * <p>Memory: one small entry per VM of the latest poll (entries of VMs no longer listed are dropped),
 * so it is bounded by the Manager's own inventory. Limits: the first poll only records a baseline;
 * a restart between two polls on the same server, with the server never seen down, is not seen;
 * neither is anything that happened while the collector was not running. Not thread-safe: polls are
 * sequential.
 */
final class OvmHaDetector {

    /**
     * What is remembered of one VM.
     *
     * @param server the server it was last seen running on (null when never seen running)
     * @param serverName that server's name, for the action
     * @param serverSeenDown whether that server was seen not RUNNING since the VM last ran there
     * @param interrupted whether the VM was seen not running since it last ran there
     */
    private record Seen(String server, String serverName, boolean serverSeenDown, boolean interrupted) {
    }

    private final String site;
    private Map<String, Seen> previous;

    OvmHaDetector(String site) {
        this.site = site;
    }

    /** Compares this poll's VMs with the previous poll's and adds the actions to {@code out}. */
    void track(OvmInventory inventory, Instant now, Snapshot.Builder out) {
        Map<String, Boolean> serverRunning = inventory.serverRunning();
        Map<String, Seen> current = new HashMap<>();
        for (OvmVm vm : inventory.vms()) {
            if (vm.template()) {
                continue;
            }
            String id = vm.id().value();
            Seen before = previous == null ? null : previous.get(id);
            String server = vm.running() && vm.server() != null ? vm.server().value() : null;
            if (server == null) {
                current.put(id, before == null ? new Seen(null, null, false, true)
                        : new Seen(before.server(), before.serverName(),
                                before.serverSeenDown() || isDown(before.server(), serverRunning), true));
                continue;
            }
            String name = inventory.serverName(vm.server());
            current.put(id, new Seen(server, name, isDown(server, serverRunning), false));
            if (before == null || before.server() == null || !vm.ha()) {
                continue;
            }
            boolean moved = !server.equals(before.server());
            boolean formerDown = before.serverSeenDown() || isDown(before.server(), serverRunning);
            if (formerDown && (moved || before.interrupted())) {
                out.action(action(vm, inventory, now, HaActionKind.RESTART, before.serverName(), name,
                        "server " + before.serverName() + " stopped running; the pool's HA started the VM on " + name));
            } else if (moved && !before.interrupted()) {
                out.action(action(vm, inventory, now, HaActionKind.MIGRATE, before.serverName(), name,
                        "moved while " + before.serverName() + " kept running"));
            }
        }
        previous = current;
    }

    private static boolean isDown(String server, Map<String, Boolean> serverRunning) {
        return server != null && Boolean.FALSE.equals(serverRunning.get(server));
    }

    private HaAction action(OvmVm vm, OvmInventory inventory, Instant now, HaActionKind kind, String from, String to,
                            String detail) {
        String cluster = vm.pool() == null ? null : inventory.poolName(vm.pool());
        return new HaAction(site, Platform.ORACLEVM, vm.id().value() + "@" + now.getEpochSecond() + ":"
                + kind.name().toLowerCase(Locale.ROOT), vm.id().value(), cluster, kind, from, to,
                vm.runState(), detail);
    }
}
