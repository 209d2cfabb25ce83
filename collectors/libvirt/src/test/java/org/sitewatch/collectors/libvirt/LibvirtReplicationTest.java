package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.collectors.libvirt.LibvirtTestDriver.WAIT;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.sitewatch.collectors.libvirt.LibvirtTestDriver.RecordingSink;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * The collector on libvirt's {@code test:///default} with a DRBD block whose command is a real
 * script ({@link DrbdScript}): the replication records ride in the snapshots, follow the script's
 * answer, and a failing command is a partial read of replication status while VM events go on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibvirtReplicationTest {

    private final RecordingSink sink = new RecordingSink();
    private LibvirtCollector collector;

    @TempDir
    Path dir;

    @AfterEach
    void stopTheCollector() {
        if (collector != null) {
            collector.stop();
        }
    }

    private DrbdScript start(String firstAnswer) throws Exception {
        DrbdScript drbd = new DrbdScript(dir).answer(firstAnswer);
        EndpointConfig endpoint = LibvirtTestDriver.endpoint("lab", Map.of("kvm1", "test:///default"))
                .setting("drbd", drbd.block()).build();
        collector = new LibvirtCollector(endpoint, endpoint.settings(LibvirtSettings.class), Clock.systemUTC());
        collector.start(sink);
        return drbd;
    }

    private static Optional<ReplicationStatus> pair(Snapshot snapshot) {
        return snapshot.states().stream().filter(ReplicationStatus.class::isInstance).map(ReplicationStatus.class::cast)
                .filter(r -> r.itemId().equals(DrbdScript.ITEM)).findFirst();
    }

    /** Waits for a snapshot whose pair is in {@code state}. */
    private ReplicationStatus awaitPair(ReplicationState state) {
        await().atMost(WAIT).until(() -> sink.snapshots.stream().anyMatch(s -> pair(s).filter(r -> r.state() == state)
                .isPresent()));
        return sink.snapshots.stream().flatMap(s -> pair(s).stream()).filter(r -> r.state() == state).findFirst()
                .orElseThrow();
    }

    private int snapshotsSoFar() {
        return sink.snapshots.size();
    }

    private Snapshot awaitSnapshotAfter(int count, java.util.function.Predicate<Snapshot> matching) {
        await().atMost(WAIT).until(() -> sink.snapshots.stream().skip(count).anyMatch(matching));
        return sink.snapshots.stream().skip(count).filter(matching).findFirst().orElseThrow();
    }

    @Test
    void shouldDeliverTheDrbdPairInTheSnapshotsAndFollowTheStatusCommand() throws Exception {
        DrbdScript drbd = start(DrbdScript.connected());

        // The first snapshot comes before the first reading: replication is marked partial, nothing removed.
        await().atMost(WAIT).until(() -> !sink.snapshots.isEmpty());
        Snapshot first = sink.snapshots.get(0);
        assertThat(first.partialTypes()).contains(EventType.REPLICATION_STATUS);
        assertThat(pair(first)).isEmpty();

        ReplicationStatus healthy = awaitPair(ReplicationState.REPLICATING);
        assertThat(healthy.health()).isEqualTo(ReplicationHealth.OK);
        assertThat(healthy.site()).isEqualTo(LibvirtTestDriver.SITE);
        assertThat(healthy.platform()).isEqualTo(Platform.LIBVIRT);
        assertThat(healthy.targetSite()).isEqualTo(DrbdScript.PEER_SITE);   // from drbd.peers
        assertThat(healthy.targetHost()).isEqualTo(DrbdScript.PEER);
        assertThat(healthy.sourceHost()).isEqualTo("kvm1");                  // drbd.node-name
        assertThat(healthy.technology()).isEqualTo("drbd");
        Snapshot withPair = sink.snapshots.stream().filter(s -> pair(s).isPresent()).findFirst().orElseThrow();
        assertThat(LibvirtTestDriver.vmsByName(withPair)).containsKey("test"); // the VMs ride along
        assertThat(withPair.partialTypes()).doesNotContain(EventType.REPLICATION_STATUS);
        assertThat(withPair.unreadable()).isEmpty();

        drbd.answer(DrbdScript.standalone());
        ReplicationStatus broken = awaitPair(ReplicationState.FAILED);
        assertThat(broken.health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(broken.targetSite()).isEqualTo(DrbdScript.PEER_SITE);
        assertThat(broken.vendorState()).contains("connection:StandAlone");

        int before = snapshotsSoFar();
        drbd.answer(DrbdScript.connected());
        Snapshot repaired = awaitSnapshotAfter(before,
                s -> pair(s).filter(r -> r.state() == ReplicationState.REPLICATING).isPresent());
        assertThat(pair(repaired).orElseThrow().health()).isEqualTo(ReplicationHealth.OK);
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void shouldReportAFailingCommandAsAPartialReadWhileVmEventsKeepFlowing() throws Exception {
        DrbdScript drbd = start(DrbdScript.connected());
        awaitPair(ReplicationState.REPLICATING);

        drbd.failing(true);
        Snapshot failing = awaitSnapshotAfter(0, s -> !s.unreadable().isEmpty());
        assertThat(failing.unreadable()).singleElement().satisfies(read -> {
            assertThat(read.type()).isEqualTo(EventType.REPLICATION_STATUS);
            assertThat(read.scope()).isEqualTo(Scope.endpoint("libvirt.drbd"));
            assertThat(read.reason()).contains("exited with status 10", DrbdScript.FAILURE);
        });
        assertThat(pair(failing)).isEmpty();
        assertThat(LibvirtTestDriver.vmsByName(failing)).containsKey("test");

        // libvirt's events are not held up by the failing reads (the test acts on a connection of its own).
        String uuid = UUID.randomUUID().toString();
        Connect actor = LibvirtTestDriver.openDefault();
        Domain domain = actor.domainDefineXML(LibvirtTestDriver.domainXml("repl-" + uuid.substring(0, 8), uuid));
        try {
            domain.create();
            await().atMost(WAIT).until(() -> sink.vms(uuid).size() == 2);
            assertThat(sink.vms(uuid)).extracting(VmState::host).containsOnly("kvm1");
        } finally {
            domain.destroy();
            domain.undefine();
            actor.close();
        }
        int before = snapshotsSoFar();
        await().atMost(WAIT).until(() -> sink.snapshots.size() > before + 1); // readings go on, still failing
        assertThat(sink.lastSnapshot().unreadable()).extracting(PartialRead::type)
                .containsExactly(EventType.REPLICATION_STATUS);

        drbd.failing(false);
        int failed = snapshotsSoFar();
        Snapshot recovered = awaitSnapshotAfter(failed, s -> s.unreadable().isEmpty() && pair(s).isPresent());
        assertThat(pair(recovered).orElseThrow().state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void shouldStopReadingWhenStopped() throws Exception {
        start(DrbdScript.connected());
        awaitPair(ReplicationState.REPLICATING);

        collector.stop();
        int after = snapshotsSoFar();
        Thread.sleep(600); // three poll intervals
        assertThat(sink.snapshots).hasSize(after);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("libvirt-lab-replication");
        collector = null;
        assertThat(List.copyOf(sink.failures)).isEmpty();
    }
}
