package org.sitewatch.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.testsupport.LocalHttp.Answer;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestKafka;

/**
 * Two streams instances with one application id on one real broker (raw topics of 6 partitions): each
 * owns part of the partitions, yet every query answered by either one is the full expected view; and
 * while the group rebalances, an answer is either whole or a 503 with Retry-After.
 */
class TwoInstancesIT {

    @TempDir
    Path dir;

    private TestKafka kafka;
    private final List<RunningApp> instances = new ArrayList<>();
    private final ItEstate estate = new ItEstate(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60));
    private final String applicationId = "sitewatch-it-" + UUID.randomUUID();

    @BeforeEach
    void start() {
        kafka = TestKafka.start(dir.resolve("kafka"));
        instances.add(ItApp.start(kafka.bootstrapServers(), applicationId, dir.resolve("state-a")));
        instances.add(ItApp.start(kafka.bootstrapServers(), applicationId, dir.resolve("state-b")));
        kafka.publish(estate.events);
    }

    @AfterEach
    void stop() {
        instances.forEach(RunningApp::close);
        kafka.close();
    }

    @Test
    void shouldAnswerEveryQueryWholeFromEitherInstance() {
        RunningApp a = instances.get(0);
        RunningApp b = instances.get(1);
        awaitWhole(a);
        awaitWhole(b);

        for (String path : estate.paths()) {
            Answer fromA = a.http().answer(path);
            Answer fromB = b.http().answer(path);
            assertThat(fromA.status()).as("A %s: %s", path, fromA.body()).isEqualTo(200);
            assertThat(fromB.status()).as("B %s: %s", path, fromB.body()).isEqualTo(200);
            estate.assertComplete(path, fromA.body());
            assertThat(ItEstate.normalized(fromB.body())).as(path).isEqualTo(ItEstate.normalized(fromA.body()));
        }

        // Each instance alone holds only part of the VMs: the whole answers above came from both.
        long localA = a.http().answer("/api/sites/it-paris/vms?local=true").body().path("total").asLong();
        long localB = b.http().answer("/api/sites/it-paris/vms?local=true").body().path("total").asLong();
        assertThat(localA + localB).isEqualTo(ItEstate.VMS_PER_SITE);
        assertThat(localA).isBetween(1L, ItEstate.VMS_PER_SITE - 1L);
    }

    @Test
    void shouldAnswerWholeOr503WhileTheGroupRebalances() {
        RunningApp a = instances.get(0);
        awaitWhole(a);
        awaitWhole(instances.get(1));

        // B leaves: A takes over its partitions after a rebalance.
        instances.remove(1).close();
        List<Answer> seen = pollUntilWhole(a);

        // B comes back (restoring its state from the changelogs): the partitions move again.
        instances.add(ItApp.start(kafka.bootstrapServers(), applicationId, dir.resolve("state-b2")));
        seen.addAll(pollUntilWhole(instances.get(1)));
        seen.addAll(pollUntilWhole(a));

        for (Answer answer : seen) {
            if (answer.status() == 200) {
                estate.assertComplete("/api/replication/items?limit=100", answer.body());
            } else {
                assertThat(answer.status()).as("%s", answer.body()).isEqualTo(503);
                assertThat(answer.retryAfter()).isNotBlank();
                assertThat(answer.body().path("detail").asText()).isNotBlank();
            }
        }
    }

    /** Polls one list query until a whole answer comes, keeping every answer seen on the way. */
    private List<Answer> pollUntilWhole(RunningApp instance) {
        List<Answer> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Answer answer = instance.http().answer("/api/replication/items?limit=100");
            if (answer.status() == -1) {
                return false;
            }
            seen.add(answer);
            return answer.status() == 200;
        });
        return seen;
    }

    /** Waits until the instance answers every view whole (the events are folded, the group settled). */
    private void awaitWhole(RunningApp instance) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String path : estate.paths()) {
                Answer answer = instance.http().answer(path);
                assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
                estate.assertComplete(path, answer.body());
            }
        });
    }
}
