package org.sitewatch.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.at;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.audit.support.Cli;
import org.sitewatch.events.Json;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.testsupport.TestEvents;
import org.sitewatch.testsupport.TestKafka;

/**
 * A range older than retention: records are deleted as retention would (the partition's log start
 * offset moves up), then a replay from before the oldest remaining event is refused with that
 * instant, unless --allow-truncated. Also the retention command that shows and changes the window.
 */
class RetentionIT {

    private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");

    @TempDir
    static Path dataDir;

    @TempDir
    Path out;

    private static TestKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start(dataDir);
        List<SitewatchEvent> hourly = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            hourly.add(at(T.plusSeconds(3600L * h), TestEvents.vm(PARIS, "100", h % 2 == 0 ? PowerState.RUNNING : PowerState.STOPPED)));
        }
        kafka.publish(hourly);
        int partition = Utils.toPositive(Utils.murmur2("paris-dc1/100".getBytes())) % Topics.RAW_PARTITIONS;
        kafka.deleteBefore(new TopicPartition(Topics.VM.name(), partition), 5);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void shouldRefuseARangeThatStartsBeforeTheOldestRetainedEventAndSayWhichInstantThatIs() {
        Cli.Run run = Cli.run("replay", "--from", T.toString(), "--to", T.plusSeconds(36_000).toString(),
                "--kafka-bootstrap-servers", kafka.bootstrapServers());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sitewatch replay: --from 2026-02-01T00:00:00Z is before the oldest retained event "
                + "(2026-02-01T05:00:00Z)").contains("--allow-truncated");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldReplayWhatIsLeftWhenAllowedAndSayItInTheManifest() throws Exception {
        Path file = out.resolve("truncated.jsonl");
        Cli.Run run = Cli.run("replay", "--from", T.toString(), "--to", T.plusSeconds(36_000).toString(), "--allow-truncated",
                "-o", file.toString(), "--kafka-bootstrap-servers", kafka.bootstrapServers());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(5);
        assertThat(run.err()).contains("WARNING: the range starts before the oldest retained event (2026-02-01T05:00:00Z)");
        JsonNode manifest = Json.MAPPER.readTree(file.resolveSibling("truncated.jsonl.manifest.json").toFile());
        assertThat(manifest.path("truncatedByRetention").asBoolean()).isTrue();
        assertThat(manifest.path("oldestAvailable").asText()).isEqualTo("2026-02-01T05:00:00Z");
    }

    @Test
    void shouldReplayARangeInsideRetention() {
        Cli.Run run = Cli.run("replay", "--from", T.plusSeconds(5 * 3600).toString(), "--to", T.plusSeconds(36_000).toString(),
                "--kafka-bootstrap-servers", kafka.bootstrapServers());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(5);
    }

    @Test
    void shouldRefuseAStateBeforeRetention() {
        Cli.Run run = Cli.run("state", "--at", T.plusSeconds(3600).toString(), "--kafka-bootstrap-servers", kafka.bootstrapServers());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--at 2026-02-01T01:00:00Z is before the oldest retained event (2026-02-01T05:00:00Z)");
    }

    @Test
    void shouldShowAndChangeTheRetentionOfTheRawTopics() {
        Cli.Run shown = Cli.run("retention", "--kafka-bootstrap-servers", kafka.bootstrapServers());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).containsPattern("sitewatch\\.vm\\s+400d\\s+5\\s+2026-02-01T05:00:00Z");

        Cli.Run changed = Cli.run("retention", "--set", "unlimited", "--kafka-bootstrap-servers", kafka.bootstrapServers());
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).containsPattern("sitewatch\\.collector\\s+unlimited\\s+0\\s+-\\s+\\(was 400d\\)");

        Cli.Run back = Cli.run("retention", "--set", "400d", "--kafka-bootstrap-servers", kafka.bootstrapServers());
        assertThat(back.out()).contains("(was unlimited)");
        assertThat(Cli.run("retention", "--set", "forever", "--kafka-bootstrap-servers", kafka.bootstrapServers()).err())
                .contains("--set: raw retention 'forever' is not 'unlimited' nor a duration");
    }
}
