package org.sitewatch.simulator.proxmox;

import org.sitewatch.simulator.engine.ClusterState;

/** A cluster's live state with its Proxmox settings: what the view builders read. */
record PveCluster(ClusterState state, ProxmoxSettings settings) {
}
