package org.sitewatch.collectors.spi;

import java.util.Objects;

/**
 * Which part of an endpoint a partial read concerns. The runtime decides which known entities
 * fall in it from contract fields every vendor fills:
 * <ul>
 *   <li>{@link Kind#NODE}: VMs whose {@code host}, HA hosts whose {@code hostId} or {@code hostName},
 *       replication items whose {@code sourceHost} is the node;</li>
 *   <li>{@link Kind#CLUSTER}: VMs and HA hosts whose {@code cluster}, HA clusters whose
 *       {@code clusterId} is the cluster; replication items carry no cluster, so all of them;</li>
 *   <li>{@link Kind#ENDPOINT}: one vendor API (often optional, or absent on some versions) that is the
 *       only source of the type: every entity of the type.</li>
 * </ul>
 *
 * @param kind what the name names
 * @param name the node, the cluster, or the API path
 */
public record Scope(Kind kind, String name) {

    /** What a scope names. */
    public enum Kind { NODE, CLUSTER, ENDPOINT }

    public Scope {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " scope needs a name");
        }
    }

    public static Scope node(String name) {
        return new Scope(Kind.NODE, name);
    }

    public static Scope cluster(String name) {
        return new Scope(Kind.CLUSTER, name);
    }

    public static Scope endpoint(String path) {
        return new Scope(Kind.ENDPOINT, path);
    }

    /** {@code node pve2}, {@code cluster paris}, {@code endpoint /cluster/ha/status/current}. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
    }
}
