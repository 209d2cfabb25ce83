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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;
import org.sitewatch.events.Topics;

/**
 * Azure Site Recovery through the simulator's Azure front (token endpoint and ARM over HTTPS), the
 * real Azure collector (Azure SDK), broker, streams app and alerts topic, in one stack:
 * <ul>
 *   <li>vault rsv-weu (site azure-weu, cloud azure, region westeurope) protects sql01 from the
 *       on-premises Hyper-V host hv-paris (site paris) into westeurope: the pair
 *       {@code paris -> azure-weu}. Its replication fails at {@link #FAIL_AT} and recovers at
 *       {@link #RECOVER_AT}. Syncing every 3 s its lag stays under 4 s; after the failure it grows
 *       past the 12 s target RPO and stays there for longer than the 5 s grace, so
 *       ReplicationRpoBreached fires once; the first successful retry after the recovery (pvesr's
 *       back-off: 5, 10, 15 s) brings the lag under 0.8 × 12 s and it resolves once.</li>
 *   <li>vault rsv-neu (site azure-neu) protects web01 from lyon: its link is failed over at
 *       {@link #FAILOVER_AT} (the simulator's replication-failover step: replica active, replication
 *       stopped, ASR's activeLocation Recovery) and fails back at {@link #FAILBACK_AT}. While failed
 *       over the item is FAILED_OVER in the views and the pair {@code lyon -> azure-neu}, with no item
 *       replicated any more, is NOT_READY; after the failback the item replicates again (OK) and the
 *       pair is no longer NOT_READY (AT_RISK only for its untested item, as test failovers are required).</li>
 *   <li>rsv-neu then answers every ARM call 429 with Retry-After 10 s from
 *       {@link #THROTTLED_AT} for 30 s. That is longer than its 3 s request time-out, so the SDK
 *       does not wait and the site names the throttling while rsv-weu reads on. It has no target
 *       RPO: the views age an unreadable item's last recovery point, so a throttled vault would
 *       breach a 12 s RPO too.</li>
 * </ul>
 * The stack answers within about 20 s, and alerts are read from the topic's beginning, so the
 * order holds whatever the start-up time. About a minute in all.
 */
class AzureEndToEndIT {

    private static final Duration FAIL_AT = Duration.ofSeconds(15);
    private static final Duration RECOVER_AT = Duration.ofSeconds(35);
    private static final Duration THROTTLED_AT = Duration.ofSeconds(45);
    /** Scenario times: failed over before the stack answers (about 20 s) and back before the throttling. */
    private static final Duration FAILOVER_AT = Duration.ofSeconds(12);
    private static final Duration FAILBACK_AT = Duration.ofSeconds(38);

    private static final String SCENARIO = """
            clusters:
              - name: rsv-weu
                platform: azure
                site: azure-weu
                cloud: azure
                region: westeurope
                provider: HyperVReplicaAzure
                nodes:
                  - { name: hv-paris, site: paris }
                  - { name: westeurope }
                vms:
                  - { vmid: 100, name: sql01, node: hv-paris }
                replication:
                  - { guest: 100, target: westeurope, syncEverySeconds: 3, syncDuration: 500ms, retryUnitSeconds: 1 }
              - name: rsv-neu
                platform: azure
                site: azure-neu
                cloud: azure
                region: northeurope
                provider: InMageRcm
                retry-after: 10s
                nodes:
                  - { name: vcsa-lyon, site: lyon }
                  - { name: northeurope }
                vms:
                  - { vmid: 200, name: web01, node: vcsa-lyon }
                replication:
                  - { guest: 200, target: northeurope, syncEverySeconds: 3, syncDuration: 500ms, retryUnitSeconds: 1 }
            timeline:
              - { at: %ds, cluster: rsv-weu, action: replication-fail, job: 100-0,
                  error: "Hyper-V Replica could not send the replication log to Azure" }
              - { at: %ds, cluster: rsv-weu, action: replication-recover, job: 100-0 }
              - { at: %ds, cluster: rsv-neu, action: replication-failover, job: 200-0 }
              - { at: %ds, cluster: rsv-neu, action: replication-failback, job: 200-0 }
              - { at: %ds, cluster: rsv-neu, action: api-fault, kind: http429, path: /subscriptions, duration: 30s }
            """.formatted(FAIL_AT.toSeconds(), RECOVER_AT.toSeconds(), FAILOVER_AT.toSeconds(), FAILBACK_AT.toSeconds(),
                    THROTTLED_AT.toSeconds());

    @TempDir
    Path dataDir;

