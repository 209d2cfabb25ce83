package org.sitewatch.simulator.engine;

import java.time.Instant;
import org.sitewatch.simulator.GuestSpec;

/**
 * Live state of one simulated guest, with its HA resource when HA-managed. Changed by the engine
 * only, under its lock.
 */
public final class GuestState {

    private final GuestSpec spec;
    String node;
    boolean running;
    Instant startedAt;

    // HA resource; meaningful only when spec.ha()
    String requestState;
    HaPhase phase;
    Instant phaseSince;
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
            this.phase = wantsRun() && running ? HaPhase.STARTED : wantsRun() ? HaPhase.STARTING : HaPhase.STOPPED;
            this.phaseSince = now;
        }
    }

    public GuestSpec spec() {
        return spec;
    }

    public int vmid() {
        return spec.vmid();
    }

    public String sid() {
        return spec.sid();
    }

    public boolean ha() {
        return spec.ha();
    }

    /** The node it is placed on now. */
    public String node() {
        return node;
    }

    public boolean running() {
        return running;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The HA request state: started, stopped, enabled, disabled or ignored; null when not HA-managed. */
    public String requestState() {
        return requestState;
    }

    /** Where the HA manager has it; null when not HA-managed. */
    public HaPhase phase() {
        return phase;
    }

    /** The node an HA migration in progress moves it to; null when none is in progress. */
    public String migrateTarget() {
        return migrateTarget;
    }

    boolean wantsRun() {
        return "started".equals(requestState) || "enabled".equals(requestState);
    }

    void setPhase(HaPhase p, Instant at) {
        phase = p;
        phaseSince = at;
    }

    void start(Instant at) {
        running = true;
        startedAt = at;
    }
}
