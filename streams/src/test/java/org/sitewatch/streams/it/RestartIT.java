package org.sitewatch.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.testsupport.LocalHttp.Answer;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestKafka;

/**
 * The streams app restarted on one real broker gets the same views back: from its local state
 * directory, and once more after the directory was wiped, from the changelog topics alone.
 */
class RestartIT {

    @TempDir
    Path dir;

    @Test
    void shouldServeTheSameViewsAfterARestartAndAfterRestoringFromTheChangelogs() throws IOException {
        ItEstate estate = new ItEstate(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60));
        String applicationId = "sitewatch-it-" + UUID.randomUUID();
        Path state = dir.resolve("state");
        try (TestKafka kafka = TestKafka.start(dir.resolve("kafka"))) {
            Map<String, JsonNode> before;
            try (RunningApp first = ItApp.start(kafka.bootstrapServers(), applicationId, state)) {
                kafka.publish(estate.events);
                before = views(first, estate);
            }

            try (RunningApp second = ItApp.start(kafka.bootstrapServers(), applicationId, state)) {
                assertThat(views(second, estate)).isEqualTo(before);
            }

            wipe(state);
            try (RunningApp third = ItApp.start(kafka.bootstrapServers(), applicationId, state)) {
                assertThat(views(third, estate)).isEqualTo(before);
            }
        }
    }

    /** Every view, whole, once the instance answers them all (normalized: no request-time fields). */
    private static Map<String, JsonNode> views(RunningApp instance, ItEstate estate) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        // The first time, the events are still being folded; after a restart, the state is being restored.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String path : estate.paths()) {
                Answer answer = instance.http().answer(path);
                assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
                estate.assertComplete(path, answer.body());
                views.put(path, ItEstate.normalized(answer.body()));
            }
        });
        return views;
    }

    private static void wipe(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(dir).doesNotExist();
    }
}
