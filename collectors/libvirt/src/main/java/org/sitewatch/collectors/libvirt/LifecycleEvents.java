package org.sitewatch.collectors.libvirt;

import java.util.List;
import java.util.Locale;
import org.sitewatch.events.PowerState;

/**
 * libvirt's domain lifecycle events ({@code VIR_DOMAIN_EVENT_ID_LIFECYCLE}: an event type and a
 * detail code, both C numbers) in the contract's words. The word is {@code type/detail} in lower
 * case ({@code stopped/destroyed}); a code this table does not know is kept as its number
 * ({@code suspended/detail-9}, {@code event-11/detail-0}).
 *
 * <table>
 *   <caption>type → power (details that change it)</caption>
 *   <tr><td>DEFINED (0): ADDED, UPDATED, RENAMED, FROM_SNAPSHOT</td><td>unchanged: the configuration
 *       was saved, the domain is now persistent</td></tr>
 *   <tr><td>UNDEFINED (1): REMOVED, RENAMED</td><td>unchanged; the domain is no longer persistent, so an
 *       inactive one is gone</td></tr>
 *   <tr><td>STARTED (2): BOOTED, MIGRATED (incoming), RESTORED, FROM_SNAPSHOT, WAKEUP</td><td>RUNNING</td></tr>
 *   <tr><td>SUSPENDED (3): PAUSED, IOERROR, WATCHDOG, RESTORED, FROM_SNAPSHOT, API_ERROR, POSTCOPY_FAILED</td>
 *       <td>PAUSED; MIGRATED and POSTCOPY (paused by a migration) → MIGRATING</td></tr>
 *   <tr><td>RESUMED (4): UNPAUSED, MIGRATED, FROM_SNAPSHOT, POSTCOPY_FAILED</td><td>RUNNING; POSTCOPY
 *       (running while post-copy migration continues) → MIGRATING</td></tr>
 *   <tr><td>STOPPED (5): SHUTDOWN, DESTROYED, MIGRATED (away), FROM_SNAPSHOT</td><td>STOPPED; SAVED
 *       (memory saved to a file) → SUSPENDED; CRASHED and FAILED (the emulator died) → CRASHED.
 *       The domain is inactive: a transient one is gone</td></tr>
 *   <tr><td>SHUTDOWN (6): FINISHED, GUEST, HOST</td><td>unchanged: the guest shut down, STOPPED follows</td></tr>
 *   <tr><td>PMSUSPENDED (7): MEMORY, DISK</td><td>SUSPENDED</td></tr>
 *   <tr><td>CRASHED (8): PANICKED, CRASHLOADED</td><td>CRASHED</td></tr>
 *   <tr><td>a later type</td><td>UNKNOWN</td></tr>
 * </table>
 * An unknown detail of a known type takes the type's power. Codes are those of
 * {@code libvirt-domain.h}; libvirt-java's detail enums are shorter (see {@link LibvirtRaw}).
 */
final class LifecycleEvents {

    static final int DEFINED = 0;
    static final int UNDEFINED = 1;
    static final int STARTED = 2;
    static final int SUSPENDED = 3;
    static final int RESUMED = 4;
    static final int STOPPED = 5;
    static final int SHUTDOWN = 6;
    static final int PMSUSPENDED = 7;
    static final int CRASHED = 8;

    /** Type names and their detail names, indexed by the C codes. */
    private static final List<String> TYPES = List.of("defined", "undefined", "started", "suspended", "resumed",
            "stopped", "shutdown", "pmsuspended", "crashed");
    private static final List<List<String>> DETAILS = List.of(
            List.of("added", "updated", "renamed", "from_snapshot"),
            List.of("removed", "renamed"),
            List.of("booted", "migrated", "restored", "from_snapshot", "wakeup"),
            List.of("paused", "migrated", "ioerror", "watchdog", "restored", "from_snapshot", "api_error", "postcopy",
                    "postcopy_failed"),
            List.of("unpaused", "migrated", "from_snapshot", "postcopy", "postcopy_failed"),
            List.of("shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from_snapshot"),
            List.of("finished", "guest", "host"),
            List.of("memory", "disk"),
            List.of("panicked", "crashloaded"));

    private LifecycleEvents() {
    }

    /**
     * What one lifecycle event says about its domain.
     *
     * @param type the event type's C code ({@link LibvirtRaw#UNKNOWN_TYPE} when the bindings could not name it)
     * @param word libvirt's words for the event, {@code type/detail}
     * @param power the domain's power after the event; null when the event does not change it
     * @param active whether the domain runs after the event; null when unchanged
     * @param persistent whether the domain has a saved configuration after the event; null when unchanged
     */
    record Change(int type, String word, PowerState power, Boolean active, Boolean persistent) {

        /** The power as a {@link DomainPower}, null when the event leaves it. */
        DomainPower domainPower() {
            return power == null ? null : new DomainPower(power, word);
        }

        /** The domain started on this host (booted, restored, migrated in, ...). */
        boolean started() {
            return type == STARTED;
        }

        /** The domain crashed, or its emulator failed. */
        boolean crashed() {
            return power == PowerState.CRASHED;
        }
    }

    static Change map(int type, int detail) {
        String word = word(type, detail);
        switch (type) {
            case DEFINED:
                return new Change(type, word, null, null, true);
            case UNDEFINED:
                return new Change(type, word, null, null, false);
            case STARTED:
                return new Change(type, word, PowerState.RUNNING, true, null);
            case SUSPENDED:
                return new Change(type, word, detail == 1 || detail == 7 ? PowerState.MIGRATING : PowerState.PAUSED, true, null);
            case RESUMED:
                return new Change(type, word, detail == 3 ? PowerState.MIGRATING : PowerState.RUNNING, true, null);
            case STOPPED:
                return new Change(type, word, stoppedPower(detail), false, null);
            case SHUTDOWN:
                return new Change(type, word, null, null, null);
            case PMSUSPENDED:
                return new Change(type, word, PowerState.SUSPENDED, true, null);
            case CRASHED:
                return new Change(type, word, PowerState.CRASHED, true, null);
            default:
                return new Change(type, word, PowerState.UNKNOWN, null, null);
        }
    }

    private static PowerState stoppedPower(int detail) {
        switch (detail) {
            case 2: // CRASHED
            case 5: // FAILED: the emulator or its management failed
                return PowerState.CRASHED;
            case 4: // SAVED
                return PowerState.SUSPENDED;
            default:
                return PowerState.STOPPED;
        }
    }

    /** {@code stopped/destroyed}; unknown codes as numbers. */
    static String word(int type, int detail) {
        if (type < 0 || type >= TYPES.size()) {
            return (type < 0 ? "event-unknown" : "event-" + type) + "/detail-" + detail;
        }
        List<String> details = DETAILS.get(type);
        String detailWord = detail >= 0 && detail < details.size() ? details.get(detail) : "detail-" + detail;
        return TYPES.get(type) + "/" + detailWord.toLowerCase(Locale.ROOT);
    }
}
