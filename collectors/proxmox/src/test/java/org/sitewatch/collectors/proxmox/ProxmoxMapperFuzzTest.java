package org.sitewatch.collectors.proxmox;

import static org.sitewatch.collectors.proxmox.ProxmoxFixtures.NOW;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.JsonMutant;
import org.sitewatch.testsupport.fuzz.JsonMutations;

/**
 * Fault suite 7 for Proxmox VE: one poll's answers (the fixtures, envelope included) mutated together,
 * unwrapped as {@link ProxmoxClient} does and mapped after a valid poll (so HA transitions are
 * tracked too). Every try ends in a snapshot (bad records skipped) or a MALFORMED
 * {@link CollectorException}, the runtime's rejected poll; never another exception or a hang.
 */
class ProxmoxMapperFuzzTest {

    private static final List<String> ANSWERS = List.of("cluster-status.json", "resources-vm.json",
            "resources-node.json", "ha-status.json", "replication-config.json", "replication-pve1.json",
            "replication-pve2.json", "config-nodes-two.json", "qdevice-connected.json");

    @Property(tries = 10_000)
    void everyPollIsASnapshotOrAMalformedAnswer(@ForAll("polls") JsonMutant poll) {
        if (!poll.readable()) {
            return; // JsonHttpClient fails an answer that is no JSON as MALFORMED; no mapper sees it
        }
        Throwable thrown = FuzzGuard.expectResultOr(poll, () -> {
            ProxmoxMapper mapper = new ProxmoxMapper(ProxmoxFixtures.settings());
            mapper.map(ProxmoxFixtures.readings("cluster-status.json"));
            return mapper.map(readings(poll));
        }, CollectorException.class);
        if (thrown != null && ((CollectorException) thrown).kind() != CollectorErrorKind.MALFORMED) {
            throw new AssertionError("not MALFORMED: " + thrown + " for " + poll, thrown);
        }
    }

    @Provide
    Arbitrary<JsonMutant> polls() {
        return JsonMutations.of(ANSWERS.stream().map(name -> JsonMutations.read(ProxmoxFixtures.text(name))).toList());
    }

    /** The poll's readings, each answer unwrapped from its envelope like the client does. */
    private static ProxmoxReadings readings(JsonMutant poll) throws CollectorException {
        return new ProxmoxReadings(NOW.plusSeconds(15), data(poll, 0), data(poll, 1), data(poll, 2), data(poll, 3),
                data(poll, 4), Map.of("pve1", data(poll, 5), "pve2", data(poll, 6)), data(poll, 7), data(poll, 8));
    }

    private static JsonNode data(JsonMutant poll, int answer) throws CollectorException {
        return ProxmoxClient.data("/" + ANSWERS.get(answer), poll.document(answer));
    }
}
