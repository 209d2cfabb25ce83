package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line as a user meets it: help, and clear errors that say what to do next. */
class SitewatchCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void shouldListEverySubcommandInTheTopLevelHelp() {
        assertThat(SitewatchCli.execute("--help")).isZero();
        assertThat(out.toString()).contains("run", "collectors", "streams", "simulator");
    }

    @Test
    void shouldShowOptionsWithTheirEnvironmentVariablesInSubcommandHelp() {
        assertThat(SitewatchCli.execute("run", "--help")).isZero();
        assertThat(out.toString()).contains("--data-dir", "SITEWATCH_DATA_DIR", "--port", "SERVER_PORT",
                "--kafka-bootstrap-servers", "SITEWATCH_KAFKA_BOOTSTRAP_SERVERS", "default 8080");
        for (String sub : new String[] {"collectors", "streams", "simulator"}) {
            out.reset();
            assertThat(SitewatchCli.execute(sub, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: sitewatch " + sub);
        }
    }

    @Test
    void shouldOfferTheStreamsInstanceIdWithItsEnvironmentVariable() {
        assertThat(SitewatchCli.execute("streams", "--help")).isZero();
        assertThat(out.toString()).contains("--instance-id", "SITEWATCH_STREAMS_INSTANCE_ID", "--state-dir");
    }

    @Test
    void shouldRefuseToRunCollectorsWithoutAKafkaAndSayWhatToDo() {
        // The test JVM has no SITEWATCH_KAFKA_BOOTSTRAP_SERVERS (surefire does not set it).
        assertThat(SitewatchCli.execute("collectors")).isEqualTo(1);
        assertThat(err.toString()).contains("--kafka-bootstrap-servers").contains("SITEWATCH_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldExplainABadPollInterval() {
        assertThat(SitewatchCli.execute("run", "--poll-interval", "5x", "--data-dir", "target/never-used")).isEqualTo(1);
        assertThat(err.toString()).contains("--poll-interval '5x' is not a duration");
    }

    @Test
    void shouldNameAMissingScenarioFile() {
        assertThat(SitewatchCli.execute("simulator", "--scenario", "no-such-scenario.yaml", "--port", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("no-such-scenario.yaml");
    }
}
