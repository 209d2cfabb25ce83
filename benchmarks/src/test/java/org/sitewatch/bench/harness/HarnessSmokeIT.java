package org.sitewatch.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The harness in {@code --smoke} mode, in process: Kafka's tools and the in-process scenarios ran on the
 * real embedded broker and gave figures, and the Markdown table was written. The scenarios that start
 * the app in a child JVM run in {@code StreamsScenariosIT}, the collector's in {@code ProxmoxPollCostTest}:
 * all of them here would take the suite minutes. What the figures are is not asserted: this machine's
 * speed is nobody's contract.
 */
class HarnessSmokeIT {

    private static final List<String> IN_PROCESS = List.of("kafka-producer", "sitewatch-produce", "kafka-consumer",
            "streams-floor", "decode-floor", "replay-export", "state-at");

    @Test
    void shouldRunKafkasToolsAndTheInProcessScenariosAndWriteTheTable(@TempDir Path dir) throws Exception {
        Path markdown = dir.resolve("bench.md");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Harness harness = new Harness(new PrintStream(console, true, StandardCharsets.UTF_8), Scenarios.all());

        int exit = new CommandLine(harness).execute("--smoke", "--scenarios", String.join(",", IN_PROCESS),
                "--out", markdown.toString());

        String printed = console.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        List<ScenarioOutcome> outcomes = harness.outcomes();
        assertThat(outcomes).extracting(ScenarioOutcome::scenario)
                .containsExactlyElementsOf(IN_PROCESS);
        assertThat(Scenarios.all().stream().map(Scenario::name)).containsAll(IN_PROCESS);
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.failed()).as("%s failed: %s", outcome.scenario(), outcome.errorLine()).isFalse();
            assertThat(outcome.figures()).as(outcome.scenario())
                    .anySatisfy(f -> assertThat(Double.isFinite(f.value()) && f.value() > 0).as("%s", f).isTrue());
        });
        assertThat(exit).isZero();
        assertThat(printed).startsWith("machine: ").contains("ratio to Kafka").doesNotContain("FAILED");
        String table = Files.readString(markdown);
        assertThat(table).contains("| scenario | measure | value | ratio to Kafka | target | met |");
        // A scenario may name its rows more closely ("streams-floor (bytes, at-least-once)").
        outcomes.forEach(o -> assertThat(table).contains("| " + o.scenario()));
    }
}
