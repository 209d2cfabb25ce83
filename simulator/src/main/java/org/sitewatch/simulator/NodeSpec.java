package org.sitewatch.simulator;

/**
 * A cluster node (host) as declared in a scenario.
 *
 * @param name   node name, unique in its cluster
 * @param ip     address the cluster API shows
 * @param nodeid corosync-style node id (defaults to the 1-based position in the cluster's node list)
 * @param online whether the node starts online
 * @param maxcpu CPU count
 * @param maxmem memory in bytes
 * @param site   the site the node stands in (defaults to its cluster's home site)
 * @param votes  quorum votes the node holds (default 1)
 */
public record NodeSpec(String name, String ip, int nodeid, boolean online, int maxcpu, long maxmem,
        String site, int votes) {
}
