package org.sitewatch.collectors.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.Platform;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.JsonMutant;
import org.sitewatch.testsupport.fuzz.JsonMutations;

/**
 * Fault suite 7 for storage replication: the output of {@code drbdsetup status --json} and of
 * {@code rbd mirror image status --format json} (every fixture), mutated, truncation included, and
 * given as text to {@link DrbdReplication} and {@link CephMirrorReplication} through a runner that
 * hands it over. DRBD output ends in records or a MALFORMED rejected read; a Ceph image's output in
 * its record or the image skipped; never another exception or a hang.
 */
class StorageReplicationFuzzTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    private static final String IMAGE = "rbd/vm-100-disk-0";
    private static final ReportingEndpoint PARIS = new ReportingEndpoint("paris-dc1", Platform.LIBVIRT, Duration.ofMinutes(5));
    private static final List<String> DRBD = List.of("drbd-connected.json", "drbd-every-state.json",
            "drbd-standalone.json", "drbd-synctarget.json", "drbd-unknown-words.json", "drbd-variant-shape.json");
    private static final List<String> CEPH = List.of("ceph-every-state.json", "ceph-journal-behind-0.json",
            "ceph-journal-behind-2400.json", "ceph-primary-with-peer.json", "ceph-primary.json",
            "ceph-snapshot-idle.json", "ceph-snapshot-syncing.json");

    @Property(tries = 10_000)
    void everyDrbdStatusIsMappedOrAMalformedRead(@ForAll("drbdOutputs") JsonMutant output) {
        DrbdReplication drbd = new DrbdReplication(new DrbdSettings(null, Map.of("kvm-b1", "oslo-dc2"), "kvm-a1", null),
                PARIS, runnerAnswering(output));
        Throwable thrown = FuzzGuard.expectResultOr(output, () -> read(drbd), CollectorException.class);
        if (thrown != null && ((CollectorException) thrown).kind() != CollectorErrorKind.MALFORMED) {
            throw new AssertionError("not MALFORMED: " + thrown + " for " + output, thrown);
        }
    }

    @Property(tries = 10_000)
    void everyCephImageStatusIsMappedOrTheImageSkipped(@ForAll("cephOutputs") JsonMutant output) {
        CephMirrorReplication ceph = new CephMirrorReplication(new CephMirrorSettings(null, Map.of(IMAGE, "paris-dc1"),
                null, null, null), PARIS, runnerAnswering(output));
        FuzzGuard.expectResultOr(output, () -> read(ceph));
    }

    @Provide
    Arbitrary<JsonMutant> drbdOutputs() {
        return JsonMutations.ofAny(seeds(DRBD));
    }

    @Provide
    Arbitrary<JsonMutant> cephOutputs() {
        return JsonMutations.ofAny(seeds(CEPH));
    }

    private static Snapshot read(StorageReplication replication) throws CollectorException {
        Snapshot.Builder out = Snapshot.builder(NOW);
        replication.read(NOW, out);
        return out.build();
    }

    private static List<List<com.fasterxml.jackson.databind.JsonNode>> seeds(List<String> fixtures) {
        return fixtures.stream().map(name -> List.of(JsonMutations.read(Fixtures.text(name)))).toList();
    }

    /** A runner whose command prints the mutant's text. */
    private static CommandRunner runnerAnswering(JsonMutant output) {
        return new CommandRunner() {
            @Override
            public String run(List<String> extraArguments) {
                return output.texts().get(0);
            }

            @Override
            public String where() {
                return "fuzz";
            }

            @Override
            public void close() {
            }
        };
    }
}
