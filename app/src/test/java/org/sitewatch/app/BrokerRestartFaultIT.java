package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.runtime.CollectorMetrics;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;
import org.sitewatch.events.Topics;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.testsupport.TestKafka;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault suite 1 (issue 15): the broker stopped and restarted under steady load. The whole app (collectors, streams
 * app, alerting) runs in this JVM against a broker the test stops and starts again on the same data dir and port;
 * the Proxmox simulator runs on a clock the test moves, so everything in the scenario happens while Kafka is down:
 * a node is lost (HA fences it and restarts its VMs elsewhere, HaHostFailed fires), a VM is stopped and another
 * live-migrated. Shown: the collectors report the outage (publish failures counted) and catch up; the views then
 * equal the simulator's own API (every VM's power and host, the counts), every HA action is in the site's view
 * exactly once, and no alert fired twice (sitewatch.alerts, read_committed: one FIRING per fingerprint and start).
 */
class BrokerRestartFaultIT {

    private static final String SITE = "brk";
    private static final String SCENARIO = """
            clusters:
              - name: brk
                site: brk
                cluster: brk
                platform: proxmox
                token: "brk@pve!sitewatch=12121212-3434-4565-8787-909090909090"
                ha: { fenceDelay: 4s, recoveryDelay: 2s, crmRound: 1s }
                nodes: [ { name: pve-k1 }, { name: pve-k2 }, { name: pve-k3 } ]
                vms:
                  - { vmid: 100, name: k-web, node: pve-k1, ha: true }
                  - { vmid: 101, name: k-db, node: pve-k3, ha: true }
                  - { vmid: 102, name: k-app, node: pve-k3, ha: true }
                  - { vmid: 103, name: k-cache, node: pve-k2 }
                  - { vmid: 104, name: k-batch, node: pve-k2 }
            timeline:
              - { at: 10s, cluster: brk, action: node-offline, node: pve-k3 }
              - { at: 12s, cluster: brk, action: vm-stop, vmid: 104 }
              - { at: 14s, cluster: brk, action: ha-migrate, sid: "vm:100", node: pve-k2 }
            """;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static TestKafka kafka;
    private static SimulatedTime time;
    private static Simulator simulator;
    private static ConfigurableApplicationContext app;
    private static SitesApi api;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start(dir.resolve("kafka"));
        time = new SimulatedTime(SCENARIO, Duration.ofMillis(250));
        simulator = time.simulator();
        Map<String, String> properties = new HashMap<>(FastStack.TIMINGS);
        properties.putAll(FastStack.ANONYMOUS_VIEWING);
        properties.putAll(SimulatedEndpointProperties.of(simulator.endpoints(), Duration.ofMillis(500)));
        properties.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("sitewatch.streams.state-dir", dir.resolve("streams").toString());
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        // A write to a missing Kafka fails after 3 s instead of 15, so the outage shows in the meters sooner.
        properties.put("sitewatch.collectors.producer.max.block.ms", "3000");
        app = SpringLauncher.start(properties, List.of());
        api = new SitesApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (time != null) {
            time.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aBrokerOutageUnderLoadLosesNoEventCountsNoneTwiceFiresNoAlertTwiceAndTheCollectorsCatchUp() throws Exception {
        time.moveTo(3);
        assertThat(simulatorVms()).hasSize(5);
        until("steady state: the site's five VMs in the view, as the simulator has them",
                () -> viewedVms().equals(simulatorVms()));
        // Not necessarily OK: the HA managers' status times come from the simulated clock, which stands still between
        // moves, so they age and the hosts may show DEGRADED. What is checked below is the VMs, HA actions and alerts.
        until("the site folded", () -> api.siteStatus(SITE).isPresent());

        kafka.stopBroker();
        double failuresBefore = publishFailures();
        time.moveTo(20); // node lost at 10 s (fenced, its VMs restarted elsewhere), a VM stopped at 12 s, one migrated at 14 s
        await("the collectors report the outage: publish failures counted").atMost(WAIT)
                .until(() -> publishFailures() > failuresBefore);
        await().atMost(WAIT).until(() -> time.second() >= 20);
        kafka.restartBroker();

        until("the views catch up with the simulator", () -> viewedVms().equals(simulatorVms()));
        until("the HA actions of the outage in the site's view", () -> !recentHaActions().isEmpty());
        until("the collector's heartbeats back: OK and not stale", () -> api.site(SITE).map(site -> site.path("collectors")
                .path(0)).filter(c -> c.path("status").asText().equals("OK") && !c.path("stale").asBoolean()).isPresent());
        Map<String, String> truth = simulatorVms();
        assertThat(truth).as("the scenario played: k-batch stopped, pve-k3's VMs restarted elsewhere")
                .containsEntry("k-batch", "STOPPED@").doesNotContainValue("RUNNING@pve-k3");
        JsonNode counts = api.site(SITE).orElseThrow().path("counts").path("vms");
        assertThat(counts.path("total").asLong()).as("%s", counts).isEqualTo(truth.size());
        assertThat(counts.path("byPower").path("RUNNING").asLong()).as("%s", counts)
                .isEqualTo(truth.values().stream().filter(v -> v.startsWith("RUNNING")).count());

        List<String> actionIds = recentHaActions().stream().map(a -> a.path("actionId").asText()).toList();
        assertThat(actionIds).as("every HA action once").doesNotHaveDuplicates();
        assertThat(recentHaActions().stream().map(a -> a.path("vmId").asText()).distinct())
                .as("the restarts of pve-k3's VMs, made while Kafka was down").hasSizeGreaterThanOrEqualTo(2);

        await("HaHostFailed for pve-k3").atMost(WAIT).until(() -> firingAlertsOnTopic().stream()
                .anyMatch(a -> a.labels().get(Alert.ALERTNAME).equals("HaHostFailed")));
        Map<String, Long> firings = firingAlertsOnTopic().stream().collect(Collectors.groupingBy(
                a -> a.fingerprint() + " " + a.labels().get(Alert.ALERTNAME) + " from " + a.startsAt(),
                TreeMap::new, Collectors.counting()));
        assertThat(firings).as("each alert fired once per episode").allSatisfy((episode, n) ->
                assertThat(n).as(episode).isEqualTo(1));
    }

    /** Awaits the condition; on time-out the failure shows the site as it was. */
    private static void until(String alias, Callable<Boolean> condition) {
        try {
            await(alias).atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(alias + " did not happen within " + WAIT + "; site: " + api.site(SITE).orElse(null)
                    + "; VMs: " + viewedVms() + "; in the simulator: " + simulatorVmsOrError(), e);
        }
    }

    /** Each VM of the site in the view: name → "POWER@host" (host only while running). */
    private static Map<String, String> viewedVms() {
        return api.get("/api/sites/" + SITE + "/vms").map(page -> StreamSupport.stream(page.path("items").spliterator(),
                false).collect(Collectors.toMap(v -> v.path("name").asText(), v -> v.path("power").asText() + "@"
                + (v.path("power").asText().equals("RUNNING") ? v.path("host").asText() : ""), (a, b) -> a + "|" + b,
                TreeMap::new))).orElse(new TreeMap<>());
    }

    private static Object simulatorVmsOrError() {
        try {
            return simulatorVms();
        } catch (Exception e) {
            return e;
        }
    }

    /** The same from the simulator's own Proxmox API ({@code /cluster/resources?type=vm}). */
    private static Map<String, String> simulatorVms() throws Exception {
        SimulatedEndpoint endpoint = simulator.endpoints().get(0);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(endpoint.url() + "/cluster/resources?type=vm"))
                .header("Authorization", "PVEAPIToken=" + endpoint.vendorProperties().get("api-token"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the simulator answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode data = new ObjectMapper().readTree(response.body()).path("data");
        Map<String, String> vms = new TreeMap<>();
        for (JsonNode vm : data) {
            boolean running = vm.path("status").asText().equals("running");
            vms.put(vm.path("name").asText(), (running ? "RUNNING@" + vm.path("node").asText() : "STOPPED@"));
        }
        return vms;
    }

    private static List<JsonNode> recentHaActions() {
        return api.site(SITE).map(s -> StreamSupport.stream(s.path("recentHaActions").spliterator(), false).toList())
                .orElse(List.of());
    }

    private static List<Alert> firingAlertsOnTopic() {
        return kafka.readCommitted(Topics.ALERTS).stream().filter(a -> a != null && a.state() == AlertState.FIRING)
                .toList();
    }

    private static double publishFailures() {
        return app.getBean(MeterRegistry.class).find(CollectorMetrics.PUBLISH_FAILURES).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
