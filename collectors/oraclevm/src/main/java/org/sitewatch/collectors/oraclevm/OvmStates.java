package org.sitewatch.collectors.oraclevm;

import java.util.Locale;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;

/**
 * Oracle VM's state words in Sitewatch's terms. The vendor facts confirm {@code vmRunState} RUNNING,
 * STOPPED, SUSPENDED and TEMPLATE, and {@code serverRunState} RUNNING; the other words named here
 * are plausible but UNCONFIRMED, and any other word maps to UNKNOWN with the word kept as the
 * vendor state. Words are compared case-insensitively.
 */
final class OvmStates {

    private OvmStates() {
    }

    /**
     * {@code vmRunState}: RUNNING, STOPPED, SUSPENDED as they say; UNCONFIRMED: MIGRATING → MIGRATING,
     * STARTING → STOPPED (not up yet), STOPPING → RUNNING (still up). TEMPLATE is not a VM's power
     * (templates are left out before this).
     */
    static PowerState vmPower(String runState) {
        if (runState == null) {
            return PowerState.UNKNOWN;
        }
        return switch (runState.toUpperCase(Locale.ROOT)) {
            case "RUNNING", "STOPPING" -> PowerState.RUNNING;
            case "STOPPED", "STARTING" -> PowerState.STOPPED;
            case "SUSPENDED" -> PowerState.SUSPENDED;
            case "MIGRATING" -> PowerState.MIGRATING;
            default -> PowerState.UNKNOWN;
        };
    }

    /**
     * A server as an HA host, first match wins: {@code maintenanceMode} true → MAINTENANCE; RUNNING →
     * HEALTHY; UNCONFIRMED: STOPPED → FAILED (a pool member that does not run cannot take VMs),
     * STARTING/STOPPING → DEGRADED (on its way, not yet or no longer a place to restart VMs);
     * anything else (or nothing) → UNKNOWN.
     */
    static HaHostState hostState(String runState, Boolean maintenanceMode) {
        if (Boolean.TRUE.equals(maintenanceMode)) {
            return HaHostState.MAINTENANCE;
        }
        if (runState == null) {
            return HaHostState.UNKNOWN;
        }
        return switch (runState.toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> HaHostState.HEALTHY;
            case "STOPPED" -> HaHostState.FAILED;
            case "STARTING", "STOPPING" -> HaHostState.DEGRADED;
            default -> HaHostState.UNKNOWN;
        };
    }
}
