package org.sitewatch.collectors.oraclevm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.JsonMutant;
import org.sitewatch.testsupport.fuzz.JsonMutations;

/**
 * Fault suite 7 for Oracle VM: the Manager's answers to one poll ({@code /Manager}, {@code /Vm},
 * {@code /Server}, {@code /ServerPool}: the fixtures) mutated together and mapped as
 * {@link OracleVmCollector#poll} does, after a valid poll (so the HA detector compares two). Every
 * try ends in a snapshot, or a MALFORMED (or "Manager not running") {@link CollectorException}.
 */
class OracleVmMapperFuzzTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Set<CollectorErrorKind> REJECTED = Set.of(CollectorErrorKind.MALFORMED, CollectorErrorKind.HTTP_5XX);
    private static final String MANAGER = "[{\"id\":{\"value\":\"0004fb0000010000\",\"type\":"
            + "\"com.oracle.ovm.mgr.ws.model.Manager\",\"name\":\"OVM Manager\"},\"managerRunState\":\"RUNNING\"}]";
    private static final JsonNode VMS = Fixtures.load("vms.json");
    private static final JsonNode SERVERS = Fixtures.load("servers.json");
    private static final JsonNode POOLS = Fixtures.load("pools.json");
    /** The collector needs one; mapping never calls it (one for all tries: each builds an HttpClient). */
    private static final OracleVmClient UNUSED_CLIENT = client();

    @Property(tries = 10_000)
    void everyPollIsASnapshotOrARejectedPoll(@ForAll("polls") JsonMutant poll) {
        if (!poll.readable()) {
            return; // JsonHttpClient fails an answer that is no JSON as MALFORMED; no mapper sees it
        }
        Throwable thrown = FuzzGuard.expectResultOr(poll, () -> {
            OracleVmCollector collector = new OracleVmCollector(Fixtures.ENDPOINT, UNUSED_CLIENT,
                    Clock.fixed(NOW, ZoneOffset.UTC));
            collector.map(NOW, VMS, SERVERS, POOLS, Snapshot.builder(NOW));
            return map(collector, poll);
        }, CollectorException.class);
        if (thrown != null && !REJECTED.contains(((CollectorException) thrown).kind())) {
            throw new AssertionError("not a rejected poll: " + thrown + " for " + poll, thrown);
        }
    }

    @Provide
    Arbitrary<JsonMutant> polls() {
        return JsonMutations.of(List.of(Fixtures.json(MANAGER), VMS, SERVERS, POOLS));
    }

    /** What OracleVmCollector.poll makes of the answers, 15 s after the valid poll. */
    private static Snapshot map(OracleVmCollector collector, JsonMutant poll) throws CollectorException {
        Instant later = NOW.plusSeconds(15);
        OracleVmCollector.checkManagerRunning(poll.document(0));
        JsonNode vms = OracleVmClient.requireList("/Vm", poll.document(1));
        JsonNode servers = OracleVmClient.requireList("/Server", poll.document(2));
        Snapshot.Builder out = Snapshot.builder(later);
        JsonNode pools;
        try {
            pools = OracleVmClient.requireList(OracleVmCollector.POOLS, poll.document(3));
        } catch (CollectorException e) {
            pools = null; // a partial read of the pools, as poll() makes it
        }
        return collector.map(later, vms, servers, pools, out);
    }

    private static OracleVmClient client() {
        try {
            return new OracleVmClient(Fixtures.ENDPOINT, Fixtures.ENDPOINT.settings(OracleVmSettings.class));
        } catch (CollectorException e) {
            throw new IllegalStateException(e);
        }
    }
}
