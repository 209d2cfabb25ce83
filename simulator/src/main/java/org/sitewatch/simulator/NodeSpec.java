package org.sitewatch.simulator;

/**
 * A cluster node as declared in a scenario.
 *
 * @param name   node name, unique in its site
 * @param ip     address shown in {@code /cluster/status}
 * @param nodeid corosync node id (defaults to the 1-based position in the site's node list)
 * @param online whether the node starts online
 * @param maxcpu CPU count
 * @param maxmem memory in bytes
 */
public record NodeSpec(String name, String ip, int nodeid, boolean online, int maxcpu, long maxmem) {
}
