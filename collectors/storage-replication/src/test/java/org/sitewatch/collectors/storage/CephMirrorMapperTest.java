package org.sitewatch.collectors.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.events.ReplicationHealth.CRITICAL;
import static org.sitewatch.events.ReplicationHealth.OK;
import static org.sitewatch.events.ReplicationHealth.WARNING;
import static org.sitewatch.events.ReplicationState.REPLICATING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

class CephMirrorMapperTest {

    private static final String IMAGE = "rbd/vm-100-disk-0";
    private static final ReportingEndpoint OSLO = new ReportingEndpoint("oslo-dc2", Platform.LIBVIRT, null);
    /** The fixtures' last_update times are Oslo local time (UTC+1 in December). */
    private static final CephMirrorSettings SETTINGS = new CephMirrorSettings(null, Map.of(IMAGE, "paris-dc1"),
            "Europe/Oslo", null, Duration.ofMinutes(5));

    private final CephMirrorMapper mapper = new CephMirrorMapper(SETTINGS, OSLO);

    private ReplicationStatus map(String fixture, Instant now) {
        return mapper.map(IMAGE, "paris-dc1", CephMirrorStatusParser.parse(Fixtures.text(fixture)), now);
    }

    private static Instant oslo(String hhmmss) {
        return Instant.parse("2026-12-05T" + hhmmss + "Z").minus(Duration.ofHours(1));
    }

    @Test
    void shouldReportAReplayingJournalImageInSyncFromThePeerSite() {
        ReplicationStatus r = map("ceph-journal-behind-0.json", oslo("09:00:10"));

        assertThat(r.itemId()).isEqualTo("rbd:" + IMAGE);
        assertThat(r.name()).isEqualTo(IMAGE);
        assertThat(r.technology()).isEqualTo("rbd-mirror");
        assertThat(r.state()).isEqualTo(REPLICATING);
        assertThat(r.health()).isEqualTo(OK);
        assertThat(r.sourceSite()).isEqualTo("paris-dc1");
        assertThat(r.targetSite()).isEqualTo("oslo-dc2");
        assertThat(r.site()).isEqualTo("oslo-dc2");
        // last_update 09:00:00 Europe/Oslo = 08:00:00Z, read 10 s later
        assertThat(r.lastRecoveryPoint()).isEqualTo(Instant.parse("2026-12-05T08:00:00Z"));
        assertThat(r.lagSeconds()).isEqualTo(10);
        assertThat(r.targetRpoSeconds()).isEqualTo(300);
        assertThat(r.vendorState()).isEqualTo("up+replaying entries_behind_primary=0 seconds_until_synced=0");
    }

    @Test
    void shouldRaiseAnRpoBreachWhileEntriesBehindPrimaryKeepGrowing() {
        map("ceph-journal-behind-0.json", oslo("09:00:05"));
        ReplicationStatus first = map("ceph-journal-behind-120.json", oslo("09:01:05"));
        ReplicationStatus growing = map("ceph-journal-behind-480.json", oslo("09:02:05"));
        ReplicationStatus breached = map("ceph-journal-behind-2400.json", oslo("09:08:05"));

        // 0 -> 120 grows already: the recovery point stays at the in-sync reading of 09:00
        assertThat(first.lastRecoveryPoint()).isEqualTo(oslo("09:00:00"));
        assertThat(first.health()).isEqualTo(WARNING);
        assertThat(growing.lastRecoveryPoint()).isEqualTo(oslo("09:00:00"));
        assertThat(growing.lagSeconds()).isEqualTo(125);
        assertThat(growing.vendorState()).contains("entries_behind_primary=480");
        assertThat(breached.state()).isEqualTo(REPLICATING);
        assertThat(breached.health()).isEqualTo(CRITICAL);
        assertThat(breached.lagSeconds()).isEqualTo(485);
        assertThat(breached.lagSeconds()).isGreaterThan(breached.targetRpoSeconds());
        assertThat(breached.error()).contains("RPO breach", "target RPO 300 s", "grew from 480 to 2400");
    }

    @Test
    void shouldAdvanceTheRecoveryPointWhileTheBacklogShrinks() {
        mapper.map(IMAGE, "paris-dc1", journal("ceph-journal-behind-2400.json", "09:10:00"), oslo("09:10:05"));

        ReplicationStatus shrinking = mapper.map(IMAGE, "paris-dc1", journal("ceph-journal-behind-480.json", "09:11:00"),
                oslo("09:11:05"));

        assertThat(shrinking.health()).isEqualTo(OK);
        assertThat(shrinking.lastRecoveryPoint()).isEqualTo(oslo("09:11:00"));
        assertThat(shrinking.lagSeconds()).isEqualTo(5);
    }

    /** A journal fixture read at another local time. */
    private static CephMirrorStatus journal(String fixture, String lastUpdate) {
        return CephMirrorStatusParser.parse(Fixtures.text(fixture)
                .replaceAll("\"last_update\": \"[^\"]+\"", "\"last_update\": \"2026-12-05 " + lastUpdate + "\""));
    }

