package org.sitewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.cluster;
import static org.sitewatch.testsupport.TestEvents.heartbeatOk;
import static org.sitewatch.testsupport.TestEvents.host;
import static org.sitewatch.testsupport.TestEvents.replicating;
import static org.sitewatch.testsupport.TestEvents.vm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.core.fold.Counters;
import org.sitewatch.core.fold.HealthStatus;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.support.TopologyFixture;

/** Site verdicts in the stores and on the compacted site-health topic. Wall clock starts at T0. */
class SiteHealthTopologyTest {

    @TempDir
    Path stateDir;

    private TopologyFixture fx;
    private TestOutputTopic<String, SiteHealthView> health;

    @BeforeEach
    void startDriver() {
        fx = new TopologyFixture(stateDir);
        health = fx.driver.createOutputTopic(Topics.SITE_HEALTH.name(), new StringDeserializer(),
                Topics.SITE_HEALTH.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        fx.close();
    }

    @Test
    void shouldPublishAVerdictChangeAtOnceAndCountChangesOncePerPunctuation() {
        fx.pipe(heartbeatOk(PARIS), T0);
        assertThat(health.readValuesToList()).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo("OK"));

        // Ten VMs, no verdict change: nothing now, one record with the final counts at the next punctuation.
        for (int i = 0; i < 10; i++) {
            fx.pipe(vm(PARIS, Integer.toString(100 + i), PowerState.RUNNING), T0.plusSeconds(1));
        }
        assertThat(health.isEmpty()).isTrue();
        fx.advance(Duration.ofSeconds(10));
        fx.pipe(heartbeatOk(PARIS), T0.plusSeconds(10));
        List<KeyValue<String, SiteHealthView>> afterTick = health.readKeyValuesToList();
        assertThat(afterTick).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(PARIS);
            assertThat(kv.value.counts().vms().total()).isEqualTo(10);
            assertThat(kv.value.counts().vms().haProtected()).isEqualTo(10);
        });

        // A crash changes the verdict: published with the event, not at the next tick.
        fx.pipe(vm(PARIS, "100", PowerState.CRASHED), T0.plusSeconds(12));
        assertThat(health.readValuesToList()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo("DEGRADED");
            assertThat(v.reasons()).containsExactly("1 VM CRASHED");
            assertThat(v.counts().replication().worstLagSeconds()).isNull();
        });

        // Nothing changed: the punctuation sends nothing.
        fx.advance(Duration.ofSeconds(10));
        fx.pipe(heartbeatOk(PARIS), T0.plusSeconds(22));
        fx.advance(Duration.ofSeconds(10));
        assertThat(health.isEmpty()).isTrue();
    }

    @Test
    void shouldPublishWhereTheSiteRunsFromItsCollectorsLocation() {
        SiteLocation sddc = new SiteLocation("aws", "eu-central-1");
        fx.pipe(new CollectorHeartbeat("vmc-frankfurt", Platform.VSPHERE, "vmc-frankfurt", "https://vc.vmc.example/sdk",
                CollectorStatus.OK, null, null, 80L, T0, 15, null, List.of(), sddc), T0);
        fx.pipe(heartbeatOk(PARIS), T0);

        assertThat(fx.site("vmc-frankfurt").collectors().get("vmc-frankfurt").location()).isEqualTo(sddc);
        assertThat(health.readKeyValuesToList()).extracting(kv -> kv.key + " " + kv.value.location())
                .containsExactly("vmc-frankfurt " + sddc, PARIS + " null");

        // The endpoint is moved to another region: the next punctuation publishes the new location.
        SiteLocation moved = new SiteLocation("aws", "eu-west-1");
        fx.pipe(new CollectorHeartbeat("vmc-frankfurt", Platform.VSPHERE, "vmc-frankfurt", "https://vc.vmc.example/sdk",
                CollectorStatus.OK, null, null, 80L, T0, 15, null, List.of(), moved), T0.plusSeconds(5));
        fx.advance(Duration.ofSeconds(10));
        assertThat(health.readValuesToList()).singleElement().satisfies(v -> assertThat(v.location()).isEqualTo(moved));
    }

    @Test
    void shouldPublishASilentCollectorTurningItsSiteUnknown() {
        fx.pipe(heartbeatOk(PARIS), T0);
        health.readValuesToList();

        fx.advance(Duration.ofSeconds(50));

        assertThat(fx.site(PARIS).health().status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(health.readValuesToList()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo("UNKNOWN");
            assertThat(v.collectors()).singleElement().satisfies(c -> assertThat(c.stale()).isTrue());
        });
    }

    @Test
    void shouldMakeASiteCriticalWhenAHostFailureTakesFailoverCapacityToZero() {
        fx.pipe(heartbeatOk(PARIS), T0);
        for (String h : List.of("pve1", "pve2", "pve3")) {
            fx.pipe(host(PARIS, h, "paris", HaHostState.HEALTHY), T0);
        }
        fx.pipe(cluster(PARIS, "paris", 1, true), T0);
        assertThat(fx.site(PARIS).health().status()).isEqualTo(HealthStatus.OK);

        fx.pipe(host(PARIS, "pve2", "paris", HaHostState.FAILED), T0.plusSeconds(5));
        fx.pipe(cluster(PARIS, "paris", 0, true), T0.plusSeconds(6));

        assertThat(fx.site(PARIS).count(Counters.clusterCapacity(0))).isEqualTo(1);
        assertThat(fx.site(PARIS).count(Counters.hostState(HaHostState.FAILED))).isEqualTo(1);
        assertThat(fx.site(PARIS).health().status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(fx.site(PARIS).health().reasons())
                .contains("HA cluster paris has failover capacity 0 while 1 host FAILED or ISOLATED");
        List<SiteHealthView> published = health.readValuesToList();
        assertThat(published.get(published.size() - 1).status()).isEqualTo("CRITICAL");
        assertThat(published.get(published.size() - 1).counts().haClusters().failoverCapacityLost()).isEqualTo(1);
    }

    @Test
    void shouldCrossTheRpoOutAndBackInWithTheSiteVerdict() {
        fx.pipe(heartbeatOk(PARIS), T0);
        fx.pipe(replicating(PARIS, "100-0", 900, T0), T0);

        fx.advance(Duration.ofSeconds(895));
        fx.pipe(heartbeatOk(PARIS), T0.plusSeconds(895));
        fx.advance(Duration.ofSeconds(10));
        assertThat(fx.site(PARIS).count(Counters.REPLICATION_OUTSIDE_RPO)).isEqualTo(1);
        assertThat(fx.site(PARIS).health().status()).isEqualTo(HealthStatus.DEGRADED);

        fx.pipe(replicating(PARIS, "100-0", 900, T0.plusSeconds(900)), T0.plusSeconds(906));

        assertThat(fx.site(PARIS).count(Counters.REPLICATION_OUTSIDE_RPO)).isZero();
        assertThat(fx.site(PARIS).health().status()).isEqualTo(HealthStatus.OK);
        List<KeyValue<String, String>> deadlines = new java.util.ArrayList<>();
        fx.deadlines().all().forEachRemaining(deadlines::add);
        assertThat(deadlines).singleElement()
                .satisfies(kv -> assertThat(kv.key).isEqualTo(DeadlineKeys.of(T0.plusSeconds(1800).plusMillis(1), PARIS + "/100-0")));
        List<SiteHealthView> views = health.readValuesToList();
        assertThat(views).extracting(SiteHealthView::status).containsSubsequence("OK", "DEGRADED", "OK");
    }
}
