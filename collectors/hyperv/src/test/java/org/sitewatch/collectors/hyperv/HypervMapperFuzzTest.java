package org.sitewatch.collectors.hyperv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.JsonMutant;
import org.sitewatch.testsupport.fuzz.JsonMutations;

/**
 * Fault suite 7 for Hyper-V: the snapshot script's output of the three listeners of the fixtures
 * (Windows PowerShell 5.1 and PowerShell 7 forms, cluster nodes and a standalone host) mutated,
 * truncated included, and given as text to {@link HypervReportReader} and then to
 * {@link HypervSnapshotMapper}, as {@link HypervCollector} does. Every try ends in a snapshot or an
 * IllegalArgumentException, which the collector turns into a MALFORMED rejected read of that node.
 */
class HypervMapperFuzzTest {

    private static final List<String> OUTPUTS = List.of("cluster-node-ps51.json", "cluster-node-ps7.json",
            "standalone-ps7.json");
    private static final List<String> SEED_TEXTS = OUTPUTS.stream().map(Fixtures::json).toList();
    private static final HypervSettings SETTINGS = Fixtures.settings(Map.of());

    @Property(tries = 10_000)
    void everyOutputIsMappedOrAMalformedAnswer(@ForAll("outputs") JsonMutant outputs) {
        FuzzGuard.expectResultOr(outputs, () -> map(outputs), IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<JsonMutant> outputs() {
        return JsonMutations.of(SEED_TEXTS.stream().map(JsonMutations::read).toList());
    }

    /** Each listener's output read as HypervCollector reads it, then the reports mapped together. */
    private static Snapshot map(JsonMutant outputs) {
        HypervReportReader reader = new HypervReportReader();
        List<HypervReport> reports = new ArrayList<>();
        for (int i = 0; i < OUTPUTS.size(); i++) {
            reports.add(reader.read(outputs.changed().get(i) ? outputs.texts().get(i) : SEED_TEXTS.get(i)));
        }
        Snapshot.Builder snapshot = Snapshot.builder(Instant.parse("2025-01-07T10:00:00Z"));
        HypervSnapshotMapper mapper = new HypervSnapshotMapper("paris-dc1", SETTINGS, Fixtures.BLOCK);
        mapper.map(reports, snapshot, Map.of());
        reports.forEach(HypervSnapshotMapper::testFailovers);
        return snapshot.build();
    }
}