    @Test
    void shouldFreezeTheRecoveryPointWhenTheDaemonIsDown() {
        map("ceph-journal-behind-0.json", oslo("09:00:05"));

        ReplicationStatus r = mapper.map(IMAGE, "paris-dc1", every("down+replaying"), oslo("09:30:00"));

        assertThat(r.health()).isEqualTo(CRITICAL); // down, and 30 min past the last good reading
        assertThat(r.lastRecoveryPoint()).isEqualTo(oslo("09:00:00"));
        assertThat(r.error()).contains("rbd-mirror daemon is not reporting (down+replaying)", "RPO breach");
    }

    @Test
    void shouldCallAStatusNotUpdatedForLongerThanStaleAfterStale() {
        ReplicationStatus r = map("ceph-journal-behind-0.json", oslo("09:06:00"));

        assertThat(r.health()).isEqualTo(WARNING);
        assertThat(r.lastRecoveryPoint()).isNull();
        assertThat(r.vendorState()).startsWith("up+replaying");
    }

    @Test
    void shouldUseTheConfiguredTimeZoneForLastUpdate() {
        CephMirrorSettings utc = new CephMirrorSettings(null, Map.of(IMAGE, "paris-dc1"), null, null, null);
        ReplicationStatus r = new CephMirrorMapper(utc, OSLO).map(IMAGE, "paris-dc1",
                CephMirrorStatusParser.parse(Fixtures.text("ceph-journal-behind-0.json")), Instant.parse("2026-12-05T09:00:30Z"));

        assertThat(r.lastRecoveryPoint()).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));
        assertThat(r.targetRpoSeconds()).isNull();
    }

    @Test
    void shouldReadSnapshotModeStats() {
        ReplicationStatus idle = map("ceph-snapshot-idle.json", oslo("09:00:20"));
        ReplicationStatus syncing = map("ceph-snapshot-syncing.json", oslo("09:01:20"));

        assertThat(idle.state()).isEqualTo(REPLICATING);
        assertThat(idle.lastRecoveryPoint()).isEqualTo(oslo("09:00:00"));
        assertThat(idle.vendorState()).contains("replay_state=idle", "last_snapshot_sync_seconds=4");
        assertThat(syncing.lastRecoveryPoint()).isEqualTo(oslo("09:00:00"));
        assertThat(syncing.vendorState()).contains("replay_state=syncing", "syncing_percent=35", "seconds_until_synced=12");
    }

    @Test
    void shouldNotGuessTheReplicaFromThePrimarysOwnStatus() {
        ReplicationStatus r = map("ceph-primary.json", oslo("09:00:10"));

        assertThat(r.state()).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(r.error()).contains("local image is primary");
        assertThat(r.sourceSite()).isEqualTo("oslo-dc2");
        assertThat(r.targetSite()).isEqualTo("paris-dc1");
    }

    @Test
    void shouldTakeTheReplicasStateFromPeerSitesOnThePrimary() {
        ReplicationStatus r = map("ceph-primary-with-peer.json", oslo("09:00:10"));

        assertThat(r.state()).isEqualTo(REPLICATING);
        assertThat(r.health()).isEqualTo(OK);
        assertThat(r.vendorState()).startsWith("peer site-b up+replaying");
        assertThat(r.sourceSite()).isEqualTo("oslo-dc2");
    }

    /** The seven documented states, the down prefix, and a word in no list. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "replaying, REPLICATING, OK",
            "syncing, SYNCING, WARNING",
            "starting_replay, SYNCING, OK",
            "stopping_replay, PAUSED, WARNING",
            "stopped, PAUSED, WARNING",
            "error, FAILED, CRITICAL",
            "unknown, UNKNOWN, UNKNOWN",
            "down+replaying, REPLICATING, WARNING",
            "down+stopped, PAUSED, WARNING",
            "odd-word, UNKNOWN, UNKNOWN",
    })
    void shouldMapEveryDocumentedState(String name, ReplicationState state, ReplicationHealth health) {
        ReplicationStatus r = new CephMirrorMapper(SETTINGS, OSLO).map(IMAGE, "paris-dc1", every(name), oslo("09:00:30"));

        assertThat(r.state()).as(name).isEqualTo(state);
        assertThat(r.health()).as(name).isEqualTo(health);
        assertThat(r.vendorState()).as(name).startsWith(every(name).local().state());
    }

    @Test
    void shouldKeepTheErrorDescriptionAndAnUnknownWordRaw() {
        ReplicationStatus error = mapper.map(IMAGE, "paris-dc1", every("error"), oslo("09:00:30"));
        ReplicationStatus odd = mapper.map(IMAGE, "paris-dc1", every("odd-word"), oslo("09:00:30"));

        assertThat(error.error()).contains("split-brain");
        assertThat(odd.vendorState()).startsWith("up+defragmenting");
        assertThat(odd.error()).contains("'defragmenting' is not a known state");
    }

    private static CephMirrorStatus every(String name) {
        try {
            JsonNode all = new ObjectMapper().readTree(Fixtures.text("ceph-every-state.json"));
            return CephMirrorStatusParser.parse(all.get(name).toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
