package org.sitewatch.collectors.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.PropertyTree;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.Platform;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.JsonMutant;
import org.sitewatch.testsupport.fuzz.JsonMutations;

/**
 * Fault suite 7 for Citrix: the Monitor Service's OData answer to the collector's one query (read
 * once from the simulator's Amsterdam estate), mutated, and served to the real collector and its
 * {@link MonitorClient} (paging included) through a transport that hands it over. Every poll ends
 * in a snapshot (an unusable machine skipped) or a MALFORMED {@link CollectorException}.
 */
class CitrixCollectorFuzzTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static EndpointConfig endpoint;
    private static CitrixSettings settings;
    private static JsonNode machines;

    @Property(tries = 10_000)
    void everyPollIsASnapshotOrAMalformedAnswer(@ForAll("answers") JsonMutant answer) {
        if (!answer.readable()) {
            return; // the transport fails an answer that is no JSON as MALFORMED; no mapper sees it
        }
        Throwable thrown = FuzzGuard.expectResultOr(answer, () -> collectorReading(answer.document(0)).poll(),
                CollectorException.class);
        if (thrown != null && ((CollectorException) thrown).kind() != CollectorErrorKind.MALFORMED) {
            throw new AssertionError("not MALFORMED: " + thrown + " for " + answer, thrown);
        }
    }

    @Provide
    Arbitrary<JsonMutant> answers() {
        return JsonMutations.of(List.of(seed()));
    }

    /** The collector, its first GET answered {@code firstPage}, any further page (a next link) an empty one. */
    private static CitrixCollector collectorReading(JsonNode firstPage) {
        boolean[] asked = {false};
        MonitorTransport transport = path -> {
            if (asked[0]) {
                return JsonMutations.read("{\"value\":[]}");
            }
            asked[0] = true;
            return firstPage;
        };
        return new CitrixCollector(endpoint, settings,
                new MonitorClient(transport, Duration.ZERO, 5, d -> { }), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The simulator's answer to the collector's query, read once with the collector's own transport. */
    private static synchronized JsonNode seed() {
        if (machines == null) {
            try (Simulator simulator = Simulator.builder(Scenario.parse(CitrixSimulatorTest.ESTATE))
                    .clock(new ManualClock(NOW)).tickInterval(null).build().start()) {
                SimulatedEndpoint e = simulator.endpoints().stream().filter(x -> x.id().equals("ctx-ams")).findFirst()
                        .orElseThrow();
                endpoint = EndpointConfig.builder(e.id(), e.site(), Platform.CITRIX)
                        .settings(PropertyTree.of(e.vendorProperties())).timeout(Duration.ofSeconds(10)).build();
                settings = endpoint.settings(CitrixSettings.class);
                CloudTokens tokens = new CloudTokens(settings.tokenUrl(), settings.clientId(), settings.clientSecret(),
                        null, Duration.ofSeconds(10), Clock.systemUTC(), "citrix");
                try (CloudTransport transport = new CloudTransport(tokens, token -> CloudTransport.withHeaders(
                        org.sitewatch.collectors.spi.http.JsonHttpClient.builder(settings.dataRoot()), token,
                        settings.customerId()).build())) {
                    machines = transport.get(CitrixCollector.MACHINES_QUERY);
                }
            } catch (CollectorException ex) {
                throw new IllegalStateException("the simulator's Citrix front did not answer", ex);
            }
        }
        return machines;
    }
}
