package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.app.RecordingMetricsReporter.Client;
import org.sitewatch.simulator.Scenario;

/**
 * One Kafka client setting, given once as {@code sitewatch.kafka.properties.metric.reporters} (a JVM
 * system property, read like an environment variable), reaches every kind of Kafka client of every
 * command: the launcher's topic provisioner, the collectors' producer, the streams app, the alert
 * dispatcher and maintenance log, the audit REST API, and the replay, state, verify and retention
 * commands. The setting names {@link RecordingMetricsReporter}, which each real client instantiates
 * from its own configuration, so a recorded client is one the setting reached.
 */
class KafkaClientSettingsReachIT {

    private static final String PROPERTY = "sitewatch.kafka.properties.metric.reporters";

    @TempDir
    static Path dir;

    private static EmbeddedStack stack;

    @BeforeAll
    static void start() throws Exception {
        RecordingMetricsReporter.clear();
        System.setProperty(PROPERTY, "org.apache.kafka.common.metrics.JmxReporter," + RecordingMetricsReporter.class.getName());
        stack = new EmbeddedStack(new EmbeddedStack.Settings(dir.resolve("data"), null, 0, 0, 0,
                Scenario.loadResource("/scenarios/default.yaml"), Duration.ofSeconds(1), Map.of())).start();
    }

    @AfterAll
    static void stop() {
        System.clearProperty(PROPERTY);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldReachEveryClientOfTheEmbeddedDefault() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(RecordingMetricsReporter.clients())
                .anyMatch(c -> c.kind().equals("kafka.admin.client") && c.createdBy().endsWith(".KafkaTopics"))
                .anyMatch(c -> c.kind().equals("kafka.producer") && c.createdBy().endsWith(".KafkaEventSink"))
                .anyMatch(c -> c.kind().equals("kafka.streams") && c.createdBy().endsWith(".StreamsLifecycle"))
                .anyMatch(c -> c.kind().equals("kafka.consumer") && c.createdBy().endsWith(".StreamsLifecycle"))
                .anyMatch(c -> c.kind().equals("kafka.producer") && c.createdBy().endsWith(".StreamsLifecycle"))
                .anyMatch(c -> c.kind().equals("kafka.consumer") && c.createdBy().endsWith(".DispatcherSettings"))
                .anyMatch(c -> c.kind().equals("kafka.producer") && c.createdBy().endsWith(".KafkaMaintenanceLog"))
                .anyMatch(c -> c.kind().equals("kafka.consumer") && c.createdBy().endsWith(".KafkaMaintenanceLog")));
    }

    @Test
    void shouldReachTheAuditRestApisClients() throws Exception {
        RecordingMetricsReporter.clear();
        // the audit API needs the auditor role: the stack's generated admin token has it
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + stack.httpPort() + "/api/audit/events?from=-1h"))
                .header("Authorization", "Bearer " + stack.adminToken().token()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(created()).anyMatch(c -> c.kind().equals("kafka.consumer") && c.createdBy().endsWith(".KafkaSource"));
    }

    @Test
    void shouldReachTheClientsOfEveryAuditCommand() throws Exception {
        String kafka = stack.bootstrapServers();
        Path export = dir.resolve("export.jsonl");
        for (List<String> command : List.of(
                List.of("replay", "--from", "-1h", "-o", export.toString(), "--progress", "never"),
                List.of("verify", export.toString()),
                List.of("state", "--at", Instant.now().toString()),
                List.of("retention"))) {
            RecordingMetricsReporter.clear();
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--kafka-bootstrap-servers", kafka));

            CapturedCommand run = CapturedCommand.run(args.toArray(String[]::new));

            assertThat(run.exit()).as(command + ": " + run.err()).isZero();
            assertThat(created()).as(command.get(0))
                    .anyMatch(c -> c.kind().equals("kafka.admin.client") && c.createdBy().endsWith(".KafkaSource"))
                    .anyMatch(c -> c.kind().equals("kafka.consumer") && c.createdBy().endsWith(".KafkaSource"));
        }
    }

    private static List<Client> created() {
        return RecordingMetricsReporter.clients();
    }
}
