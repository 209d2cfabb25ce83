package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.Json;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.security.TokenHash;
import org.sitewatch.testsupport.LocalHttp;
import org.sitewatch.testsupport.TestEvents;
import org.sitewatch.testsupport.TestKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault suite 3: two streams instances (child JVMs, one application id, each its own state directory and
 * so its own instance id) share the work; one is killed with SIGKILL. Every answer the survivor gives
 * meanwhile is a 503 (with Retry-After) or the whole view, never a partial one: while the dead instance
 * still holds its partitions (its session, 10 s here, has not expired) the survivor's fan-out to it fails,
 * then the group rebalances and the survivor holds every task. A third instance joining takes a share of
 * the tasks and of the data (its local part of a list is non-empty, the parts add up to the whole).
 * Security is on without anonymous viewing: every query carries the admin token, and a query an instance
 * answers with the others' parts forwards it to them.
 */
class StreamsFailoverFaultIT {

    private static final Logger log = LoggerFactory.getLogger(StreamsFailoverFaultIT.class);

    private static final List<String> SITES = List.of("fo-berlin", "fo-london", "fo-lyon", "fo-paris");
    private static final int VMS_PER_SITE = 12;
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the children's logs
    static Path dir;

    private static TestKafka kafka;
    private static String adminToken;
    private static final List<StreamsChild> instances = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start(dir.resolve("kafka"));
        adminToken = TokenHash.newToken();
        Files.writeString(dir.resolve("admin-token"), adminToken + "\n");
    }

    private static StreamsChild instance(String name, String applicationId, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--sitewatch.streams.session-timeout=" + SESSION_TIMEOUT.toSeconds() + "s",
                "--sitewatch.streams.close-timeout=10s",
                "--sitewatch.alerting.enabled=false",
                "--sitewatch.security.admin-token-file=" + dir.resolve("admin-token")));
        args.addAll(List.of(more));
        StreamsChild child = new StreamsChild(dir, name, kafka.bootstrapServers(), applicationId, args, Map.of());
        instances.add(child);
        return child;
    }

    @AfterAll
    static void stop() throws Exception {
        for (StreamsChild child : instances) {
            child.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldAnswerWholeOr503WhileTheSurvivorTakesOverAndShareWithAThirdInstance() throws Exception {
        String applicationId = "sitewatch-failover-" + UUID.randomUUID();
        StreamsChild a = instance("a", applicationId).start();
        StreamsChild b = instance("b", applicationId).start();
        List<SitewatchEvent> events = new ArrayList<>();
        Instant now = Instant.now();
        for (String site : SITES) {
            for (int i = 0; i < VMS_PER_SITE; i++) {
                events.add(TestEvents.event(TestEvents.vm(site, Integer.toString(100 + i), PowerState.RUNNING), now));
            }
        }
        kafka.publish(events);
        awaitWhole(a);
        awaitWhole(b);
        int tasks = activeTasks(a) + activeTasks(b);
        assertThat(activeTasks(a)).as("a holds a share").isBetween(1, tasks - 1);

        // a dies: b answers 503 while a's partitions wait for a's session to expire and the group rebalances, then whole.
        a.kill();
        Instant killedAt = Instant.now();
        List<Answer> seen = pollUntil(b, () -> activeTasks(b) == tasks);
        Duration takeover = Duration.between(killedAt, Instant.now());
        assertOnlyWholeOr503(seen);
        log.info("MEASURED: survivor whole again {} ms after the kill (session timeout {} s); answers: {}",
                takeover.toMillis(), SESSION_TIMEOUT.toSeconds(), summary(seen));
        assertThat(seen).as("the survivor answered 503 while a's partitions were unreachable")
                .anyMatch(x -> x.status() == 503);

        // c joins: it takes a share, b keeps the rest, and both answer the whole view.
        // c is given its id (a and b keep the one stored in their state directories).
        StreamsChild c = instance("c", applicationId, "--instance-id", "failover-c").start();
        List<Answer> joining = pollUntil(b, () -> view(c, "/api/sites").status() == 200 && activeTasks(c) > 0
                && activeTasks(b) + activeTasks(c) == tasks && whole(view(c, "/api/sites")));
        assertOnlyWholeOr503(joining);
        log.info("MEASURED: third instance holds {} of {} tasks; b's answers meanwhile: {}", activeTasks(c), tasks, summary(joining));
        awaitWhole(c);
        assertThat(activeTasks(b)).isBetween(1, tasks - 1);
        assertThat(streamsHealth(c).path("details").path("instanceId").asText()).isEqualTo("failover-c");
        assertThat(streamsHealth(b).path("details").path("instanceId").asText()).startsWith("sitewatch-");
        int localB = 0;
        int localC = 0;
        for (String site : SITES) {
            localB += localVms(b, site);
            localC += localVms(c, site);
        }
        assertThat(localB + localC).as("the local parts add up to the whole").isEqualTo(SITES.size() * VMS_PER_SITE);
        assertThat(localC).as("the third instance holds part of the VMs").isBetween(1, SITES.size() * VMS_PER_SITE - 1);
    }

    /** An answer of {@code /api/sites} as seen: status, for a 200 whether it was whole, and for one that was not, what it said. */
    private record Answer(int status, boolean whole, String retryAfter, String partial) {
    }

    /** Polls {@code /api/sites} of {@code instance} every 200 ms, keeping every answer, until {@code done} and a whole answer. */
    private static List<Answer> pollUntil(StreamsChild instance, java.util.concurrent.Callable<Boolean> done) {
        List<Answer> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .failFast(() -> instances.stream().skip(1).forEach(StreamsChild::assertAlive))
                .until(() -> {
                    LocalHttp.Answer answer = view(instance, "/api/sites");
                    boolean whole = whole(answer);
                    seen.add(new Answer(answer.status(), whole, answer.retryAfter(),
                            answer.status() == 200 && !whole ? sitesAndCounts(answer.body()) : null));
                    return answer.status() == 200 && whole(answer) && done.call();
                });
        return seen;
    }

    private static void assertOnlyWholeOr503(List<Answer> seen) {
        assertThat(seen).isNotEmpty().allSatisfy(x -> {
            assertThat(x.status()).isIn(200, 503);
            if (x.status() == 200) {
                assertThat(x.whole()).as("a 200 is the whole view").isTrue();
            } else {
                assertThat(x.retryAfter()).as("a 503 says when to ask again").isNotBlank();
            }
        });
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new Answer(200, true, null, null));
    }

    private static String summary(List<Answer> seen) {
        StringBuilder out = new StringBuilder();
        int run = 0;
        for (int i = 0; i < seen.size(); i++) {
            run++;
            if (i == seen.size() - 1 || seen.get(i + 1).status() != seen.get(i).status()) {
                out.append(seen.get(i).status()).append(" x").append(run).append(' ');
                run = 0;
            }
        }
        return out.toString().trim();
    }

    /** Each site with its VM count, as a partial answer is reported. */
    private static String sitesAndCounts(JsonNode body) {
        StringBuilder out = new StringBuilder();
        body.path("sites").forEach(site -> out.append(site.path("site").asText()).append('=')
                .append(site.path("counts").path("vms").path("total").asText()).append(' '));
        return out.toString().trim();
    }

    private static boolean whole(LocalHttp.Answer answer) {
        if (answer.status() != 200) {
            return false;
        }
        JsonNode sites = answer.body().path("sites");
        if (sites.size() != SITES.size()) {
            return false;
        }
        for (JsonNode site : sites) {
            if (site.path("counts").path("vms").path("total").asInt(-1) != VMS_PER_SITE) {
                return false;
            }
        }
        return true;
    }

    private static void awaitWhole(StreamsChild instance) {
        // A child JVM's start may take long on a busy machine (several start at once): a bound, not a measurement.
        await(instance + " whole").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .failFast(instance::assertAlive)
                .until(() -> whole(view(instance, "/api/sites"))
                        && SITES.stream().allMatch(s -> vms(instance, s) == VMS_PER_SITE));
    }

    private static int vms(StreamsChild instance, String site) {
        LocalHttp.Answer answer = view(instance, "/api/sites/" + site + "/vms?limit=1");
        return answer.status() == 200 ? answer.body().path("total").asInt() : -1;
    }

    private static int localVms(StreamsChild instance, String site) {
        LocalHttp.Answer answer = view(instance, "/api/sites/" + site + "/vms?limit=1&local=true");
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body().path("total").asInt();
    }

    /** The active tasks {@code /actuator/health} says the instance holds, -1 when it cannot say. */
    private static int activeTasks(StreamsChild instance) {
        return streamsHealth(instance).path("details").path("activeTasks").asInt(-1);
    }

    /** {@code /actuator/health/streams} with the admin token (details need one); an empty node when unreachable. */
    private static JsonNode streamsHealth(StreamsChild instance) {
        LocalHttp.Answer answer = view(instance, "/actuator/health/streams");
        return answer.body() == null ? Json.MAPPER.createObjectNode() : answer.body();
    }

    /**
     * GET with the admin token (anonymous viewing is off here, as the product ships: a query one instance forwards
     * to another carries the caller's credentials); status -1 when the instance cannot be reached.
     */
    private static LocalHttp.Answer view(StreamsChild instance, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            instance.http().base().resolve(path))
                    .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new LocalHttp.Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            return new LocalHttp.Answer(-1, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LocalHttp.Answer(-1, null, null);
        }
    }
}
