package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every event type and detail code of libvirt-domain.h (vendor doc 4.2), and codes libvirt may add later. */
class LifecycleEventsTest {

    /** power and flags: "-" for unchanged (null). */
    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            // DEFINED: configuration saved, power unchanged, now persistent
            "0, 0, defined/added, -, -, true",
            "0, 1, defined/updated, -, -, true",
            "0, 2, defined/renamed, -, -, true",
            "0, 3, defined/from_snapshot, -, -, true",
            "0, 9, defined/detail-9, -, -, true",
            // UNDEFINED: configuration gone, no longer persistent
            "1, 0, undefined/removed, -, -, false",
            "1, 1, undefined/renamed, -, -, false",
            "1, 7, undefined/detail-7, -, -, false",
            // STARTED
            "2, 0, started/booted, RUNNING, true, -",
            "2, 1, started/migrated, RUNNING, true, -",
            "2, 2, started/restored, RUNNING, true, -",
            "2, 3, started/from_snapshot, RUNNING, true, -",
            "2, 4, started/wakeup, RUNNING, true, -",
            "2, 5, started/detail-5, RUNNING, true, -",
            // SUSPENDED
            "3, 0, suspended/paused, PAUSED, true, -",
            "3, 1, suspended/migrated, MIGRATING, true, -",
            "3, 2, suspended/ioerror, PAUSED, true, -",
            "3, 3, suspended/watchdog, PAUSED, true, -",
            "3, 4, suspended/restored, PAUSED, true, -",
            "3, 5, suspended/from_snapshot, PAUSED, true, -",
            "3, 6, suspended/api_error, PAUSED, true, -",
            "3, 7, suspended/postcopy, MIGRATING, true, -",
            "3, 8, suspended/postcopy_failed, PAUSED, true, -",
            "3, 9, suspended/detail-9, PAUSED, true, -",
            // RESUMED
            "4, 0, resumed/unpaused, RUNNING, true, -",
            "4, 1, resumed/migrated, RUNNING, true, -",
            "4, 2, resumed/from_snapshot, RUNNING, true, -",
            "4, 3, resumed/postcopy, MIGRATING, true, -",
            "4, 4, resumed/postcopy_failed, RUNNING, true, -",
            "4, 5, resumed/detail-5, RUNNING, true, -",
            // STOPPED: inactive afterwards
            "5, 0, stopped/shutdown, STOPPED, false, -",
            "5, 1, stopped/destroyed, STOPPED, false, -",
            "5, 2, stopped/crashed, CRASHED, false, -",
            "5, 3, stopped/migrated, STOPPED, false, -",
            "5, 4, stopped/saved, SUSPENDED, false, -",
            "5, 5, stopped/failed, CRASHED, false, -",
            "5, 6, stopped/from_snapshot, STOPPED, false, -",
            "5, 7, stopped/detail-7, STOPPED, false, -",
            // SHUTDOWN: the guest shut down, STOPPED follows
            "6, 0, shutdown/finished, -, -, -",
            "6, 1, shutdown/guest, -, -, -",
            "6, 2, shutdown/host, -, -, -",
            "6, 3, shutdown/detail-3, -, -, -",
            // PMSUSPENDED
            "7, 0, pmsuspended/memory, SUSPENDED, true, -",
            "7, 1, pmsuspended/disk, SUSPENDED, true, -",
            "7, 2, pmsuspended/detail-2, SUSPENDED, true, -",
            // CRASHED
            "8, 0, crashed/panicked, CRASHED, true, -",
            "8, 1, crashed/crashloaded, CRASHED, true, -",
            "8, 2, crashed/detail-2, CRASHED, true, -",
            // a type libvirt adds later, and one the Java bindings could not name
            "9, 0, event-9/detail-0, UNKNOWN, -, -",
            "-1, 4, event-unknown/detail-4, UNKNOWN, -, -"})
    void shouldMapEveryTypeAndDetail(int type, int detail, String word, String power, String active, String persistent) {
        LifecycleEvents.Change change = LifecycleEvents.map(type, detail);

        assertThat(change.word()).isEqualTo(word);
        assertThat(change.power() == null ? "-" : change.power().name()).isEqualTo(power);
        assertThat(change.active() == null ? "-" : change.active().toString()).isEqualTo(active);
        assertThat(change.persistent() == null ? "-" : change.persistent().toString()).isEqualTo(persistent);
    }

    @Test
    void shouldCarryTheEventWordAsTheVendorStateOfThePower() {
        assertThat(LifecycleEvents.map(5, 1).domainPower())
                .isEqualTo(new DomainPower(org.sitewatch.events.PowerState.STOPPED, "stopped/destroyed"));
        assertThat(LifecycleEvents.map(0, 0).domainPower()).isNull();
    }
}
