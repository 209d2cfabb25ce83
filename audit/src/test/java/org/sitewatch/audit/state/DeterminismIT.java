package org.sitewatch.audit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.testsupport.TestEvents.FRANKFURT;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.at;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.audit.support.Cli;
import org.sitewatch.audit.support.LiveStreamsApp;
import org.sitewatch.audit.support.StreamsBarrier;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Json;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.testsupport.LocalHttp;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestEvents;
import org.sitewatch.testsupport.TestKafka;

/**
 * Determinism: a scripted scenario runs through the live streams app on a real broker (a replication
 * failure and recovery, a host failure with HA recovery, a collector going silent, a late event and a
 * re-sent one). After each step, once the app has processed everything, the live {@code GET
 * /api/sites} and {@code /api/sites/paris-dc1} are recorded with their {@code asOf}. Then
 * {@code sitewatch state --at <asOf>} must give the same JSON at each of the three earlier instants and
 * at the end (and the same {@code GET /api/site-pairs}), and so must {@code GET /api/audit/state}:
 * every field equal except each site's {@code since}, see {@link #assertSameViews}.
 */
class DeterminismIT {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path stateDir;

    private static TestKafka kafka;
    private static RunningApp app;
    private static StreamsBarrier barrier;
    private static LocalHttp http;

    /** What the live app answered at one instant. */
    record Snapshot(String step, Instant asOf, JsonNode sites, Instant parisAsOf, JsonNode paris, Instant pairsAsOf,
                    JsonNode pairs) {
    }

    @BeforeAll
    static void start() {
        kafka = TestKafka.start(dataDir);
        app = LiveStreamsApp.start(kafka.bootstrapServers(), stateDir);
        http = app.http();
        barrier = new StreamsBarrier(kafka.admin(), kafka.bootstrapServers(), LiveStreamsApp.APPLICATION_ID);
        await("streams app running").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.ok("/api/sites") != null);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (barrier != null) {
            barrier.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Publishes a step, waits until the app has processed all of it, and records the views. */
    private static Snapshot step(String name, List<SitewatchEvent> events) throws Exception {
        kafka.publish(events);
        await(name + " processed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> barrier.behind().isEmpty());
        JsonNode sites = Json.MAPPER.readTree(http.ok("/api/sites"));
        JsonNode paris = Json.MAPPER.readTree(http.ok("/api/sites/" + PARIS));
        JsonNode pairs = Json.MAPPER.readTree(http.ok("/api/site-pairs"));
        return new Snapshot(name, Instant.parse(sites.path("asOf").asText()), sites,
                Instant.parse(paris.path("asOf").asText()), paris, Instant.parse(pairs.path("asOf").asText()), pairs);
    }

    private static JsonNode stateAt(Instant at, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("state", "--at", at.toString(), "--progress", "never",
                "--kafka-bootstrap-servers", kafka.bootstrapServers()));
        args.addAll(List.of(extra));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.MAPPER.readTree(run.out());
    }

    @Test
    void shouldRebuildTheLiveViewsAtThreeEarlierInstantsAndAtTheEnd() throws Exception {
        List<Snapshot> snapshots = new ArrayList<>();
        Instant t1 = now();
        snapshots.add(step("baseline", List.of(
                at(t1, TestEvents.heartbeat(PARIS, 3600)), at(t1, TestEvents.heartbeat(LONDON, 3600)),
                at(t1, TestEvents.heartbeat(FRANKFURT, 1)),
                at(t1, TestEvents.cluster(PARIS, 1, true)), at(t1, TestEvents.cluster(FRANKFURT, 1, true)),
                at(t1, TestEvents.host(PARIS, "pve1", HaHostState.HEALTHY)), at(t1, TestEvents.host(PARIS, "pve2", HaHostState.HEALTHY)),
                at(t1, TestEvents.vm(PARIS, "100", PowerState.RUNNING)), at(t1, TestEvents.vm(PARIS, "101", PowerState.RUNNING)),
                at(t1, TestEvents.vm(FRANKFURT, "200", PowerState.RUNNING)),
                at(t1, TestEvents.replicating(PARIS, "100-0", LONDON, 3600, t1.minusSeconds(60))),
                at(t1, TestEvents.replicating(PARIS, "101-0", PARIS, 3600, t1.minusSeconds(30))),
                // never synced: outside its RPO from the start, at any instant
                at(t1, TestEvents.replication(LONDON, "300-0", LONDON, org.sitewatch.events.ReplicationState.SYNCING,
                        org.sitewatch.events.ReplicationHealth.WARNING, 900L, null)))));

        Instant t2 = now();
        SitewatchEvent failure = at(t2, TestEvents.failed(PARIS, "100-0", LONDON, 3600, t1.minusSeconds(60)));
        snapshots.add(step("replication failed, frankfurt silent, a late event", List.of(failure,
                at(t2, TestEvents.heartbeat(PARIS, 3600)),
                // late: older than the state of vm 101, so ignored live and in the rebuild
                at(t1.minusSeconds(5), TestEvents.vm(PARIS, "101", PowerState.CRASHED)))));
        await("frankfurt's collector stale (3 x 1 s)").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.ok("/api/sites/" + FRANKFURT).contains("\"UNKNOWN\""));

        Instant t3 = now();
        SitewatchEvent fence = at(t3, TestEvents.action(PARIS, "ha-1", "100", HaActionKind.FENCE, "pve2", null));
        snapshots.add(step("host failed, HA recovery", List.of(
                at(t3, TestEvents.host(PARIS, "pve2", HaHostState.FAILED)), at(t3, TestEvents.cluster(PARIS, 0, true)),
                fence, fence,  // re-sent: counted once
                at(t3.plusMillis(1), TestEvents.action(PARIS, "ha-2", "100", HaActionKind.RECOVERY, "pve2", "pve1")),
                at(t3.plusMillis(2), TestEvents.vm(PARIS, "100", PowerState.RUNNING)))));

        Instant t4 = now();
        snapshots.add(step("recovered", List.of(
                at(t4, TestEvents.replicating(PARIS, "100-0", LONDON, 3600, t4.minusSeconds(10))),
                at(t4, TestEvents.host(PARIS, "pve2", HaHostState.HEALTHY)), at(t4, TestEvents.cluster(PARIS, 1, true)),
                at(t4, TestEvents.failingHeartbeat(LONDON, 3600)))));

        assertThat(snapshots.get(1).paris().path("status").asText()).isEqualTo("CRITICAL");
        assertThat(snapshots.get(2).paris().path("recentHaActions")).hasSize(2);
        assertThat(snapshots.get(3).sites().toString()).contains("\"UNKNOWN\"");
        for (Snapshot s : snapshots) {
            assertSameViews(stateAt(s.asOf()).path("sites"), s.sites(), "GET /api/sites at " + s.asOf() + " (" + s.step() + ")");
            assertSameViews(stateAt(s.parisAsOf(), "--site", PARIS).path("site"), s.paris(),
                    "GET /api/sites/paris-dc1 at " + s.parisAsOf() + " (" + s.step() + ")");
            assertThat(stateAt(s.pairsAsOf()).path("pairs")).as("GET /api/site-pairs at %s (%s)", s.pairsAsOf(), s.step())
                    .isEqualTo(s.pairs());
        }
        Snapshot last = snapshots.get(3);
        HttpResponse<String> rest = http.get("/api/audit/state?at=" + last.asOf());
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
        assertSameViews(Json.MAPPER.readTree(rest.body()).path("sites"), last.sites(), "GET /api/audit/state at " + last.asOf());
    }

