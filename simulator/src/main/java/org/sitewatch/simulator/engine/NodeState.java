package org.sitewatch.simulator.engine;

import java.time.Instant;
import org.sitewatch.simulator.NodeSpec;

/** Live state of one simulated cluster node. Changed by the engine only, under its lock. */
public final class NodeState {

    private final NodeSpec spec;
    boolean online;
    /** When the node last booted (online) or went offline; drives uptime and heartbeat timestamps. */
    Instant since;

    NodeState(NodeSpec spec, Instant start) {
        this.spec = spec;
        this.online = spec.online();
        this.since = start;
    }

    public NodeSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public boolean online() {
        return online;
    }

    public Instant since() {
        return since;
    }
}
