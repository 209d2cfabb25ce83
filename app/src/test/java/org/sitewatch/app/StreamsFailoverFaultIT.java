package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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

    private static StreamsChild instance(String name, String applicationId) {
        StreamsChild child = new StreamsChild(dir, name, kafka.bootstrapServers(), applicationId, List.of(
                "--sitewatch.streams.session-timeout=" + SESSION_TIMEOUT.toSeconds() + "s",
                "--sitewatch.streams.close-timeout=10s",
                "--sitewatch.alerting.enabled=false",
                "--sitewatch.security.admin-token-file=" + dir.resolve("admin-token")), Map.of());
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
        StreamsChild c = instance("c", applicationId).start();
        List<Answer> joining = pollUntil(b, () -> c.http().json("/api/sites").isPresent() && activeTasks(c) > 0
                && activeTasks(b) + activeTasks(c) == tasks && whole(c.http().answer("/api/sites")));
        assertOnlyWholeOr503(joining);
        log.info("MEASURED: third instance holds {} of {} tasks; b's answers meanwhile: {}", activeTasks(c), tasks, summary(joining));
        awaitWhole(c);
        assertThat(activeTasks(b)).isBetween(1, tasks - 1);
        int localB = 0;
        int localC = 0;
        for (String site : SITES) {
            localB += localVms(b, site);
            localC += localVms(c, site);
        }
        assertThat(localB + localC).as("the local parts add up to the whole").isEqualTo(SITES.size() * VMS_PER_SITE);
        assertThat(localC).as("the third instance holds part of the VMs").isBetween(1, SITES.size() * VMS_PER_SITE - 1);
    }

    /** An answer of {@code /api/sites} as seen: status, and for a 200 whether it was whole. */
    private record Answer(int status, boolean whole, String retryAfter) {
    }

    /** Polls {@code /api/sites} of {@code instance} every 200 ms, keeping every answer, until {@code done} and a whole answer. */
    private static List<Answer> pollUntil(StreamsChild instance, java.util.concurrent.Callable<Boolean> done) {
        List<Answer> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .failFast(() -> instances.stream().skip(1).forEach(StreamsChild::assertAlive))
                .until(() -> {
                    LocalHttp.Answer answer = instance.http().answer("/api/sites");
                    seen.add(new Answer(answer.status(), answer.status() == 200 && whole(answer), answer.retryAfter()));
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
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new Answer(200, true, null));
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
                .until(() -> whole(instance.http().answer("/api/sites"))
                        && SITES.stream().allMatch(s -> vms(instance, s) == VMS_PER_SITE));
    }

    private static int vms(StreamsChild instance, String site) {
        return instance.http().json("/api/sites/" + site + "/vms?limit=1").map(n -> n.path("total").asInt()).orElse(-1);
    }

    private static int localVms(StreamsChild instance, String site) {
        return instance.http().json("/api/sites/" + site + "/vms?limit=1&local=true").map(n -> n.path("total").asInt()).orElseThrow();
    }

    /** The active tasks {@code /actuator/health} says the instance holds (details need a token), -1 when it cannot say. */
    private static int activeTasks(StreamsChild instance) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            instance.http().base().resolve("/actuator/health/streams"))
                    .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(response.body()).path("details").path("activeTasks").asInt(-1);
        } catch (Exception e) {
            return -1;
        }
    }
}