    /**
     * Every field equal, except each site's {@code since} (when it reached its verdict): live stamps
     * it with the wall clock of the processing, the rebuild with the event time (or the exact instant
     * a collector turned stale). So live is later by the processing delay (or up to one punctuation
     * interval for staleness), never earlier, and never after the view's own instant.
     */
    private static void assertSameViews(JsonNode rebuilt, JsonNode live, String what) {
        Map<String, Instant> rebuiltSince = new TreeMap<>();
        Map<String, Instant> liveSince = new TreeMap<>();
        assertThat(withoutSince(rebuilt, rebuiltSince)).as(what).isEqualTo(withoutSince(live, liveSince));
        assertThat(liveSince.keySet()).isEqualTo(rebuiltSince.keySet());
        Instant asOf = Instant.parse(live.path("asOf").asText());
        liveSince.forEach((site, l) -> assertThat(l).as("%s: since of %s", what, site)
                .isBetween(rebuiltSince.get(site), asOf));
    }

    private static JsonNode withoutSince(JsonNode view, Map<String, Instant> since) {
        JsonNode copy = view.deepCopy();
        List<JsonNode> sites = new ArrayList<>();
        if (copy.has("sites")) {
            copy.path("sites").forEach(sites::add);
        } else {
            sites.add(copy);
        }
        for (JsonNode site : sites) {
            since.put(site.path("site").asText(), Instant.parse(site.path("since").asText()));
            ((com.fasterxml.jackson.databind.node.ObjectNode) site).remove("since");
        }
        return copy;
    }

    @Test
    void shouldStreamTheSameJsonLinesOverRestAsTheCommandLine() throws Exception {
        Instant t = now();
        kafka.publish(at(t, TestEvents.vm(LONDON, "900", PowerState.RUNNING)), at(t.plusMillis(5),
                TestEvents.vm(LONDON, "900", PowerState.STOPPED)));
        String from = t.toString();
        String to = t.plusSeconds(1).toString();

        HttpResponse<String> rest = http.get("/api/audit/events?from=" + from + "&to=" + to + "&site=" + LONDON + "&type=vm.state");
        Cli.Run cli = Cli.run("replay", "--from", from, "--to", to, "--site", LONDON, "--type", "vm.state",
                "--kafka-bootstrap-servers", kafka.bootstrapServers());

        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(rest.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/x-ndjson"));
        assertThat(rest.headers().firstValue("X-Sitewatch-Records")).hasValue("2");
        assertThat(rest.body()).isEqualTo(cli.out()).hasLineCount(2);
    }

    @Test
    void shouldAnswerRestErrorsAsProblemJson() {
        HttpResponse<String> badRange = http.get("/api/audit/events?from=2026-11-28&to=2026-11-27");
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(badRange.body()).contains("bad range");
        HttpResponse<String> unknown = http.get("/api/audit/events?from=-1h&site=nowhere-dc9");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown site 'nowhere-dc9'");
        assertThat(http.get("/api/audit/state").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/audit/state?at=" + now() + "&site=nowhere-dc9").statusCode()).isEqualTo(404);
    }
}
