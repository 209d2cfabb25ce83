package org.sitewatch.events;

import java.util.Objects;

/**
 * One part of an endpoint a collector could not read on its last poll, carried by its heartbeat:
 * entities of {@code type} within {@code scope} kept their previously published state, everything
 * else was read. The streams app makes the site DEGRADED with a reason built from it.
 *
 * @param type the CloudEvents type name of the entities not read, e.g. {@code org.sitewatch.replication.status.v1}
 * @param scope which of them, in words: {@code node pve2}, {@code cluster paris}, {@code endpoint /cluster/ha/status/current}
 * @param reason why, e.g. the vendor's answer ({@code HTTP 500: ...}); never contains credentials
 */
public record UnreadableScope(String type, String scope, String reason) {

    public UnreadableScope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(reason, "reason");
    }

    /** A short noun for the type ("replication", "HA hosts"), for reasons people read. */
    public String what() {
        return EventType.fromTypeName(type).map(t -> switch (t) {
            case VM_STATE -> "VMs";
            case HA_HOST -> "HA hosts";
            case HA_CLUSTER -> "HA cluster";
            case HA_ACTION -> "HA actions";
            case REPLICATION_STATUS -> "replication";
            case COLLECTOR_HEARTBEAT -> "heartbeat";
        }).orElse(type);
    }

    /** {@code replication of node pve2 not readable: HTTP 500 ...}. */
    public String describe() {
        return what() + " of " + scope + " not readable: " + reason;
    }
}
