package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.Topics;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.testsupport.AlertmanagerProcess;
import org.sitewatch.testsupport.LocalHttp;
import org.sitewatch.testsupport.TestKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault suite 2: the streams app ({@code sitewatch streams}, a child JVM, alert dispatcher included)
 * killed with SIGKILL under steady load and restarted on the same state directory. The broker, the
 * simulator (two Proxmox sites), the collectors polling it every 500 ms, a real Alertmanager and a
 * webhook receiver stay up in this JVM.
 *
 * <p>The scenario's steps are far ahead; the simulator's clock jumps to each when the test wants it: site
 * kill-a's job fails while the app runs (ReplicationFailed fires and is delivered), then the app is killed,
 * and while it is down kill-a's job recovers and kill-b's job fails. After the restart: the views are whole
 * again within 15 s of Kafka Streams starting (and well inside the 45 s session timeout the group would
 * wait out without static membership), equal to what the scenario says (sites, VM and item counts, item
 * states), every alert state change reached the webhook at least once (kill-a firing and resolved,
 * kill-b firing), each alert fired in one episode only (one startsAt), and Alertmanager holds kill-b's
 * alert once and kill-a's no longer active.
 */
class StreamsKillFaultIT {

    private static final Logger log = LoggerFactory.getLogger(StreamsKillFaultIT.class);

    private static final Duration A_FAILS = Duration.ofSeconds(1000);
    private static final Duration A_RECOVERS_B_FAILS = Duration.ofSeconds(2000);
    private static final String SCENARIO = """
            clusters:
              - name: kill-a
                cluster: kill-a
                token: "kill@pve!sitewatch=11111111-2222-4333-8444-555555555555"
                nodes: [ { name: pve-a1 }, { name: pve-a2 }, { name: pve-a3 } ]
                vms:
                  - { vmid: 100, name: a-app, node: pve-a1, ha: true }
                  - { vmid: 101, name: a-db, node: pve-a2, ha: true }
                  - { vmid: 102, name: a-web, node: pve-a3 }
                replication:
                  - { guest: 100, target: pve-a2, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms, retryUnitSeconds: 1 }
                  - { guest: 101, target: pve-a3, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms, retryUnitSeconds: 1 }
              - name: kill-b
                cluster: kill-b
                token: "kill@pve!sitewatch=66666666-7777-4888-9999-000000000000"
                nodes: [ { name: pve-b1 }, { name: pve-b2 } ]
                vms:
                  - { vmid: 200, name: b-app, node: pve-b1, ha: true }
                  - { vmid: 201, name: b-db, node: pve-b2 }
                replication:
                  - { guest: 200, target: pve-b2, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms, retryUnitSeconds: 1 }
            timeline:
              - { at: 1000s, cluster: kill-a, action: replication-fail, job: 100-0, error: "command 'zfs recv' failed: exit code 1" }
              - { at: 2000s, cluster: kill-a, action: replication-recover, job: 100-0 }
              - { at: 2000s, cluster: kill-b, action: replication-fail, job: 200-0, error: "command 'zfs send' failed: exit code 1" }
            """;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the children's logs
    static Path dir;

