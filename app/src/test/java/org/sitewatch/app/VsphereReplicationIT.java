package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;
import org.sitewatch.events.Topics;

/**
 * vSphere Replication and SRM through the simulator's vSphere front, the real vSphere collector, broker, streams
 * app and alerts topic, on one stack whose scenario plays once:
 * <ul>
 *   <li>vr-src replicates src-db (vm-100) to a DR host standing in vr-dr, whose own vCenter is vr-dr: the pair
 *       {@code vr-src -> vr-dr}. With test failovers required it is AT_RISK for "never tested" until the SRM test
 *       recovery at {@link #TEST_FAILOVER_AT}, then READY.</li>
 *   <li>vm-721 replicates inside vr-src every 60 s (RPO 1 min) with {@code syncJitter: 10%}, so its lag overshoots
 *       the RPO by a few seconds now and then and VR itself reports RPO_VIOLATION; its replication fails at
 *       {@link #FAIL_AT} (the lag grows far past RPO + grace) and recovers at {@link #RECOVER_AT}. With a 20 s
 *       {@code rpo-grace}, longer than any jitter overshoot, ReplicationRpoBreached goes FIRING exactly once (after
 *       the failure) and RESOLVED exactly once.</li>
 * </ul>
 * The jitter offsets are drawn from a generator seeded by the cluster name and job id: for vr-src/721-0 the first
 * two attempts start +3.7 s and +5.9 s off their slots, later than the RPO after the previous sync, so VR reports
 * RPO_VIOLATION (last sync older than the RPO while no sync runs, which only a late start causes: without jitter
 * the lag passes the RPO only during a sync, SYNC_RPO_VIOLATION) for about 2 s before each. The views answer within
 * about 20 s of the simulator's start, so one of the two is seen before the link's first failed attempt, whatever
 * the minute's phase at start-up; until that attempt the lag is the jitter's doing alone. An overshoot lasts at
 * most 15 s (two 6 s offsets and the 3 s sync), less than the grace. The last good sync before the failure started
 * 3 to 69 s before it, so the alert fires 11 to 77 s after {@link #FAIL_AT}, before {@link #RECOVER_AT}; the next
 * retry (at most 30 s later) resolves it. The RPO (1 min, VR's smallest) plus the grace and the retry back-off set
 * the run time: about 3 minutes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VsphereReplicationIT {

    private static final Duration TEST_FAILOVER_AT = Duration.ofSeconds(50);
    private static final Duration FAIL_AT = Duration.ofSeconds(60);
    private static final Duration RECOVER_AT = FAIL_AT.plusSeconds(80);
    private static final String JITTERED_VM = "vm-721";

    private static final String SCENARIO = """
            clusters:
              - name: vr-src
                platform: vsphere
                site: vr-src
                cluster: CL-SRC
                nodes: [ { name: esx-s1 }, { name: esx-s2 }, { name: esx-dr1, site: vr-dr } ]
                vms:
                  - { vmid: 100, name: src-db, node: esx-s1 }
                  - { vmid: 721, name: src-app, node: esx-s1 }
                replication:
                  - { guest: 100, target: esx-dr1, syncEverySeconds: 20, syncDuration: 1s, retryUnitSeconds: 1 }
                  - { guest: 721, target: esx-s2, syncEverySeconds: 60, syncJitter: 10%%, syncDuration: 3s,
                      retryUnitSeconds: 1 }
              - name: vr-dr
                platform: vsphere
                site: vr-dr
                cluster: CL-DR
                nodes: [ { name: esx-d1 }, { name: esx-d2 } ]
                vms:
                  - { vmid: 200, name: dr-web, node: esx-d1 }
            timeline:
              - { at: %ds, cluster: vr-src, action: test-failover, job: 100-0 }
              - { at: %ds, cluster: vr-src, action: replication-fail, job: 721-0,
                  error: "A replication error occurred at the vSphere Replication Server for replication 'src-app'" }
              - { at: %ds, cluster: vr-src, action: replication-recover, job: 721-0 }
            """.formatted(TEST_FAILOVER_AT.toSeconds(), FAIL_AT.toSeconds(), RECOVER_AT.toSeconds());

    @TempDir
    static Path dataDir;

    private static EmbeddedStack stack;
    private static Instant started;
    private static Recorder recorder;

    @BeforeAll
    static void start() {
        // Before the simulator starts, so every timeline step is at least this long after it.
        started = Instant.now();
        stack = FastStack.start(dataDir, SCENARIO, Map.of(
                "sitewatch.alerts.rpo-grace", "20s",
                "sitewatch.health.require-test-failover", "true",
                // vr-src is endpoint 0: read SRM's history at every poll, not once a minute.
                "sitewatch.collectors.endpoints[0].vsphere.replication.srm-refresh", "0s"));
        recorder = new Recorder(stack);
        recorder.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (recorder != null) {
            recorder.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theCrossSitePairIsAtRiskAsNeverTestedUntilTheSrmTestRecoveryThenReady() {
        SitesApi api = new SitesApi(stack.httpPort());
        String pair = "/api/site-pairs/vr-src/vr-dr";

        // Until both sites are known the pair has other reasons too (the source site UNKNOWN at first).
        await("vr-src -> vr-dr AT_RISK for never tested only").atMost(TEST_FAILOVER_AT).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get(pair).filter(p -> p.path("readiness").asText().equals("AT_RISK")
                        && p.path("reasons").toString().equals("[\"1 replicated item never tested (no test failover)\"]"))
                        .isPresent());
        assertThat(Instant.now()).as("seen before the test recovery step").isBefore(started.plus(TEST_FAILOVER_AT));
        JsonNode before = api.get(pair).orElseThrow();
        assertThat(before.path("items").path("total").asLong()).as("%s", before).isEqualTo(1);
        assertThat(before.path("targetStatus").asText()).as("%s", before).isEqualTo("OK");

        // READY is due after the test recovery step, however early AT_RISK was seen: wait from the step's time.
        Duration untilDue = Duration.between(Instant.now(), started.plus(TEST_FAILOVER_AT).plusSeconds(45));
        AtomicReference<String> lastAnswer = new AtomicReference<>("none");
        try {
            await("vr-src -> vr-dr READY after the test recovery").atMost(untilDue)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        Optional<JsonNode> p = api.get(pair);
                        lastAnswer.set(p.map(JsonNode::toString).orElse("none") + " items: " + items(api));
                        return p.map(n -> n.path("readiness").asText()).equals(Optional.of("READY"));
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not READY 45 s after the test recovery step; last answer: " + lastAnswer.get(), e);
        }
        JsonNode after = api.get(pair).orElseThrow();
        assertThat(after.path("reasons")).as("%s", after).isEmpty();
        assertThat(after.path("items").path("neverTested").asLong()).as("%s", after).isZero();
        JsonNode item = items(api).stream().filter(i -> i.path("vmId").asText().equals("vm-100")).findFirst().orElseThrow();
        assertThat(item.path("targetSite").asText()).isEqualTo("vr-dr");
        assertThat(Instant.parse(item.path("lastTestFailover").asText())).as("%s", item)
                .isAfterOrEqualTo(started.plus(TEST_FAILOVER_AT).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    @Order(2)
    void anRpoViolationRaisesReplicationRpoBreachedOnceAndJitterNeverDoes() throws InterruptedException {
        Instant failAt = started.plus(FAIL_AT);
        await("the failure step").atMost(FAIL_AT.plusSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> Instant.now().isAfter(failAt));
        assertThat(recorder.rpoAlerts()).as("nothing fired during the jittered healthy phase").isEmpty();

        await("the first failed attempt").atMost(Duration.ofSeconds(80)).pollInterval(Duration.ofMillis(250))
                .until(() -> recorder.firstFailed().isPresent());
        // Until the first failed attempt, the lag is the jitter's doing alone.
        List<JsonNode> healthy = recorder.itemsBefore(recorder.firstFailed().orElseThrow());
        assertThat(healthy).as("vm-721 observed before the failure").isNotEmpty()
                .allSatisfy(i -> assertThat(i.path("state").asText()).isIn("REPLICATING", "SYNCING"));
        assertThat(healthy).as("VR itself reported a late (jittered) sync start as an RPO violation while healthy")
                .anySatisfy(i -> assertThat(i.path("vendorState").asText()).isEqualTo("RPO_VIOLATION"));

        await("ReplicationRpoBreached resolved after the recovery")
                .atMost(RECOVER_AT.minus(FAIL_AT).plusSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> recorder.rpoAlerts().stream().anyMatch(a -> a.state() == AlertState.RESOLVED));
        // Jittered syncs go on after the recovery: none of them may fire again.
        Thread.sleep(5_000);

        List<Alert> alerts = recorder.rpoAlerts();
        assertThat(alerts).extracting(Alert::state).as("%s", alerts).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
        assertThat(alerts.get(0).startsAt()).as("fired after the failure").isAfter(failAt);
        assertThat(alerts.get(0).labels()).containsEntry("site", "vr-src").containsEntry("vm", JITTERED_VM);
        assertThat(alerts.get(1).endsAt()).isAfter(started.plus(RECOVER_AT));
    }

    private static List<JsonNode> items(SitesApi api) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/replication/items?site=vr-src").ifPresent(list -> list.path("items").forEach(out::add));
        return out;
    }

    /**
     * Polls, in its own thread, the jittered item in the views (with the wall-clock time of each answer) and the
     * alerts topic (committed records only, from the beginning).
     */
    private static final class Recorder extends Thread {

        private final SitesApi api;
        private final KafkaConsumer<String, Alert> consumer;
        private final List<Observed> observed = new CopyOnWriteArrayList<>();
        private final List<Alert> alerts = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        Recorder(EmbeddedStack stack) {
            super("vsphere-replication-it-recorder");
            setDaemon(true);
            api = new SitesApi(stack.httpPort());
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), Topics.ALERTS.valueSerde().deserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.ALERTS.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        @Override
        public void run() {
            try {
                while (running) {
                    Instant at = Instant.now();
                    items(api).stream().filter(i -> i.path("vmId").asText().equals(JITTERED_VM))
                            .forEach(i -> observed.add(new Observed(at, i)));
                    for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(200))) {
                        alerts.add(r.value());
                    }
                }
            } finally {
                consumer.close();
            }
        }

        List<JsonNode> itemsBefore(Instant t) {
            return observed.stream().filter(o -> o.at().isBefore(t)).map(Observed::item).toList();
        }

        /** When the jittered item was first seen FAILED. */
        Optional<Instant> firstFailed() {
            return observed.stream().filter(o -> o.item().path("state").asText().equals("FAILED")).map(Observed::at)
                    .findFirst();
        }

        /** ReplicationRpoBreached records of the jittered item, in the order written. */
        List<Alert> rpoAlerts() {
            return alerts.stream().filter(a -> a.alertname().equals("ReplicationRpoBreached")
                    && JITTERED_VM.equals(a.labels().get("vm"))).toList();
        }

        void close() throws InterruptedException {
            running = false;
            join(10_000);
        }
    }

    private record Observed(Instant at, JsonNode item) {
    }
}
