package org.sitewatch.simulator.ovirt;

import java.time.Instant;

/**
 * One entry of the engine's event list (its audit log). {@code index} and the time are given by
 * {@link OvirtEventLog}; links are ids, null when the event has none.
 */
record OvirtEvent(long index, int code, String severity, Instant time, String description, String vmId,
                  String hostId, String clusterId) {

    static OvirtEvent draft(int code, String severity, Instant time, String description, String vmId, String hostId,
                            String clusterId) {
        return new OvirtEvent(0, code, severity, time, description, vmId, hostId, clusterId);
    }

    OvirtEvent stored(long newIndex, Instant newTime) {
        return new OvirtEvent(newIndex, code, severity, newTime, description, vmId, hostId, clusterId);
    }
}
