package org.sitewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.LYON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.action;
import static org.sitewatch.testsupport.TestEvents.cluster;
import static org.sitewatch.testsupport.TestEvents.event;
import static org.sitewatch.testsupport.TestEvents.heartbeatOk;
import static org.sitewatch.testsupport.TestEvents.host;
import static org.sitewatch.testsupport.TestEvents.replicating;
import static org.sitewatch.testsupport.TestEvents.replication;
import static org.sitewatch.testsupport.TestEvents.vm;
import static org.sitewatch.testsupport.TestEvents.vmRemoved;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.Counters;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.HealthStatus;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;
import org.sitewatch.streams.support.TopologyFixture;

/** The topology in a TopologyTestDriver: what ends up in the stores. Wall clock starts at T0. */
class SitewatchTopologyTest {

    @TempDir
    Path stateDir;

    private TopologyFixture fx;

    @BeforeEach
    void startDriver() {
        fx = new TopologyFixture(stateDir);
    }

    @AfterEach
    void closeDriver() {
        fx.close();
    }

    @Test
    void shouldFoldEachEventTypeIntoItsStoreAndTheSiteAggregate() {
        fx.pipe(heartbeatOk(PARIS), T0);
        fx.pipe(vm(PARIS, "100", PowerState.RUNNING), T0);
        fx.pipe(host(PARIS, "pve1", "paris", HaHostState.HEALTHY), T0);
        fx.pipe(cluster(PARIS, "paris", 1, true), T0);
        fx.pipe(replicating(PARIS, "100-0", 900, T0), T0);
        fx.pipe(action(PARIS, "vm:100@1", "100", HaActionKind.MIGRATE), T0);

        assertThat(fx.<VmState>entity(EntityKind.VM, PARIS + "/100").data().power()).isEqualTo(PowerState.RUNNING);
        assertThat(fx.entity(EntityKind.HA_HOST, PARIS + "/pve1")).isNotNull();
        assertThat(fx.entity(EntityKind.HA_CLUSTER, PARIS + "/paris")).isNotNull();
        assertThat(fx.entity(EntityKind.REPLICATION, PARIS + "/100-0")).isNotNull();
        assertThat(fx.entity(EntityKind.COLLECTOR, PARIS + "/" + PARIS)).isNotNull();
        SiteAggregate site = fx.site(PARIS);
        assertThat(site.count(Counters.vmPower(PowerState.RUNNING))).isEqualTo(1);
        assertThat(site.count(Counters.hostState(HaHostState.HEALTHY))).isEqualTo(1);
        assertThat(site.count(Counters.HA_CLUSTERS)).isEqualTo(1);
        assertThat(site.count(Counters.replicationState(ReplicationState.REPLICATING))).isEqualTo(1);
        assertThat(site.collectors()).containsOnlyKeys(PARIS);
        assertThat(site.recentHaActions()).hasSize(1);
        assertThat(site.health().status()).isEqualTo(HealthStatus.OK);
    }

    @Test
    void shouldKeepTheNewestStateWhenEventsArriveOutOfOrder() {
        fx.pipe(vm(PARIS, "100", PowerState.STOPPED), T0.plusSeconds(60));
        fx.pipe(vm(PARIS, "100", PowerState.RUNNING), T0);

        assertThat(fx.<VmState>entity(EntityKind.VM, PARIS + "/100").data().power()).isEqualTo(PowerState.STOPPED);
        assertThat(fx.site(PARIS).count(Counters.vmPower(PowerState.STOPPED))).isEqualTo(1);
        assertThat(fx.site(PARIS).count(Counters.vmPower(PowerState.RUNNING))).isZero();
    }

    @Test
    void shouldCountADuplicateEventOnce() {
        SitewatchEvent crash = event(vm(PARIS, "100", PowerState.CRASHED), T0);
        SitewatchEvent fence = event(action(PARIS, "vm:100@1", "100", HaActionKind.FENCE), T0);

        fx.pipe(crash);
        fx.pipe(fence);
        fx.pipe(crash);
        fx.pipe(fence);

        assertThat(fx.site(PARIS).count(Counters.VMS)).isEqualTo(1);
        assertThat(fx.site(PARIS).problemCount()).isEqualTo(1);
        assertThat(fx.site(PARIS).recentHaActions()).hasSize(1);
    }

    @Test
    void shouldDropARemovedVmFromTheSiteCounts() {
        fx.pipe(vm(PARIS, "100", PowerState.RUNNING), T0);
        fx.pipe(vmRemoved(PARIS, "100"), T0.plusSeconds(5));

        assertThat(fx.site(PARIS).counts()).isEmpty();
        assertThat(fx.entity(EntityKind.VM, PARIS + "/100").removed()).isTrue();
    }

