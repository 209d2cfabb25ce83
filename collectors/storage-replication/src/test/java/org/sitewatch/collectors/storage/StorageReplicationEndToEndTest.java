package org.sitewatch.collectors.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * The library as a collector uses it: a real command (a script whose answer changes from one call
 * to the next) read through {@link DrbdReplication} / {@link CephMirrorReplication} into snapshots.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StorageReplicationEndToEndTest {

    private static final String KEY = "sitewatch.collectors.endpoints[0].libvirt.drbd";
    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private static final ReportingEndpoint PARIS = new ReportingEndpoint("paris-dc1", Platform.LIBVIRT, null);

    @TempDir
    Path dir;

    /** A status command answering answers[0] on its first run, answers[1] on its second, ... */
    private Path scriptedStatus(String... answers) throws IOException {
        for (int i = 0; i < answers.length; i++) {
            Files.writeString(dir.resolve("answer-" + (i + 1)), answers[i]);
        }
        Path script = dir.resolve("drbdsetup");
        Files.writeString(script, "#!/bin/sh\n"
                + "n=$(cat '" + dir + "/count' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '" + dir + "/count'\n"
                + "cat '" + dir + "/answer-'$n\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static ReplicationStatus only(Snapshot s) {
        assertThat(s.states()).hasSize(1);
        return (ReplicationStatus) s.states().get(0);
    }

    @Test
    void shouldTurnADrbdPairFromReplicatingToFailedWhenTheStatusCommandSaysStandAlone() throws Exception {
        Path drbdsetup = scriptedStatus(Fixtures.text("drbd-standalone.json").replace("StandAlone", "Connected")
                        .replace("\"Unknown\"", "\"Secondary\"").replace("\"Off\"", "\"Established\"").replace("DUnknown", "UpToDate"),
                Fixtures.text("drbd-standalone.json"));
        DrbdSettings settings = new DrbdSettings(CommandSettings.local(List.of(drbdsetup.toString(), "status", "--json")),
                Map.of("kvm-b1", "oslo-dc2"), null, null);

        try (DrbdReplication drbd = DrbdReplication.create(settings, KEY, PARIS)) {
            Snapshot.Builder first = Snapshot.builder(T0);
            drbd.read(T0, first);
            Snapshot.Builder second = Snapshot.builder(T0.plusSeconds(60));
            drbd.read(T0.plusSeconds(60), second);

            ReplicationStatus before = only(first.build());
            ReplicationStatus after = only(second.build());
            assertThat(before.state()).isEqualTo(ReplicationState.REPLICATING);
            assertThat(before.health()).isEqualTo(ReplicationHealth.OK);
            assertThat(after.itemId()).isEqualTo(before.itemId());
            assertThat(after.state()).isEqualTo(ReplicationState.FAILED);
            assertThat(after.health()).isEqualTo(ReplicationHealth.CRITICAL);
            assertThat(after.lagSeconds()).isEqualTo(60);
            assertThat(after.targetSite()).isEqualTo("oslo-dc2");
        }
    }

    @Test
    void shouldFailTheReadAsMalformedWhenTheOutputIsNotDrbdJson() throws Exception {
        Path drbdsetup = scriptedStatus("vmdisk-100 role:Primary\n  disk:UpToDate\n");
        DrbdSettings settings = new DrbdSettings(CommandSettings.local(List.of(drbdsetup.toString())),
                Map.of("kvm-b1", "oslo-dc2"), null, null);

        try (DrbdReplication drbd = DrbdReplication.create(settings, KEY, PARIS)) {
            assertThatThrownBy(() -> drbd.read(T0, Snapshot.builder(T0)))
                    .isInstanceOfSatisfying(CollectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.getMessage()).contains("not drbdsetup's JSON", "from local");
                    });
        }
    }

    @Test
    void shouldReadEachCephImageAndSkipOneTheCommandCannotAnswer() throws Exception {
        Files.writeString(dir.resolve("rbd_vm-100-disk-0.json"), Fixtures.text("ceph-journal-behind-0.json"));
        Path rbd = dir.resolve("rbd");
        // the image spec is the last argument; the answer is the file named after it, else rbd's error
        Files.writeString(rbd, "#!/bin/sh\nfor spec; do :; done\nf='" + dir + "/'$(echo \"$spec\" | tr / _).json\n"
                + "if [ -f \"$f\" ]; then cat \"$f\"; else echo \"rbd: error opening image: (2) No such file or directory\" >&2; exit 2; fi\n");
        Files.setPosixFilePermissions(rbd, PosixFilePermissions.fromString("rwx------"));
        CephMirrorSettings settings = new CephMirrorSettings(
                CommandSettings.local(List.of(rbd.toString(), "mirror", "image", "status", "--format", "json")),
                Map.of("rbd/vm-100-disk-0", "oslo-dc2", "rbd/vm-404-disk-0", "oslo-dc2"), null, null, null);

        try (CephMirrorReplication ceph = CephMirrorReplication.create(settings, "sitewatch.collectors.endpoints[0].libvirt.ceph",
                PARIS)) {
            Instant now = Instant.parse("2026-12-05T09:00:30Z");
            Snapshot.Builder out = Snapshot.builder(now);
            ceph.read(now, out);
            Snapshot s = out.build();

            ReplicationStatus r = only(s);
            assertThat(r.itemId()).isEqualTo("rbd:rbd/vm-100-disk-0");
            assertThat(r.state()).isEqualTo(ReplicationState.REPLICATING);
            assertThat(s.skipped()).singleElement().asString()
                    .contains("rbd/vm-404-disk-0", "status 2", "No such file or directory");
            assertThat(s.partialTypes()).containsExactly(EventType.REPLICATION_STATUS);
        }
    }

    @Test
    void shouldFailTheWholeCephReadWhenTheProgramIsMissing() throws Exception {
        CephMirrorSettings settings = new CephMirrorSettings(CommandSettings.local(List.of(dir.resolve("no-rbd").toString())),
                Map.of("rbd/vm-100-disk-0", "oslo-dc2"), null, null, null);

        try (CephMirrorReplication ceph = CephMirrorReplication.create(settings, "x.ceph", PARIS)) {
            assertThatThrownBy(() -> ceph.read(T0, Snapshot.builder(T0)))
                    .isInstanceOfSatisfying(CollectorException.class, e -> assertThat(e.permanent()).isTrue());
        }
    }
}
