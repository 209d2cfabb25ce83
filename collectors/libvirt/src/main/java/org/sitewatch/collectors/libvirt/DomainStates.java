package org.sitewatch.collectors.libvirt;

import org.sitewatch.events.PowerState;

/**
 * libvirt's {@code virDomainState} (from {@code virDomainGetInfo}) in the contract's words:
 * <ul>
 *   <li>{@code NOSTATE} (0) → UNKNOWN;</li>
 *   <li>{@code RUNNING} (1) and {@code BLOCKED} (2, waiting on a resource) → RUNNING;</li>
 *   <li>{@code PAUSED} (3) → PAUSED;</li>
 *   <li>{@code SHUTDOWN} (4, being shut down: the guest still runs) → RUNNING;</li>
 *   <li>{@code SHUTOFF} (5) → STOPPED;</li>
 *   <li>{@code CRASHED} (6) → CRASHED;</li>
 *   <li>{@code PMSUSPENDED} (7, suspended by the guest's power management) → SUSPENDED;</li>
 *   <li>any later code → UNKNOWN, its number kept in the word ({@code state-9}).</li>
 * </ul>
 */
final class DomainStates {

    static final int NOSTATE = 0;
    static final int RUNNING = 1;
    static final int BLOCKED = 2;
    static final int PAUSED = 3;
    static final int SHUTDOWN = 4;
    static final int SHUTOFF = 5;
    static final int CRASHED = 6;
    static final int PMSUSPENDED = 7;

    private DomainStates() {
    }

    static DomainPower of(int state) {
        switch (state) {
            case NOSTATE:
                return new DomainPower(PowerState.UNKNOWN, "nostate");
            case RUNNING:
                return new DomainPower(PowerState.RUNNING, "running");
            case BLOCKED:
                return new DomainPower(PowerState.RUNNING, "blocked");
            case PAUSED:
                return new DomainPower(PowerState.PAUSED, "paused");
            case SHUTDOWN:
                return new DomainPower(PowerState.RUNNING, "shutdown");
            case SHUTOFF:
                return new DomainPower(PowerState.STOPPED, "shutoff");
            case CRASHED:
                return new DomainPower(PowerState.CRASHED, "crashed");
            case PMSUSPENDED:
                return new DomainPower(PowerState.SUSPENDED, "pmsuspended");
            default:
                return new DomainPower(PowerState.UNKNOWN, "state-" + state);
        }
    }
}
