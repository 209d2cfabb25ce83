package org.sitewatch.simulator.proxmox;

import java.time.Instant;
import org.sitewatch.simulator.NodeSpec;

/** Mutable state of one simulated cluster node. Guarded by the engine's lock. */
final class NodeState {

    final NodeSpec spec;
    boolean online;
    /** When the node last booted (online) or went offline; drives uptime and LRM timestamps. */
    Instant since;

    NodeState(NodeSpec spec, Instant start) {
        this.spec = spec;
        this.online = spec.online();
        this.since = start;
    }

    String name() {
        return spec.name();
    }
}
