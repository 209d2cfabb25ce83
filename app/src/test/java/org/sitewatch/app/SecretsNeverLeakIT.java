package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 14, "secrets never leak", end to end on the embedded stack: three simulated platforms with
 * known credentials (a Proxmox API token, a vCenter password, an oVirt password the collector gets
 * wrong), a Proxmox URL carrying user info, a webhook with an HMAC secret and a token in its URL, an
 * Alertmanager URL with user info (both receivers answer 500 and echo the request, so delivery
 * errors are logged), a Kafka JAAS password read from a file, and the actuator's env and configprops
 * endpoints exposed with {@code show-values: always} (the worst an operator can choose). The scenario
 * loops API faults (Proxmox HTTP 500, vCenter 401) so heartbeats carry errors. Then every output is
 * searched for every secret: the logs (stdout and stderr), every record of every topic (keys, values,
 * headers, internal topics included), every GET endpoint the OpenAPI document lists (as the admin,
 * whose generated token is one more secret to look for), the actuator endpoints and the Prometheus
 * scrape. Positive controls prove each output was really read. About 45 s, most of it the stack's start.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakIT {

    private static final String PVE_TOKEN_SECRET = "5e1c7a2b-9d4f-4e8a-b3c6-0f2d8e7a9b41";
    private static final String PVE_URL_PASSWORD = "UrlInfoPw-4k8Rz2";
    private static final String VC_PASSWORD = "VcPass-7Hq2mX9w";
    private static final String RHV_PASSWORD = "RhvRight-3Jd8sL";
    private static final String RHV_WRONG_PASSWORD = "RhvWrong-9Tc4pQ";
    private static final String HOOK_SECRET = "HookHmac-2Wn7vB5y-long-enough";
    private static final String HOOK_URL_TOKEN = "HookUrlTok-6Fm3kP";
    private static final String ALERTMANAGER_PASSWORD = "AmBasic-8Ls5gD";
    private static final String KAFKA_PASSWORD = "KafkaJaas-1Yx6rN";
    private static final List<String> SECRETS = List.of(PVE_TOKEN_SECRET, PVE_URL_PASSWORD, VC_PASSWORD, RHV_PASSWORD,
            RHV_WRONG_PASSWORD, HOOK_SECRET, HOOK_URL_TOKEN, ALERTMANAGER_PASSWORD, KAFKA_PASSWORD);

    private static final String SCENARIO = """
            loop: 12s
            clusters:
              - name: sec-pve
                platform: proxmox
                site: sec-pve
                cluster: sec-pve
                token: "sec@pve!sitewatch=%s"
                nodes: [ { name: pve-s1 }, { name: pve-s2 } ]
                vms:
                  - { vmid: 100, name: s-app, node: pve-s1, ha: true }
              - name: sec-vc
                platform: vsphere
                site: sec-vc
                cluster: CL-S
                password: "%s"
                nodes: [ { name: esx-s1 }, { name: esx-s2 } ]
                vms:
                  - { vmid: 200, name: s-web, node: esx-s1, ha: true }
              - name: sec-rhv
                platform: ovirt
                site: sec-rhv
                cluster: sec-rhv
                password: "%s"
                nodes: [ { name: rhv-s1 } ]
                vms:
                  - { vmid: 300, name: s-db, node: rhv-s1, ha: true }
            timeline:
              - { at: 2s, cluster: sec-pve, action: api-fault, kind: http500, duration: 4s }
              - { at: 7s, cluster: sec-vc, action: api-fault, kind: auth, duration: 3s }
            """.formatted(PVE_TOKEN_SECRET, VC_PASSWORD, RHV_PASSWORD);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void noSecretShowsInLogsTopicsRestActuatorOrMetrics(CapturedOutput output) throws Exception {
        Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
        HttpServer receiver = failingReceiver(posts);
        Path jaasFile = dataDir.resolve("kafka-jaas.conf");
        Files.writeString(jaasFile, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"sitewatch\" password=\"" + KAFKA_PASSWORD + "\";\n");
        String receiverBase = "127.0.0.1:" + receiver.getAddress().getPort();
        Map<String, String> properties = new LinkedHashMap<>();
        // Endpoints are numbered in scenario order: 0 sec-pve, 1 sec-vc, 2 sec-rhv.
        properties.put("sitewatch.collectors.endpoints[2].ovirt.login.password", RHV_WRONG_PASSWORD);
        properties.put("sitewatch.alerting.alertmanager.urls[0]", "http://am:" + ALERTMANAGER_PASSWORD + "@" + receiverBase + "/am");
        properties.put("sitewatch.alerting.alertmanager.resend-interval", "1s");
        properties.put("sitewatch.alerting.webhooks[0].name", "ops");
        properties.put("sitewatch.alerting.webhooks[0].url", "http://" + receiverBase + "/hook?token=" + HOOK_URL_TOKEN);
        properties.put("sitewatch.alerting.webhooks[0].secret", HOOK_SECRET);
        properties.put("sitewatch.alerting.retry.initial-backoff", "100ms");
        properties.put("sitewatch.alerting.retry.max-backoff", "500ms");
        properties.put("sitewatch.alerting.poll-interval", "100ms");
        properties.put("sitewatch.kafka.property-files.sasl.jaas.config", jaasFile.toString());
        properties.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics,env,configprops");
        properties.put("management.endpoint.env.show-values", "always");
        properties.put("management.endpoint.configprops.show-values", "always");

        try (EmbeddedStack stack = startWithUserInfoInTheProxmoxUrl(properties)) {
            // As the admin (the stack's generated token, itself a secret to look for): every answer in full.
            String adminToken = stack.adminToken().token();
            AdminHttp http = new AdminHttp(stack.httpPort(), adminToken);
            SitesApi api = new SitesApi(stack.httpPort());
            List<String> secrets = new ArrayList<>(SECRETS);
            secrets.add(adminToken);

            // The right credentials work: both sites are read.
            try {
                await("sec-pve and sec-vc read with their token and password").atMost(Duration.ofSeconds(40))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> vms(api, "sec-pve") == 1 && vms(api, "sec-vc") == 1);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("sites as the API shows them: " + http.text("/api/sites"), e);
            }
            // The wrong password fails, its alert is delivered (and refused) at both receivers, and both faults showed.
            await("the failures of the scenario, in heartbeats and deliveries").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> posts.getOrDefault("/am/api/v2/alerts", new AtomicInteger()).get() > 0
                            && posts.getOrDefault("/hook", new AtomicInteger()).get() > 0
                            && failedHeartbeatsSeen(allRecords(stack.bootstrapServers())));

            List<String> restAnswers = restAnswers(http);
            List<String> actuatorAnswers = actuatorAnswers(http);
            List<String> records = allRecords(stack.bootstrapServers());
            String logs = output.getAll();

            // Positive controls: what is searched holds what the scenario did.
            // (the simulator listens on 127.0.0.1, so the plain-http finding is the loopback one, logged at INFO)
            assertThat(logs).as("the plain-http finding names the keys")
                    .contains("collector sec-pve: sitewatch.collectors.endpoints[0].proxmox.url is plain http://")
                    .contains("sitewatch.collectors.endpoints[0].proxmox.url (user info)")
                    .contains("collector sec-vc: sitewatch.collectors.endpoints[1].vsphere.url is plain http://")
                    .contains("alert target");
            assertThat(String.join("\n", records)).contains("AUTH_FAILED").contains("sec-rhv");
            assertThat(String.join("\n", actuatorAnswers)).contains("sitewatch.alerting.webhooks[0].secret")
                    .contains("sitewatch_collector");
            assertThat(String.join("\n", restAnswers)).contains("sec-pve").contains("sec-vc").contains("sec-rhv");

            for (String secret : secrets) {
                assertThat(logs).as("logs").doesNotContain(secret);
                assertThat(records).as("records of every topic").noneMatch(r -> r.contains(secret));
                assertThat(restAnswers).as("REST answers").noneMatch(r -> r.contains(secret));
                assertThat(actuatorAnswers).as("actuator answers").noneMatch(r -> r.contains(secret));
            }
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * The stack, its Proxmox endpoint's URL given user info (the collector sends the token, not the user
     * info; it must not show anywhere). The URL names the simulator's port, so the port is chosen here.
     */
    private EmbeddedStack startWithUserInfoInTheProxmoxUrl(Map<String, String> properties) throws Exception {
        int simulatorPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            simulatorPort = free.getLocalPort();
        }
        properties.put("sitewatch.collectors.endpoints[0].proxmox.url",
                "http://monitor:" + PVE_URL_PASSWORD + "@127.0.0.1:" + simulatorPort + "/sec-pve/api2/json");
        Map<String, String> all = new LinkedHashMap<>(FastStack.TIMINGS);
        all.putAll(FastStack.ANONYMOUS_VIEWING);
        all.putAll(properties);
        return new EmbeddedStack(new EmbeddedStack.Settings(dataDir.resolve("stack"), null, 0, 0, simulatorPort,
                org.sitewatch.simulator.Scenario.parse(SCENARIO), Duration.ofMillis(500), Map.copyOf(all))).start();
    }

    private static long vms(SitesApi api, String site) {
        return api.site(site).map(s -> s.path("counts").path("vms").path("total").asLong()).orElse(0L);
    }

    private static boolean failedHeartbeatsSeen(List<String> records) {
        String all = String.join("\n", records);
        return all.contains("\"collectorId\":\"sec-rhv\"") && all.contains("AUTH_FAILED")
                && records.stream().anyMatch(r -> r.contains("\"collectorId\":\"sec-pve\"") && r.contains("HTTP 500"));
    }

    /** Answers every POST with 500 and echoes the request line and headers, as an unhelpful proxy does. */
    private static HttpServer failingReceiver(Map<String, AtomicInteger> posts) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            posts.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
            byte[] body = ("refused " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** Every record of every topic, internal ones included, as "topic key value headers" text. */
    private static List<String> allRecords(String bootstrapServers) throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        }
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(5))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    StringBuilder text = new StringBuilder(r.topic()).append(' ').append(utf8(r.key())).append(' ')
                            .append(utf8(r.value()));
                    for (Header h : r.headers()) {
                        text.append(' ').append(h.key()).append('=').append(utf8(h.value()));
                    }
                    out.add(text.toString());
                }
            }
            assertThat(partitions).as("every partition read to its end").allMatch(p -> consumer.position(p) >= end.get(p));
        }
        return out;
    }

    /** Every GET path of the OpenAPI document (path variables filled with the scenario's names), plus the pages. */
    private static List<String> restAnswers(AdminHttp http) throws Exception {
        JsonNode openApi = JSON.readTree(http.text("/v3/api-docs"));
        // The audit API replays the raw topics (heartbeats with their errors included): asked with a range.
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/runbooks", "/v3/api-docs", "/api/audit/events?from=-1h",
                "/api/audit/state?at=now"));
        for (Iterator<Map.Entry<String, JsonNode>> it = openApi.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getValue().has("get")) {
                paths.add(path.getKey().replace("{site}", "sec-pve").replace("{source}", "sec-pve")
                        .replace("{target}", "sec-vc").replaceAll("\\{[^}]+}", "sec-rhv"));
            }
        }
        assertThat(paths).as("GET endpoints listed").hasSizeGreaterThan(10);
        List<String> answers = new ArrayList<>();
        for (String path : paths) {
            // Errors are searched too (a 400 may quote a value); bad-input statuses are another test's business.
            HttpResponse<String> r = http.get(path);
            answers.add(path + " " + r.statusCode() + " " + r.body());
        }
        assertThat(answers).as("the views answered").anyMatch(a -> a.startsWith("/api/sites 200 "))
                .anyMatch(a -> a.startsWith("/api/collectors 200 "));
        return answers;
    }

    /** Every exposed actuator endpoint, the metric names and one meter, and the Prometheus scrape. */
    private static List<String> actuatorAnswers(AdminHttp http) throws Exception {
        List<String> answers = new ArrayList<>();
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/info", "/actuator/env",
                "/actuator/configprops", "/actuator/prometheus", "/actuator/metrics")) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
            answers.add(path + " " + r.body());
        }
        // Each meter's tags and values are in the scrape; one meter by name shows the metrics endpoint's own form.
        answers.add(http.text("/actuator/metrics/sitewatch.collector.up"));
        return answers;
    }

    /** GETs with the admin's bearer token. */
    private record AdminHttp(java.net.http.HttpClient client, URI base, String token) {

        AdminHttp(int port, String token) {
            this(java.net.http.HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + port), token);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(java.net.http.HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        String text(String path) throws Exception {
            return get(path).body();
        }
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
