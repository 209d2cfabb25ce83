package org.sitewatch.collectors.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.simulator.ovirt.OvirtEstate;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.JsonMutant;
import org.sitewatch.testsupport.fuzz.JsonMutations;

/**
 * Fault suite 7 for oVirt: the engine's answers to one poll and one event page, read once from the
 * simulator's default estate, mutated together and mapped the way {@link OvirtCollector#poll} and
 * {@link OvirtEventHistory#readAfter} do (collection unwrapped by {@link OvirtApi#items}, inventory,
 * DR pairs, events with a bad one skipped). Every try ends in a snapshot and events, or a MALFORMED
 * {@link CollectorException}; never another exception or a hang.
 */
class OvirtMapperFuzzTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<String> PATHS = List.of("/datacenters", "/clusters", "/hosts", "/vms",
            OvirtCollector.STORAGE_DOMAINS, "/events?from=0&max=100");
    private static final List<String> KEYS = List.of("data_center", "cluster", "host", "vm", "storage_domain", "event");

    private static EndpointConfig endpoint;
    private static OvirtSettings settings;
    private static List<JsonNode> answers;

    @Property(tries = 10_000)
    void everyPollIsASnapshotOrAMalformedAnswer(@ForAll("polls") JsonMutant poll) {
        if (!poll.readable()) {
            return; // JsonHttpClient fails an answer that is no JSON as MALFORMED; no mapper sees it
        }
        Throwable thrown = FuzzGuard.expectResultOr(poll, () -> map(poll), CollectorException.class);
        if (thrown != null && ((CollectorException) thrown).kind() != CollectorErrorKind.MALFORMED) {
            throw new AssertionError("not MALFORMED: " + thrown + " for " + poll, thrown);
        }
    }

    @Provide
    Arbitrary<JsonMutant> polls() {
        return JsonMutations.of(seeds());
    }

    /** What OvirtCollector.poll and OvirtEventHistory.readAfter make of the answers. */
    private static Snapshot map(JsonMutant poll) throws CollectorException {
        List<JsonNode>[] lists = new List[PATHS.size()];
        for (int i = 0; i < PATHS.size(); i++) {
            lists[i] = OvirtApi.items(PATHS.get(i), poll.document(i), KEYS.get(i));
        }
        Snapshot.Builder out = Snapshot.builder(NOW);
        OvirtInventory read = new OvirtInventory(endpoint.site(), settings.dataCenterSites());
        new OvirtInventoryMapper(read, out).map(lists[0], lists[1], lists[2], lists[3]);
        new OvirtDrMapper(read).map(lists[4], settings.drMappings()).forEach(out::state);
        OvirtEventMapper events = new OvirtEventMapper(read);
        for (JsonNode e : lists[5]) {
            long index = OvirtEventHistory.index(e);
            try {
                events.map(e, index, NOW);
            } catch (BadRecordException skipped) {
                // readAfter logs and skips it
            }
        }
        return out.build();
    }

    /** The simulator's answers, read once with the collector's own client. */
    private static synchronized List<JsonNode> seeds() {
        if (answers == null) {
            ManualClock clock = new ManualClock(NOW);
            try (Simulator simulator = Simulator.builder(Scenario.parse(OvirtEstate.SCENARIO)).clock(clock)
                    .tickInterval(null).build().start()) {
                endpoint = OvirtSimulatorTest.endpoint(simulator.endpoints().get(0), Map.of()).toBuilder()
                        .timeout(Duration.ofSeconds(10)).build();
                settings = endpoint.settings(OvirtSettings.class);
                OvirtApi api = new OvirtApi(endpoint, settings);
                List<JsonNode> read = new java.util.ArrayList<>();
                for (String path : PATHS) {
                    read.add(api.get(path));
                }
                answers = List.copyOf(read);
            } catch (CollectorException e) {
                throw new IllegalStateException("the simulator's oVirt front did not answer", e);
            }
        }
        return answers;
    }
}