    @Test
    void shouldMakeTheSiteCriticalWhenReplicationFailsAndOkWhenItRecovers() {
        fx.pipe(heartbeatOk(PARIS), T0);
        fx.pipe(replication(PARIS, "100-0", ReplicationState.FAILED, ReplicationHealth.CRITICAL, 900L, T0.minusSeconds(60)), T0);

        SiteAggregate failed = fx.site(PARIS);
        assertThat(failed.health().status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(failed.problems().get("replication/" + PARIS + "/100-0").reason()).contains("FAILED", "zfs recv");

        fx.pipe(replicating(PARIS, "100-0", 900, T0.plusSeconds(5)), T0.plusSeconds(10));

        SiteAggregate recovered = fx.site(PARIS);
        assertThat(recovered.health().status()).isEqualTo(HealthStatus.OK);
        assertThat(recovered.problems()).isEmpty();
    }

    @Test
    void shouldDetectAnRpoCrossingByWallClockWithoutANewEvent() {
        fx.pipe(heartbeatOk(PARIS), T0);
        fx.pipe(replicating(PARIS, "100-0", 900, T0), T0);
        assertThat(fx.deadlines().approximateNumEntries()).isEqualTo(1);

        // Keep the collector fresh so that only the RPO speaks.
        fx.advance(Duration.ofSeconds(895));
        fx.pipe(heartbeatOk(PARIS), T0.plusSeconds(895));
        assertThat(fx.site(PARIS).count(Counters.REPLICATION_OUTSIDE_RPO)).isZero();
        fx.advance(Duration.ofSeconds(10));

        EntityRecord<?> item = fx.entity(EntityKind.REPLICATION, PARIS + "/100-0");
        assertThat(item.contribution().count(Counters.REPLICATION_OUTSIDE_RPO)).isEqualTo(1);
        assertThat(fx.site(PARIS).count(Counters.REPLICATION_OUTSIDE_RPO)).isEqualTo(1);
        assertThat(fx.site(PARIS).health().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(fx.site(PARIS).health().reasons()).containsExactly("1 replicated item outside its RPO");
        assertThat(fx.deadlines().approximateNumEntries()).isZero();
    }

    @Test
    void shouldMoveTheDeadlineWhenANewRecoveryPointArrives() {
        fx.pipe(replicating(PARIS, "100-0", 900, T0), T0);
        fx.pipe(replicating(PARIS, "100-0", 900, T0.plusSeconds(300)), T0.plusSeconds(300));

        List<String> keys = new java.util.ArrayList<>();
        fx.deadlines().all().forEachRemaining(kv -> keys.add(kv.key));
        assertThat(keys).containsExactly(DeadlineKeys.of(T0.plusSeconds(1200).plusMillis(1), PARIS + "/100-0"));

        fx.advance(Duration.ofSeconds(1000));
        assertThat(fx.site(PARIS).count(Counters.REPLICATION_OUTSIDE_RPO)).isZero();
    }

    @Test
    void shouldTurnASiteUnknownWhenItsCollectorGoesSilent() {
        fx.pipe(heartbeatOk(PARIS), T0);
        fx.pipe(heartbeatOk(LYON), T0);
        assertThat(fx.site(PARIS).health().status()).isEqualTo(HealthStatus.OK);

        fx.advance(Duration.ofSeconds(40));
        fx.pipe(heartbeatOk(LYON), T0.plusSeconds(40));
        fx.advance(Duration.ofSeconds(10));

        assertThat(fx.site(PARIS).health().status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(fx.site(PARIS).health().reasons()).singleElement().asString().contains("no heartbeat since");
        assertThat(fx.site(LYON).health().status()).isEqualTo(HealthStatus.OK);
    }

    @Test
    void shouldAgreeWithTheInMemoryFoldOfTheSameEvents() {
        List<SitewatchEvent> events = List.of(
                event(heartbeatOk(PARIS), T0),
                event(vm(PARIS, "100", PowerState.RUNNING), T0),
                event(vm(PARIS, "101", PowerState.CRASHED), T0.plusSeconds(1)),
                event(vm(PARIS, "100", PowerState.STOPPED), T0.plusSeconds(3)),
                event(vm(PARIS, "100", PowerState.PAUSED), T0.plusSeconds(2)),
                event(host(PARIS, "pve2", "paris", HaHostState.FAILED), T0),
                event(cluster(PARIS, "paris", 0, true), T0),
                event(replication(PARIS, "100-0", ReplicationState.PAUSED, ReplicationHealth.WARNING, 900L, T0), T0),
                event(action(PARIS, "vm:101@1", "101", HaActionKind.RESTART), T0.plusSeconds(2)));
        InMemoryEstate replay = new InMemoryEstate(HealthRules.defaultRules(), AggregateLimits.DEFAULTS);

        events.forEach(fx::pipe);
        events.forEach(e -> replay.apply(e, T0));

        SiteAggregate live = fx.site(PARIS);
        SiteAggregate replayed = replay.site(PARIS).orElseThrow();
        assertThat(live.withHealth(null)).isEqualTo(replayed);
        assertThat(live.health().sameVerdict(replay.health(PARIS, T0))).isTrue();
    }
}