    private EmbeddedStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anOnPremisesSiteProtectedIntoAnAzureRegionItsRpoBreachOnceAndAThrottledVaultBesideIt() {
        Instant started = Instant.now();
        stack = FastStack.start(dataDir, SCENARIO, Map.of(
                "sitewatch.alerts.rpo-grace", "5s",
                "sitewatch.collectors.endpoints[0].target-rpo", "12s",
                "sitewatch.collectors.endpoints[1].timeout", "3s"));
        SitesApi api = new SitesApi(stack.httpPort());

        await("the pairs paris -> azure-weu and lyon -> azure-neu, one ASR item each").atMost(THROTTLED_AT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/site-pairs/paris/azure-weu").filter(p -> p.path("items").path("total").asLong() == 1)
                        .isPresent() && api.get("/api/site-pairs/lyon/azure-neu").isPresent());
        JsonNode azure = api.site("azure-weu").orElseThrow();
        assertThat(azure.path("location").path("cloud").asText()).as("%s", azure).isEqualTo("azure");
        assertThat(azure.path("location").path("region").asText()).as("%s", azure).isEqualTo("westeurope");
        JsonNode item = api.get("/api/replication/items?site=azure-weu").orElseThrow().path("items").get(0);
        assertThat(item.path("technology").asText()).as("%s", item).isEqualTo("asr");
        assertThat(item.path("sourceSite").asText()).isEqualTo("paris");
        assertThat(item.path("targetSite").asText()).isEqualTo("azure-weu");

        // The scenario's clock starts inside the stack's start, some seconds after 'started': the failover lasts
        // from FAILOVER_AT to FAILBACK_AT on that clock, so this wait is bounded by the start-up's, not by FAILBACK_AT.
        await("web01 failed over: FAILED_OVER in the views, its pair NOT_READY").atMost(THROTTLED_AT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> itemState(api, "azure-neu").equals("FAILED_OVER")
                        && readiness(api, "lyon", "azure-neu").equals("NOT_READY"));
        JsonNode failedOver = api.get("/api/site-pairs/lyon/azure-neu").orElseThrow();
        assertThat(failedOver.path("items").path("byState").path("FAILED_OVER").asLong()).as("%s", failedOver).isEqualTo(1);
        assertThat(failedOver.path("reasons").toString()).as("%s", failedOver)
                .contains("no item is replicated from lyon to azure-neu");
        await("web01 failed back: replicating again, its pair no longer NOT_READY").atMost(THROTTLED_AT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> itemState(api, "azure-neu").equals("REPLICATING")
                        && !readiness(api, "lyon", "azure-neu").equals("NOT_READY"));
        JsonNode failedBack = api.get("/api/site-pairs/lyon/azure-neu").orElseThrow();
        assertThat(failedBack.path("items").path("byState").path("FAILED_OVER").asLong()).as("%s", failedBack).isZero();
        assertThat(failedBack.path("items").path("byHealth").path("OK").asLong()).as("%s", failedBack).isEqualTo(1);
        assertThat(failedBack.path("reasons").toString()).as("%s", failedBack).doesNotContain("FAILED_OVER")
                .doesNotContain("no item is replicated");

        await("rsv-neu throttled, named on its site").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.site("azure-neu").map(s -> s.path("reasons").toString()).orElse("").contains("429"));
        JsonNode weu = api.site("azure-weu").orElseThrow();
        assertThat(weu.path("reasons").toString()).as("rsv-weu unaffected: %s", weu).doesNotContain("429");
        assertThat(Instant.now()).as("seen while the fault lasts").isBefore(started.plus(THROTTLED_AT).plusSeconds(30));

        try (KafkaConsumer<String, Alert> alerts = alertsFromTheBeginning()) {
            List<Alert> rpo = new ArrayList<>();
            await("ReplicationRpoBreached fired and resolved").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        for (ConsumerRecord<String, Alert> r : alerts.poll(Duration.ofMillis(200))) {
                            if (isRpoBreachOfWeu(r.value())) {
                                rpo.add(r.value());
                            }
                        }
                        return rpo.stream().anyMatch(a -> a.state() == AlertState.RESOLVED);
                    });
            // Healthy syncs go on after the recovery: none of them may fire again.
            Instant quiet = Instant.now().plusSeconds(4);
            while (Instant.now().isBefore(quiet)) {
                alerts.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (isRpoBreachOfWeu(r.value())) {
                        rpo.add(r.value());
                    }
                });
            }
            assertThat(rpo).extracting(Alert::state).as("%s", rpo).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            assertThat(rpo.get(0).labels()).containsEntry("peer_site", "paris").containsEntry("platform", "azure");
            assertThat(rpo.get(0).startsAt()).as("fired after the failure").isAfter(started.plus(FAIL_AT));
            assertThat(rpo.get(1).endsAt()).as("resolved after the recovery").isAfter(started.plus(RECOVER_AT));
        }
        assertThat(api.get("/api/site-pairs/paris/azure-weu").map(p -> p.path("items").path("total").asLong()))
                .isEqualTo(Optional.of(1L));
    }

    /** The state of the site's one replicated item, or "" while the views cannot say. */
    private static String itemState(SitesApi api, String site) {
        return api.get("/api/replication/items?site=" + site).map(r -> r.path("items").path(0).path("state").asText())
                .orElse("");
    }

    private static String readiness(SitesApi api, String source, String target) {
        return api.get("/api/site-pairs/" + source + "/" + target).map(p -> p.path("readiness").asText()).orElse("");
    }

    private static boolean isRpoBreachOfWeu(Alert alert) {
        return alert.alertname().equals("ReplicationRpoBreached") && "azure-weu".equals(alert.labels().get("site"));
    }

    private KafkaConsumer<String, Alert> alertsFromTheBeginning() {
        KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), Topics.ALERTS.valueSerde().deserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.ALERTS.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
