package org.sitewatch.collectors.storage;

import java.util.List;

/**
 * What {@code drbdsetup status --json} says about one resource (DRBD 9), reduced to what the
 * mapping needs. State words are kept as DRBD wrote them; a missing one is null.
 */
record DrbdStatus(String name, String role, List<Device> devices, List<Connection> connections) {

    DrbdStatus {
        devices = List.copyOf(devices);
        connections = List.copyOf(connections);
    }

    /** The local disk of one volume. {@code client}: diskless on purpose (a DRBD client or tie-breaker). */
    record Device(int volume, String diskState, boolean client) {
    }

    /** The link to one peer ({@code name} is the peer's host name as the resource file has it). */
    record Connection(String name, Integer peerNodeId, String connectionState, String peerRole, boolean congested,
                      List<PeerDevice> peerDevices) {

        Connection {
            peerDevices = List.copyOf(peerDevices);
        }
    }

    /**
     * One volume as seen towards one peer.
     *
     * @param outOfSyncKib data the peer lacks ({@code out-of-sync}, KiB); null when not given
     * @param percentInSync {@code percent-in-sync} (or {@code done}); null when not given
     */
    record PeerDevice(int volume, String replicationState, String peerDiskState, boolean peerClient,
                      boolean resyncSuspended, Long outOfSyncKib, Double percentInSync) {
    }
}
