package org.sitewatch.collectors.vmware.replication;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.JsonMutant;
import org.sitewatch.testsupport.fuzz.JsonMutations;

/**
 * Fault suite 7 for vSphere Replication: the appliance's {@code /pairings} and replication list (the
 * documented fixtures) mutated together and mapped as {@link ReplicationReader} does, pairing by
 * pairing and record by record. A record may be refused as an {@link UnusableRecordException}
 * (skipped, listed); any other exception or a hang fails the try. (A list that is not a list is the
 * paging's MALFORMED, before any mapper.)
 */
class VsphereReplicationFuzzTest {

    private final ReplicationMapper mapper = new ReplicationMapper("paris-dc1",
            ReplicationMapperTest.settings(Map.of(ReplicationMapperTest.VC_B, "london-dr")), ReplicationMapperTest.BLOCK);

    @Property(tries = 10_000)
    void everyReplicationIsMappedOrSkipped(@ForAll("answers") JsonMutant answers) {
        if (!answers.readable()) {
            return; // the client fails an answer that is no JSON as MALFORMED; no mapper sees it
        }
        FuzzGuard.expectResultOr(answers, () -> map(answers));
    }

    @Provide
    Arbitrary<JsonMutant> answers() throws Exception {
        return JsonMutations.of(List.of(ReplicationMapperTest.fixture("pairings.json"),
                ReplicationMapperTest.fixture("replications-doc.json")));
    }

    private List<Object> map(JsonMutant answers) {
        List<Object> out = new ArrayList<>();
        for (JsonNode p : items(answers.document(0))) {
            VrPairing pairing = VrPairing.of(p);
            if (pairing == null) {
                continue;
            }
            for (JsonNode info : items(answers.document(1))) {
                try {
                    out.add(mapper.map(pairing, info, Map.of(), ReplicationMapperTest.NOW));
                } catch (UnusableRecordException skipped) {
                    out.add(skipped.getMessage());
                }
            }
        }
        return out;
    }

    /** The page's items, as the paging hands them over; none when there is no list. */
    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode list = page == null ? null : page.get("list");
        if (list != null && list.isArray()) {
            list.forEach(items::add);
        }
        return items;
    }
}
