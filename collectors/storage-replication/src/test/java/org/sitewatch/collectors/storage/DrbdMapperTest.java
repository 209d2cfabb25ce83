package org.sitewatch.collectors.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.events.ReplicationHealth.CRITICAL;
import static org.sitewatch.events.ReplicationHealth.OK;
import static org.sitewatch.events.ReplicationHealth.WARNING;
import static org.sitewatch.events.ReplicationState.FAILED;
import static org.sitewatch.events.ReplicationState.PAUSED;
import static org.sitewatch.events.ReplicationState.REPLICATING;
import static org.sitewatch.events.ReplicationState.SYNCING;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

class DrbdMapperTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private static final ReportingEndpoint PARIS = new ReportingEndpoint("paris-dc1", Platform.LIBVIRT, Duration.ofMinutes(5));
    private static final DrbdSettings SETTINGS = new DrbdSettings(null, Map.of("kvm-b1", "oslo-dc2"), "kvm-a1", null);

    private final DrbdMapper mapper = new DrbdMapper(SETTINGS, PARIS);

    private Snapshot map(String fixture, Instant now) {
        Snapshot.Builder out = Snapshot.builder(now);
        mapper.map(DrbdStatusParser.parse(Fixtures.text(fixture)), now, out);
        return out.build();
    }

    private static Map<String, ReplicationStatus> byName(Snapshot s) {
        return s.states().stream().map(ReplicationStatus.class::cast)
                .collect(Collectors.toMap(ReplicationStatus::name, r -> r));
    }

    @Test
    void shouldReportAConnectedUpToDatePairAsReplicatingFromThePrimaryToThePeerSite() {
        Snapshot s = map("drbd-connected.json", T0);

        ReplicationStatus r = byName(s).get("vmdisk-100");
        assertThat(r.itemId()).isEqualTo("drbd:vmdisk-100:kvm-b1");
        assertThat(r.state()).isEqualTo(REPLICATING);
        assertThat(r.health()).isEqualTo(OK);
        assertThat(r.technology()).isEqualTo("drbd");
        assertThat(r.platform()).isEqualTo(Platform.LIBVIRT);
        assertThat(r.site()).isEqualTo("paris-dc1");
        assertThat(r.sourceSite()).isEqualTo("paris-dc1");
        assertThat(r.targetSite()).isEqualTo("oslo-dc2");
        assertThat(r.sourceHost()).isEqualTo("kvm-a1");
        assertThat(r.targetHost()).isEqualTo("kvm-b1");
        assertThat(r.lastRecoveryPoint()).isEqualTo(T0);
        assertThat(r.lagSeconds()).isZero();
        assertThat(r.targetRpoSeconds()).isEqualTo(300);
        assertThat(r.vendorState()).isEqualTo("role:Primary connection:Connected peer-role:Secondary disk:UpToDate "
                + "replication:Established peer-disk:UpToDate");
        assertThat(r.error()).isNull();
        assertThat(byName(s).get("vmdisk-101").state()).isEqualTo(REPLICATING);
        assertThat(byName(s).get("vmdisk-101").vendorState()).contains("volume:0", "volume:1");
    }

    /** Found by StorageReplicationFuzzTest: a connected peer without peer devices threw a NullPointerException. */
    @Test
    void shouldReportAConnectedPeerWithoutPeerDevicesAsUnknown() {
        Snapshot.Builder out = Snapshot.builder(T0);
        mapper.map(DrbdStatusParser.parse("{\"name\":\"vmdisk-200\",\"role\":\"Primary\",\"devices\":[{\"volume\":0,"
                + "\"disk-state\":\"UpToDate\"}],\"connections\":[{\"name\":\"kvm-b1\",\"connection-state\":\"Connected\","
                + "\"peer-role\":\"Secondary\",\"peer_devices\":null}]}"), T0, out);

        ReplicationStatus r = byName(out.build()).get("vmdisk-200");
        assertThat(r.state()).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(r.health()).isEqualTo(ReplicationHealth.UNKNOWN);
    }

    @Test
    void shouldSkipAPeerWithoutAConfiguredSiteWithAReasonInsteadOfGuessing() {
        Snapshot s = map("drbd-connected.json", T0);

        assertThat(byName(s)).doesNotContainKey("vmdisk-102");
        assertThat(s.skipped()).singleElement().asString()
                .contains("vmdisk-102", "kvm-c9", "no site configured", "[kvm-b1]");
        assertThat(s.partialTypes()).containsExactly(EventType.REPLICATION_STATUS);
    }

    @Test
    void shouldReportSyncTargetWithOutOfSyncDataAsSyncingWithTheLagSinceTheLastInSyncPoll() {
        map("drbd-connected.json", T0);

        Snapshot later = map("drbd-synctarget.json", T0.plusSeconds(90));

        ReplicationStatus r = byName(later).get("vmdisk-100");
        assertThat(r.state()).isEqualTo(SYNCING);
        assertThat(r.health()).isEqualTo(WARNING);
        assertThat(r.vendorState()).contains("replication:SyncTarget", "disk:Inconsistent", "out-of-sync:1048576KiB", "done:42.17");
        assertThat(r.lastRecoveryPoint()).isEqualTo(T0);
        assertThat(r.lagSeconds()).isEqualTo(90);
        // SyncTarget with a Primary peer: the data flows from the peer to this host.
        assertThat(r.sourceSite()).isEqualTo("oslo-dc2");
        assertThat(r.targetSite()).isEqualTo("paris-dc1");
        assertThat(r.sourceHost()).isEqualTo("kvm-b1");
    }

    @Test
    void shouldHaveNoRecoveryPointForAPairNeverSeenInSync() {
        ReplicationStatus r = byName(map("drbd-synctarget.json", T0)).get("vmdisk-100");

        assertThat(r.lastRecoveryPoint()).isNull();
        assertThat(r.lagSeconds()).isNull();
    }

    @Test
    void shouldReportAStandAlonePairAsFailedCriticalAndLetTheLagGrow() {
        map("drbd-connected.json", T0);

        ReplicationStatus r = byName(map("drbd-standalone.json", T0.plusSeconds(600))).get("vmdisk-100");

        assertThat(r.state()).isEqualTo(FAILED);
        assertThat(r.health()).isEqualTo(CRITICAL);
        assertThat(r.error()).contains("StandAlone", "split brain");
        assertThat(r.lagSeconds()).isEqualTo(600);
        assertThat(r.lastRecoveryPoint()).isEqualTo(T0);
    }

    @Test
    void shouldKeepUnknownWordsRawAsUnknown() {
        Map<String, ReplicationStatus> all = byName(map("drbd-unknown-words.json", T0));

        assertThat(all.values()).allSatisfy(r -> assertThat(r.state()).isEqualTo(ReplicationState.UNKNOWN));
        assertThat(all.get("odd-connection").health()).isEqualTo(ReplicationHealth.UNKNOWN);
        assertThat(all.get("odd-connection").vendorState()).contains("connection:Frobnicating");
        assertThat(all.get("odd-connection").error()).contains("'Frobnicating' is not a known state");
        assertThat(all.get("odd-replication").vendorState()).contains("replication:WFQuantumSync");
        assertThat(all.get("odd-disk").vendorState()).contains("disk:Sparkly");
        assertThat(all.get("odd-role").vendorState()).contains("role:Tertiary");
    }

    @Test
    void shouldReadTheOtherShapesOfTheJson() {
        ReplicationStatus r = byName(map("drbd-variant-shape.json", T0)).get("vmdisk-200");

        assertThat(r.state()).isEqualTo(SYNCING);
        assertThat(r.health()).isEqualTo(WARNING);
        assertThat(r.vendorState()).isEqualTo("role:Primary connection:Connected peer-role:Secondary disk:UpToDate "
                + "replication:SyncSource peer-disk:Inconsistent out-of-sync:262144KiB done:87.50");
    }

    @Test
    void shouldTreatADisklessClientPeerAsNotReplicated() {
        String json = Fixtures.text("drbd-connected.json").replaceFirst("\"peer-client\": false", "\"peer-client\": true");
        Snapshot.Builder out = Snapshot.builder(T0);
        mapper.map(DrbdStatusParser.parse(json), T0, out);

        assertThat(byName(out.build()).get("vmdisk-100").state()).isEqualTo(ReplicationState.NOT_CONFIGURED);
    }

    /** Every documented word: the fixture has one resource per word, named after it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "conn-StandAlone, FAILED, CRITICAL",
            "conn-Disconnecting, FAILED, CRITICAL",
            "conn-Unconnected, FAILED, WARNING",
            "conn-Timeout, FAILED, CRITICAL",
            "conn-BrokenPipe, FAILED, CRITICAL",
            "conn-NetworkFailure, FAILED, CRITICAL",
            "conn-ProtocolError, FAILED, CRITICAL",
            "conn-TearDown, FAILED, CRITICAL",
            "conn-Connecting, FAILED, WARNING",
            "conn-Connected, REPLICATING, OK",
            "repl-Off, UNKNOWN, WARNING",
            "repl-Established, REPLICATING, OK",
            "repl-StartingSyncS, SYNCING, WARNING",
            "repl-StartingSyncT, SYNCING, WARNING",
            "repl-WFBitMapS, SYNCING, WARNING",
            "repl-WFBitMapT, SYNCING, WARNING",
            "repl-WFSyncUUID, SYNCING, WARNING",
            "repl-SyncSource, SYNCING, WARNING",
            "repl-SyncTarget, SYNCING, WARNING",
            "repl-VerifyS, REPLICATING, OK",
            "repl-VerifyT, REPLICATING, OK",
            "repl-PausedSyncS, PAUSED, WARNING",
            "repl-PausedSyncT, PAUSED, WARNING",
            "repl-Ahead, SYNCING, WARNING",
            "repl-Behind, SYNCING, WARNING",
            "disk-Diskless, FAILED, CRITICAL",
            "disk-Attaching, REPLICATING, WARNING",
            "disk-Detaching, REPLICATING, WARNING",
            "disk-Failed, FAILED, CRITICAL",
            "disk-Negotiating, REPLICATING, WARNING",
            "disk-Inconsistent, REPLICATING, CRITICAL",
            "disk-Outdated, REPLICATING, WARNING",
            "disk-DUnknown, REPLICATING, WARNING",
            "disk-Consistent, REPLICATING, WARNING",
            "disk-UpToDate, REPLICATING, OK",
            "peer-disk-Diskless, FAILED, CRITICAL",
            "peer-disk-Attaching, REPLICATING, WARNING",
            "peer-disk-Detaching, REPLICATING, WARNING",
            "peer-disk-Failed, FAILED, CRITICAL",
            "peer-disk-Negotiating, REPLICATING, WARNING",
            "peer-disk-Inconsistent, REPLICATING, CRITICAL",
            "peer-disk-Outdated, REPLICATING, WARNING",
            "peer-disk-DUnknown, REPLICATING, WARNING",
            "peer-disk-Consistent, REPLICATING, WARNING",
            "peer-disk-UpToDate, REPLICATING, OK",
            "role-Primary, REPLICATING, OK",
            "role-Secondary, REPLICATING, OK",
            "role-Unknown, REPLICATING, OK",
    })
    void shouldMapEveryDocumentedStateWord(String resource, ReplicationState state, ReplicationHealth health) {
        ReplicationStatus r = byName(map("drbd-every-state.json", T0)).get(resource);

        assertThat(r).as(resource).isNotNull();
        assertThat(r.state()).as(resource + " state").isEqualTo(state);
        assertThat(r.health()).as(resource + " health").isEqualTo(health);
        assertThat(r.error() != null).as(resource + " has an error text").isEqualTo(state == FAILED || health == CRITICAL || state == ReplicationState.UNKNOWN);
    }

    @Test
    void shouldCoverEveryResourceOfTheEveryStateFixture() {
        List<String> names = DrbdStatusParser.parse(Fixtures.text("drbd-every-state.json")).stream().map(DrbdStatus::name).toList();

        // 10 connection + 15 replication + 10 disk + 10 peer disk + 3 role words
        assertThat(names).hasSize(48).doesNotHaveDuplicates();
    }

    @Test
    void shouldMarkPausedResyncAsPausedWithTheSuspensionShown() {
        ReplicationStatus r = byName(map("drbd-every-state.json", T0)).get("repl-PausedSyncS");

        assertThat(r.state()).isEqualTo(PAUSED);
        assertThat(r.vendorState()).contains("resync-suspended", "done:99.50");
    }
}
