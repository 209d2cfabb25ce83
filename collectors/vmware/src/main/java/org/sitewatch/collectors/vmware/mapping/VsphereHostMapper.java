package org.sitewatch.collectors.vmware.mapping;

import java.util.ArrayList;
import java.util.List;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;

/**
 * Maps a host's properties to {@link HaHost}. First match wins:
 * <ol>
 *   <li>{@code inMaintenanceMode} → MAINTENANCE; power state {@code standBy} (put to sleep by
 *       DPM, woken when needed) → MAINTENANCE;</li>
 *   <li>an HA state ({@code runtime.dasHostState.state}) decides when set: see {@link #haState};
 *       a host HA calls healthy that vCenter cannot reach ({@code notResponding},
 *       {@code disconnected}) is DEGRADED: HA still protects its VMs but nobody can manage them;</li>
 *   <li>without an HA state (HA off, or the host disconnected): {@code connected} → HEALTHY,
 *       {@code notResponding} → FAILED (vCenter lost the host and nothing says it still runs),
 *       {@code disconnected} (an operator's choice, or a licence) → UNKNOWN, absent or another
 *       word → UNKNOWN.</li>
 * </ol>
 * {@code vendorState} is the word that decided ({@code inMaintenanceMode} for the flag);
 * {@code detail} names the HA state's reporter, an unhealthy vCenter connection and a status other
 * than green, e.g. {@code reported by host-10; vCenter status yellow}.
 */
public final class VsphereHostMapper {

    static final String MAINTENANCE_WORD = "inMaintenanceMode";

    private final String site;

    public VsphereHostMapper(String site) {
        this.site = site;
    }

    public HaHost map(HostProperties host) {
        HaHostState state;
        String word;
        if (Boolean.TRUE.equals(host.inMaintenanceMode())) {
            state = HaHostState.MAINTENANCE;
            word = MAINTENANCE_WORD;
        } else if ("standBy".equals(host.powerState())) {
            state = HaHostState.MAINTENANCE;
            word = host.powerState();
        } else if (host.dasHostState() != null) {
            state = haState(host.dasHostState());
            if (state == HaHostState.HEALTHY && !reachable(host.connectionState())) {
                state = HaHostState.DEGRADED;
            }
            word = host.dasHostState();
        } else {
            state = connectionState(host.connectionState());
            word = host.connectionState();
        }
        return new HaHost(site, Platform.VSPHERE, host.moRef(), host.name(), EntityRef.idOf(host.cluster()), state, word,
                detail(host), false);
    }

    /**
     * The contract's state for a {@code ClusterDasFdmAvailabilityState} word.
     * <ul>
     *   <li>{@code master} and {@code connectedToMaster} → HEALTHY: every host of a healthy HA
     *       cluster is one of the two; {@code connectedToMaster} is the primary's word for a
     *       secondary it sees and will restart VMs for;</li>
     *   <li>{@code hostDown} (the primary saw the host die) → FAILED;</li>
     *   <li>{@code networkIsolated} → ISOLATED: the host lost its management network and applies
     *       its isolation response to its VMs;</li>
     *   <li>{@code networkPartitionedFromMaster}, {@code election}, {@code fdmUnreachable},
     *       {@code uninitialized}, {@code initializationError}, {@code uninitializationError},
     *       {@code retry} → DEGRADED: the host runs, but its VMs' protection is not assured
     *       (another partition, no primary yet, the HA agent not answering or not configured);</li>
     *   <li>absent or a later word → UNKNOWN.</li>
     * </ul>
     */
    static HaHostState haState(String fdmState) {
        if (fdmState == null) {
            return HaHostState.UNKNOWN;
        }
        switch (fdmState) {
            case "master":
            case "connectedToMaster":
                return HaHostState.HEALTHY;
            case "hostDown":
                return HaHostState.FAILED;
            case "networkIsolated":
                return HaHostState.ISOLATED;
            case "networkPartitionedFromMaster":
            case "election":
            case "fdmUnreachable":
            case "uninitialized":
            case "initializationError":
            case "uninitializationError":
            case "retry":
                return HaHostState.DEGRADED;
            default:
                return HaHostState.UNKNOWN;
        }
    }

    /** The contract's state for a {@code HostSystemConnectionState} word, when HA says nothing. */
    static HaHostState connectionState(String connectionState) {
        if (connectionState == null) {
            return HaHostState.UNKNOWN;
        }
        switch (connectionState) {
            case "connected":
                return HaHostState.HEALTHY;
            case "notResponding":
                return HaHostState.FAILED;
            case "disconnected":
                return HaHostState.UNKNOWN;
            default:
                return HaHostState.UNKNOWN;
        }
    }

    private static boolean reachable(String connectionState) {
        return connectionState == null || "connected".equals(connectionState);
    }

    private static String detail(HostProperties host) {
        List<String> parts = new ArrayList<>(3);
        if (host.dasHostState() != null && host.dasStateReporter() != null) {
            parts.add("reported by " + host.dasStateReporter());
        }
        if (!reachable(host.connectionState())) {
            parts.add("vCenter connection " + host.connectionState());
        }
        if (host.overallStatus() != null && EntityStatus.of(host.overallStatus()) != EntityStatus.OK) {
            parts.add("vCenter status " + host.overallStatus());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
