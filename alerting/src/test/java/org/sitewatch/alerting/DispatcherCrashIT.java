package org.sitewatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.alerting.support.AlertingTestApp;
import org.sitewatch.alerting.support.WebhookReceiver;
import org.sitewatch.events.Alert;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestKafka;

/**
 * A dispatcher killed with SIGKILL (no shutdown) loses nothing: the one that replaces it reads the
 * delivery state back from {@code sitewatch.alert-dispatch}, reads on from the committed offsets, and
 * delivers what was not acknowledged, including a request the receiver had processed but never
 * answered (a documented duplicate), and re-sends nothing that was acknowledged before.
 */
class DispatcherCrashIT {

    private static final String SECRET = "it-crash-secret-0123456789";
    private static final String GROUP = "crash-it";

    @TempDir
    static Path tmp;

    static TestKafka kafka;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start(tmp.resolve("kafka"));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldLoseNoAlertWhenTheDispatcherIsKilled() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Alert acknowledged = firing("CollectorDown", "paris", "warning", now);
        Alert unanswered = firing("ReplicationFailed", "paris", "critical", now, Map.of("item", "100-0"));
        Alert notYetSent1 = firing("HaHostFailed", "paris", "critical", now, Map.of("host", "pve1"));
        Alert notYetSent2 = firing("SiteUnknown", "lyon", "critical", now);

        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            Process child = startChildDispatcher(receiver);
            try {
                kafka.sendAlerts(acknowledged);
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.seen("CollectorDown", "firing"));

                receiver.hold();
                kafka.sendAlerts(unanswered);
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.seen("ReplicationFailed", "firing"));
                kafka.sendAlerts(notYetSent1, notYetSent2);
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            receiver.accept();
            assertThat(receiver.seen("HaHostFailed", "firing")).isFalse();

            try (RunningApp app = RunningApp.start(AlertingTestApp.class, properties(receiver))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.seen("HaHostFailed", "firing")
                        && receiver.seen("SiteUnknown", "firing") && receiver.count("ReplicationFailed", "firing") == 2);

                assertThat(receiver.count("CollectorDown", "firing")).as("acknowledged and committed: not sent again")
                        .isEqualTo(1);
                assertThat(receiver.count("HaHostFailed", "firing")).isEqualTo(1);
                assertThat(receiver.invalidSignatures()).isZero();
                // The new instance rebuilt every alert's delivery state from the state topic.
                JsonNode listed = app.http().getJson("/api/alerts?state=firing");
                List<String> names = new ArrayList<>();
                listed.forEach(a -> names.add(a.path("labels").path("alertname").asText()));
                assertThat(names).containsExactlyInAnyOrder("CollectorDown", "ReplicationFailed", "HaHostFailed", "SiteUnknown");
            }
        }
    }

    private static Process startChildDispatcher(WebhookReceiver receiver) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                AlertingTestApp.class.getName(), "--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off"));
        properties(receiver).forEach((k, v) -> command.add("--" + k + "=" + v));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child-dispatcher.log").toFile()).start();
    }

    private static Map<String, String> properties(WebhookReceiver receiver) {
        Map<String, String> p = new HashMap<>();
        p.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        p.put("sitewatch.alerting.group-id", GROUP);
        p.put("sitewatch.alerting.webhooks[0].url", receiver.url().toString());
        p.put("sitewatch.alerting.webhooks[0].secret", SECRET);
        // Long enough that the killed dispatcher is still waiting for the held answer.
        p.put("sitewatch.alerting.webhooks[0].timeout", "60s");
        p.put("sitewatch.alerting.poll-interval", "100ms");
        // The killed member keeps its partitions until its session expires (45 s by default); the broker's minimum is 6 s.
        p.put("sitewatch.alerting.kafka.session.timeout.ms", "6000");
        return p;
    }
}
