package org.sitewatch.simulator.proxmox;

import java.time.Instant;
import org.sitewatch.simulator.GuestSpec;

/**
 * Mutable state of one simulated guest, including its HA resource when HA-managed. Guarded by the
 * engine's lock.
 */
final class GuestState {

    final GuestSpec spec;
    String node;
    boolean running;
    Instant startedAt;

    // HA resource; meaningful only when spec.ha()
    String requestState;
    String crmState;
    Instant crmSince;
    /** Node a fenced service was taken from; recovery prefers other nodes. */
    String fencedFrom;
    /** Destination of a migration in progress. */
    String migrateTarget;

    GuestState(GuestSpec spec, Instant now) {
        this.spec = spec;
        this.node = spec.node();
        this.running = spec.running();
        this.startedAt = now;
        if (spec.ha()) {
            this.requestState = spec.haState();
            boolean wantsRun = "started".equals(requestState) || "enabled".equals(requestState);
            this.crmState = wantsRun && running ? "started" : wantsRun ? "request_start" : "stopped";
            this.crmSince = now;
        }
    }

    int vmid() {
        return spec.vmid();
    }

    String sid() {
        return spec.sid();
    }

    boolean ha() {
        return spec.ha();
    }

    /** {@code vm} or {@code ct}: the HA resource type. */
    String haType() {
        return "lxc".equals(spec.type()) ? "ct" : "vm";
    }

    /** Status as /cluster/resources reports it; {@code unknown} when the node is offline. */
    String status(boolean nodeOnline) {
        if (!nodeOnline) {
            return "unknown";
        }
        return running ? "running" : "stopped";
    }

    void setCrm(String state, Instant at) {
        crmState = state;
        crmSince = at;
    }

    void start(Instant at) {
        running = true;
        startedAt = at;
    }
}