    private static TestKafka kafka;
    private static AlertmanagerProcess alertmanager;
    private static WebhookInbox webhook;
    private static JumpClock clock;
    private static Simulator simulator;
    private static ConfigurableApplicationContext collectors;
    private static StreamsChild streams;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start(dir.resolve("kafka"));
        // The child's URLs must be known before it starts; it then boots while the rest starts here.
        alertmanager = AlertmanagerProcess.start(dir.resolve("alertmanager"));
        webhook = new WebhookInbox();
        streams = new StreamsChild(dir, "streams", kafka.bootstrapServers(), "sitewatch-kill-" + UUID.randomUUID(), List.of(
                "--sitewatch.alerting.alertmanager.urls[0]=" + alertmanager.url(),
                "--sitewatch.alerting.alertmanager.resend-interval=1s",
                "--sitewatch.alerting.poll-interval=100ms",
                "--sitewatch.security.anonymous-viewer=true",
                // Heartbeats every 500 ms (an interval of 1 s): on a busy CI machine three missed ones are not an outage.
                "--sitewatch.health.stale-after-intervals=10",
                "--sitewatch.alerts.collector-down-intervals=10"),
                // The whole list in one source (Spring does not merge a list across sources); a secret is refused
                // on the command line anyway.
                Map.of("SITEWATCH_ALERTING_WEBHOOKS_0_NAME", "ops",
                        "SITEWATCH_ALERTING_WEBHOOKS_0_URL", webhook.url().toString(),
                        "SITEWATCH_ALERTING_WEBHOOKS_0_SECRET", WebhookInbox.SECRET)).start();
        clock = new JumpClock(); // just before the simulator: the scenario's time counts from its start
        simulator = Simulator.builder(Scenario.parse(SCENARIO)).clock(clock).bindAddress("127.0.0.1").port(0).build().start();
        collectors = SpringLauncher.start(collectorsApp(), List.of());
    }

    private static Map<String, String> collectorsApp() {
        Map<String, String> props = new LinkedHashMap<>(FastStack.TIMINGS);
        props.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        props.put("sitewatch.streams.enabled", "false");
        props.put("sitewatch.alerting.enabled", "false");
        props.put("server.port", "0");
        props.put("server.address", "127.0.0.1");
        props.putAll(SimulatedEndpointProperties.of(simulator.endpoints(), Duration.ofMillis(500)));
        return props;
    }

    @AfterAll
    static void stop() throws Exception {
        if (streams != null) {
            streams.close();
        }
        if (collectors != null) {
            collectors.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (webhook != null) {
            webhook.close();
        }
        if (alertmanager != null) {
            alertmanager.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldComeBackWholeWithinSecondsLosingNoAlertStateChangeAfterASigkill() throws Exception {
        LocalHttp http = streams.http();
        // The first start of a child JVM may take long on a busy machine: a bound, not a measurement.
        await("both sites in the views").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .failFast(streams::assertAlive)
                .until(() -> itemState(http, "kill-b", "200-0").equals("REPLICATING") && vmTotal(http, "kill-a") == 3);

        clock.jumpTo(A_FAILS);
        await("kill-a's ReplicationFailed at the webhook").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> webhook.got("ReplicationFailed", "kill-a", "firing"));

        streams.kill();
        Instant killedAt = Instant.now();
        // While the app is down: kill-a recovers at its next retry, kill-b fails; the collectors publish both.
        clock.jumpTo(A_RECOVERS_B_FAILS);
        await("the collectors published kill-b's failure").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> published(Topics.REPLICATION.name(), "\"200-0\"", "\"FAILED\""));
        assertThat(webhook.got("ReplicationFailed", "kill-b", "firing")).as("nothing ran to alert on kill-b yet").isFalse();

        streams.start();
        Instant restartedAt = streams.startedAt();
        List<Integer> statuses = new ArrayList<>();
        Instant[] streamsStarted = new Instant[1];
        await("the views whole again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .failFast(streams::assertAlive)
                .until(() -> {
                    if (streamsStarted[0] == null && streams.streamsStarted()) {
                        streamsStarted[0] = Instant.now();
                    }
                    LocalHttp.Answer sites = http.answer("/api/sites");
                    statuses.add(sites.status());
                    return sites.status() == 200 && sites.body().path("sites").size() == 2
                            && itemState(http, "kill-b", "200-0").equals("FAILED");
                });
        Instant viewsBack = Instant.now();
        Instant streamsUp = streamsStarted[0] == null ? restartedAt : streamsStarted[0];
        // Fresh: the views show heartbeats sent after Kafka Streams started again (processing caught up).
        await("the views fresh").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> lastHeartbeat(http, "kill-b").isAfter(streamsUp));
        Instant fresh = Instant.now();
        Duration afterRestart = Duration.between(restartedAt, viewsBack);
        Duration afterStreamsStart = Duration.between(streamsUp, viewsBack);
        log.info("MEASURED: views whole {} ms after the restart (JVM start), {} ms after Kafka Streams started, fresh {} ms "
                        + "after it started; app down {} ms; answers while coming back: {}",
                afterRestart.toMillis(), afterStreamsStart.toMillis(), Duration.between(streamsUp, fresh).toMillis(),
                Duration.between(killedAt, restartedAt).toMillis(), statuses.stream().distinct().toList());
        assertThat(afterStreamsStart).as("views back after Kafka Streams started").isLessThanOrEqualTo(Duration.ofSeconds(15));
        assertThat(afterRestart).as("no wait for the dead member's 45 s session").isLessThan(Duration.ofSeconds(40));

        // The views say what the scenario says: both sites, every VM and item, each item's state.
        assertThat(vmTotal(http, "kill-a")).isEqualTo(3);
        assertThat(vmTotal(http, "kill-b")).isEqualTo(2);
        assertThat(items(http, "kill-a").path("total").asInt()).isEqualTo(2);
        assertThat(items(http, "kill-b").path("total").asInt()).isEqualTo(1);
        JsonNode siteB = http.json("/api/sites/kill-b").orElseThrow();
        assertThat(siteB.path("status").asText()).as("%s", siteB).isEqualTo("CRITICAL");
        await("kill-a's job replicating again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> itemState(http, "kill-a", "100-0").equals("REPLICATING"));

        // Every state change reached the webhook at least once, each alert in one firing episode.
        await("every alert state change at the webhook").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> webhook.got("ReplicationFailed", "kill-a", "resolved")
                        && webhook.got("ReplicationFailed", "kill-b", "firing"));
        log.info("webhook received: {}", webhook.received());
        Map<String, Set<String>> episodes = webhook.received().stream()
                .filter(r -> r.status().equals("firing") && r.alertname().equals("ReplicationFailed"))
                .collect(Collectors.groupingBy(r -> r.alertname() + "/" + r.site(),
                        Collectors.mapping(WebhookInbox.Received::startsAt, Collectors.toSet())));
        assertThat(episodes).as("firing episodes (startsAt) per alert").hasSize(2).allSatisfy((alert, starts) ->
                assertThat(starts).as(alert).hasSize(1));

        // Alertmanager: kill-b's alert once, kill-a's resolved (no longer active).
        await("Alertmanager up to date").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(active(alertmanager.alerts("ReplicationFailed", "kill-b"))).hasSize(1);
            assertThat(active(alertmanager.alerts("ReplicationFailed", "kill-a"))).isEmpty();
        });
        List<String> labelSets = alertmanager.alerts().stream().map(a -> a.path("labels").toString()).toList();
        assertThat(labelSets).as("no alert twice in Alertmanager").doesNotHaveDuplicates();
    }

    /** Whether a record of {@code topic} holds all of {@code parts} (read from the start, committed only). */
    private static boolean published(String topic, String... parts) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                    if (Arrays.stream(parts).allMatch(value::contains)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static List<JsonNode> active(List<JsonNode> alerts) {
        return alerts.stream().filter(a -> a.path("endsAt").asText("").isEmpty()
                || Instant.parse(a.path("endsAt").asText()).isAfter(Instant.now())).toList();
    }

    private static int vmTotal(LocalHttp http, String site) {
        return http.json("/api/sites/" + site + "/vms?limit=100").map(n -> n.path("total").asInt()).orElse(-1);
    }

    private static JsonNode items(LocalHttp http, String site) {
        return http.json("/api/replication/items?limit=100&site=" + site).orElseThrow();
    }

    /** The newest heartbeat the views have from the site's collector (the epoch while they cannot say). */
    private static Instant lastHeartbeat(LocalHttp http, String site) {
        return http.json("/api/sites/" + site).map(n -> n.path("collectors").path(0).path("lastHeartbeat").asText(""))
                .filter(t -> !t.isEmpty()).map(Instant::parse).orElse(Instant.EPOCH);
    }

    /** The state of one replicated item, or "" while the views cannot say. */
    private static String itemState(LocalHttp http, String site, String item) {
        return http.json("/api/replication/items?limit=100&site=" + site).map(n -> {
            for (JsonNode i : n.path("items")) {
                if (i.path("itemId").asText().equals(item)) {
                    return i.path("state").asText();
                }
            }
            return "";
        }).orElse("");
    }

    /** The wall clock, moved ahead by the test: the simulator's scenario steps happen when it jumps to them. */
    static final class JumpClock extends Clock {

        private final Instant start = Instant.now();
        private volatile Duration ahead = Duration.ZERO;

        /**
         * Moves the clock so that a little more than {@code step} has passed since it was made (never back):
         * the simulator, made just after it, has the step at {@code step} due at its next tick.
         */
        void jumpTo(Duration step) {
            Duration sinceStart = step.plusSeconds(1);
            Duration elapsed = Duration.between(start, Instant.now().plus(ahead));
            if (sinceStart.compareTo(elapsed) > 0) {
                ahead = ahead.plus(sinceStart.minus(elapsed));
            }
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
