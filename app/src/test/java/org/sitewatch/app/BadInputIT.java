package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.Topics;

/**
 * Bad input on real parts: a Proxmox endpoint that answers 500, times out, sends malformed JSON or
 * rejects the token makes that one site UNKNOWN with the reason, while the other site keeps
 * updating; a malformed record on an input topic lands in sitewatch.dlq and processing goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    /** Site "faulty" cycles through the four fault kinds, 12 s each, with healthy gaps between. */
    private static final String SCENARIO = """
            loop: 120s
            sites:
              - name: faulty
                cluster: faulty
                token: "mon@pve!sw=aaaaaaaa-2222-4333-8444-555555555555"
                nodes: [ { name: pve-f1 }, { name: pve-f2 }, { name: pve-f3 } ]
                vms: [ { vmid: 100, name: f-app, node: pve-f1, ha: true } ]
                replication: [ { guest: 100, target: pve-f2, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms } ]
              - name: steady
                cluster: steady
                token: "mon@pve!sw=bbbbbbbb-7777-4888-9999-000000000000"
                nodes: [ { name: pve-s1 }, { name: pve-s2 }, { name: pve-s3 } ]
                vms: [ { vmid: 200, name: s-app, node: pve-s1, ha: true } ]
                replication: [ { guest: 200, target: pve-s2, schedule: "*/1", syncEverySeconds: 2, syncDuration: 300ms } ]
            timeline:
              - { at: 10s, site: faulty, action: api-fault, kind: http500, duration: 12s }
              - { at: 35s, site: faulty, action: api-fault, kind: timeout, duration: 12s }
              - { at: 60s, site: faulty, action: api-fault, kind: malformed, duration: 12s }
              - { at: 85s, site: faulty, action: api-fault, kind: auth, duration: 12s }
            """;

    @TempDir
    static Path dataDir;

    private EmbeddedStack stack;
    private SitesApi api;

    @BeforeAll
    void start() throws Exception {
        stack = FastStack.start(dataDir, SCENARIO, Map.of(
                        "sitewatch.collectors.endpoints[0].timeout", "2s",
                        "sitewatch.collectors.endpoints[1].timeout", "2s"));
        api = new SitesApi(stack.httpPort());
        await().atMost(Duration.ofSeconds(90)).until(() -> api.get("/api/sites").map(n -> n.path("sites").size()).orElse(0) == 2);
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void shouldMakeOnlyTheFailingSiteUnknownWithTheReasonForEveryFaultKind() {
        for (String expected : List.of("HTTP_5XX", "TIMEOUT", "MALFORMED", "AUTH")) {
            await("faulty UNKNOWN because of " + expected).atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> api.site("faulty")
                            .filter(s -> s.path("status").asText().equals("UNKNOWN")
                                    && s.path("reasons").toString().contains(expected))
                            .isPresent());
            // Meanwhile the other site is still seen and still healthy, with fresh heartbeats.
            assertThat(api.siteStatus("steady")).contains("OK");
            await("faulty back to OK after " + expected).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> api.siteStatus("faulty").equals(Optional.of("OK")));
        }
    }

    /**
     * The worst query parameters of each REST API on the assembled app: a 400 problem naming the
     * parameter, never a 500 (every parameter is covered by the modules' table-driven tests). Asked
     * with the stack's admin token: the audit API needs the auditor role.
     */
    @Test
    void shouldAnswer400NamingTheParameterForTheWorstQueryParameters() throws Exception {
        Map<String, String> worst = Map.of(
                "/api/audit/events?from=-99999999999999999999d", "from '-99999999999999999999d' is out of range",
                "/api/audit/events?from=-1h&maxLateness=99999999999999999999d", "maxLateness '99999999999999999999d' is too long",
                "/api/audit/events?from=-30d", "sitewatch.audit.max-range",
                "/api/audit/state?at=-99999999999999999999d", "at '-99999999999999999999d' is out of range",
                "/api/sites/steady/vms?limit=99999999999999999999", "parameter 'limit'",
                "/api/replication/items?sort=name", "parameter 'sort': 'name' is not accepted; give one of LAG, ID",
                "/api/sites?asOf=-99999999999999999999d", "parameter 'asOf'",
                "/api/alerts?severity=urgent", "severity must be critical, warning, info");
        HttpClient client = HttpClient.newHttpClient();
        for (Map.Entry<String, String> bad : worst.entrySet()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + stack.httpPort() + bad.getKey()))
                    .header("Authorization", "Bearer " + stack.adminToken().token()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(bad.getKey() + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(bad.getKey()).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as(bad.getKey()).contains(bad.getValue());
        }
    }

    private String lastHeartbeat(String site) {
        return api.site(site).map(s -> s.path("collectors").path(0).path("lastHeartbeat").asText()).orElse("");
    }

    @Test
    void shouldDeadLetterAMalformedRecordAndKeepProcessing() throws Exception {
        byte[] garbage = "{not a cloudevent".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.VM.name(), "steady/999".getBytes(), garbage)).get();
        }

        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.DLQ.name()));
            await("record in the DLQ").atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return !dead.isEmpty();
            });
        }
        ConsumerRecord<byte[], byte[]> record = dead.get(0);
        assertThat(record.value()).isEqualTo(garbage);
        assertThat(new String(record.headers().lastHeader("sitewatch.dlq.reason").value())).isEqualTo("NOT_A_CLOUDEVENT");
        assertThat(new String(record.headers().lastHeader("sitewatch.dlq.topic").value())).isEqualTo(Topics.VM.name());

        // The topology is still running: the steady site's collector heartbeat keeps advancing.
        String before = lastHeartbeat("steady");
        await("views keep updating after the poison pill").atMost(Duration.ofSeconds(30))
                .until(() -> !lastHeartbeat("steady").equals(before));
    }
}
