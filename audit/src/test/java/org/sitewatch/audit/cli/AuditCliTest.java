package org.sitewatch.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitewatch.audit.support.Cli;

/** The audit commands as a user meets them without a broker: help, clear errors, exit codes. */
class AuditCliTest {

    @Test
    void shouldDocumentTheOptionsTimesAndTheKafkaDefault() {
        Cli.Run run = Cli.run("replay", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--from", "--to", "--site", "--peer-site", "--platform", "--vm", "--entity", "--type",
                "--format", "--output", "--max-lateness", "--progress", "SITEWATCH_KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:9092", "-7d");
        for (String command : new String[] {"state", "verify", "retention"}) {
            assertThat(Cli.run(command, "--help").out()).contains("Usage: sitewatch " + command);
        }
    }

    @Test
    void shouldRefuseABadRangeWithExitCode2BeforeContactingKafka() {
        Cli.Run run = Cli.run("replay", "--from", "2026-11-28", "--to", "2026-11-27", "--kafka-bootstrap-servers", "127.0.0.1:1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sitewatch replay: bad range: --from 2026-11-28T00:00:00Z is not before --to 2026-11-27T00:00:00Z"
                + System.lineSeparator());

        Cli.Run unparsable = Cli.run("replay", "--from", "last tuesday");
        assertThat(unparsable.exitCode()).isEqualTo(2);
        assertThat(unparsable.err()).contains("--from 'last tuesday' is not an instant: use an ISO-8601 instant");

        Cli.Run badType = Cli.run("replay", "--from", "-1d", "--type", "vm.power");
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("unknown event type 'vm.power'");
    }

    @Test
    void shouldSayWhichBrokerDidNotAnswerWithExitCode3() {
        Cli.Run run = Cli.run("replay", "--from", "-1h", "--kafka-bootstrap-servers", "127.0.0.1:1", "--timeout", "2s");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("sitewatch replay: no Kafka broker answered at 127.0.0.1:1 within 2 s")
                .contains("--kafka-bootstrap-servers (or SITEWATCH_KAFKA_BOOTSTRAP_SERVERS)")
                .doesNotContain("Exception").doesNotContain("WARN");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldNameAMissingManifest() {
        Cli.Run run = Cli.run("verify", "no-such-export.jsonl");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no manifest at no-such-export.jsonl.manifest.json");
    }
}
