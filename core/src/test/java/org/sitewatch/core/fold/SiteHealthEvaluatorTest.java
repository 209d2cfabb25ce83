package org.sitewatch.core.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.cluster;
import static org.sitewatch.testsupport.TestEvents.event;
import static org.sitewatch.testsupport.TestEvents.heartbeat;
import static org.sitewatch.testsupport.TestEvents.heartbeatOk;
import static org.sitewatch.testsupport.TestEvents.host;
import static org.sitewatch.testsupport.TestEvents.replicating;
import static org.sitewatch.testsupport.TestEvents.replication;
import static org.sitewatch.testsupport.TestEvents.vm;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.UnreadableScope;

/** The site rules, each judged on a site folded in memory from events (heartbeat at T0, interval 15 s). */
class SiteHealthEvaluatorTest {

    private static final Instant NOW = T0.plusSeconds(10);

    private final InMemoryEstate estate = new InMemoryEstate(HealthRules.defaultRules(), AggregateLimits.DEFAULTS);

    private SiteHealth judge(EventData... data) {
        return judge(estate, NOW, data);
    }

    private static SiteHealth judge(InMemoryEstate estate, Instant now, EventData... data) {
        for (EventData d : data) {
            estate.apply(event(d, T0), now);
        }
        return estate.health(PARIS, now);
    }

    @Test
    void shouldBeOkWhenEverythingIsFine() {
        SiteHealth health = judge(heartbeatOk(PARIS), vm(PARIS, "100", PowerState.RUNNING),
                host(PARIS, "pve1", "paris", HaHostState.HEALTHY), cluster(PARIS, "paris", 1, true),
                replicating(PARIS, "100-0", 900, T0));

        assertThat(health.status()).isEqualTo(HealthStatus.OK);
        assertThat(health.reasons()).isEmpty();
    }

    @Test
    void shouldBeUnknownWhenNoHeartbeatWasEverSeen() {
        SiteHealth health = judge(vm(PARIS, "100", PowerState.RUNNING));

        assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(health.reasons()).containsExactly("no collector heartbeat seen for site paris-dc1");
    }

    @Test
    void shouldBeUnknownWhenTheOnlyCollectorIsStale() {
        judge(heartbeatOk(PARIS));

        assertThat(estate.health(PARIS, T0.plusSeconds(45)).status()).isEqualTo(HealthStatus.OK);
        SiteHealth stale = estate.health(PARIS, T0.plusSeconds(46));
        assertThat(stale.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(stale.reasons()).containsExactly(
                "collector paris-dc1 (proxmox): no heartbeat since 2025-01-07T10:00:00Z (stale after 3 x 15 s)");
    }

    @Test
    void shouldBeUnknownWithTheCollectorsErrorWhenItFails() {
        SiteHealth health = judge(heartbeat(PARIS, CollectorStatus.ERROR, CollectorErrorKind.HTTP_5XX,
                "HTTP 500 from /cluster/status"));

        assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(health.reasons()).containsExactly("collector paris-dc1 (proxmox): HTTP_5XX: HTTP 500 from /cluster/status");
    }

    @Test
    void shouldBeUnknownWhenAuthenticationFails() {
        SiteHealth health = judge(heartbeat(PARIS, CollectorStatus.AUTH_FAILED, CollectorErrorKind.AUTH, "401 no ticket"));

        assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(health.reasons()).containsExactly("collector paris-dc1 (proxmox): AUTH: 401 no ticket");
    }

    @Test
    void shouldStillSayWhatWasLastKnownWhenUnknown() {
        SiteHealth health = judge(heartbeat(PARIS, CollectorStatus.ERROR, CollectorErrorKind.TIMEOUT, "timed out"),
                vm(PARIS, "100", PowerState.CRASHED));

        assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(health.reasons()).containsExactly("collector paris-dc1 (proxmox): TIMEOUT: timed out", "1 VM CRASHED");
    }

    @Test
    void shouldBeDegradedWhenOnlySomeCollectorsCannotSeeTheSite() {
        CollectorHeartbeat azure = new CollectorHeartbeat(PARIS, Platform.AZURE, "paris-asr", "https://management.azure.com",
                CollectorStatus.ERROR, CollectorErrorKind.CONNECT, "connection refused", 10L, null, 60, null);
        estate.apply(SitewatchEvent.observed(URI.create("/sitewatch/collectors/azure/paris"), T0, azure), NOW);

        SiteHealth health = judge(heartbeatOk(PARIS));

        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.reasons()).containsExactly("collector paris-asr (azure): CONNECT: connection refused");
    }

    @Test
    void shouldBeDegradedNamingEachScopeAPartialReadCouldNotRead() {
        CollectorHeartbeat partial = new CollectorHeartbeat(PARIS, Platform.PROXMOX, "paris-pve",
                "https://pve1.paris.example:8006/api2/json", CollectorStatus.OK, null, null, 80L, T0, 15, null, List.of(
                new UnreadableScope(EventType.REPLICATION_STATUS.typeName(), "node pve2",
                        "GET /nodes/pve2/replication answered HTTP 500: no route to host"),
                new UnreadableScope(EventType.HA_HOST.typeName(), "endpoint /cluster/ha/status/current", "HTTP 501")));

        SiteHealth health = judge(partial, vm(PARIS, "100", PowerState.RUNNING));

        assertThat(health.status()).as("the collector sees the site, not all of it: DEGRADED, not UNKNOWN")
                .isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.reasons()).containsExactly(
                "collector paris-pve (proxmox): replication of node pve2 not readable: GET /nodes/pve2/replication "
                        + "answered HTTP 500: no route to host",
                "collector paris-pve (proxmox): HA hosts of endpoint /cluster/ha/status/current not readable: HTTP 501");
        CollectorHeartbeat whole = new CollectorHeartbeat(PARIS, Platform.PROXMOX, "paris-pve",
                "https://pve1.paris.example:8006/api2/json", CollectorStatus.OK, null, null, 80L, T0, 15, null);
        assertThat(judge(whole).status()).as("read in full again").isEqualTo(HealthStatus.OK);
    }

    @Test
    void shouldBeCriticalWhenAReplicationFailed() {
        SiteHealth health = judge(heartbeatOk(PARIS),
                replication(PARIS, "100-0", ReplicationState.FAILED, ReplicationHealth.WARNING, 900L, T0));

        assertThat(health.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(health.reasons()).containsExactly("1 replicated item FAILED", "1 replicated item with health WARNING");
    }

    @Test
    void shouldBeCriticalWhenAReplicationHealthIsCritical() {
        SiteHealth health = judge(heartbeatOk(PARIS),
                replication(PARIS, "100-0", ReplicationState.REPLICATING, ReplicationHealth.CRITICAL, 900L, T0));

        assertThat(health.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(health.reasons()).containsExactly("1 replicated item with health CRITICAL");
    }

    @Test
    void shouldBeCriticalWhenAClusterHasNoQuorum() {
        SiteHealth health = judge(heartbeatOk(PARIS), cluster(PARIS, "paris", 1, false));

        assertThat(health.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(health.reasons()).containsExactly("1 HA cluster without quorum");
    }

    @Test
    void shouldBeCriticalWhenAClusterWithoutFailoverCapacityHasAHostDown() {
        SiteHealth health = judge(heartbeatOk(PARIS), cluster(PARIS, "paris", 0, true),
                host(PARIS, "pve2", "paris", HaHostState.FAILED));

        assertThat(health.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(health.reasons()).containsExactly(
                "HA cluster paris has failover capacity 0 while 1 host FAILED or ISOLATED",
                "1 HA host not HEALTHY (1 FAILED)",
                "1 HA cluster with failover capacity 0");
    }

    @Test
    void shouldBeDegradedWhenAClusterHasNoFailoverCapacity() {
        SiteHealth health = judge(heartbeatOk(PARIS), cluster(PARIS, "paris", 0, true),
                host(PARIS, "pve2", "other-cluster", HaHostState.ISOLATED));

        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.reasons()).containsExactly("1 HA host not HEALTHY (1 ISOLATED)", "1 HA cluster with failover capacity 0");
    }

    @Test
    void shouldBeDegradedWhenAReplicatedItemIsOutsideItsRpo() {
        SiteHealth health = judge(estate, T0.plusSeconds(30), heartbeatOk(PARIS),
                replicating(PARIS, "100-0", 900, T0.minusSeconds(1000)));

        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.reasons()).containsExactly("1 replicated item outside its RPO");
    }

    @Test
    void shouldBeDegradedWhenAReplicationIsPausedOrWarns() {
        SiteHealth health = judge(heartbeatOk(PARIS),
                replication(PARIS, "100-0", ReplicationState.PAUSED, ReplicationHealth.OK, 900L, T0),
                replication(PARIS, "101-0", ReplicationState.REPLICATING, ReplicationHealth.WARNING, 900L, T0));

        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.reasons()).containsExactly("1 replicated item with health WARNING", "1 replicated item PAUSED");
    }

    @Test
    void shouldBeDegradedWhenAHostIsNotHealthy() {
        SiteHealth health = judge(heartbeatOk(PARIS), host(PARIS, "pve1", "paris", HaHostState.MAINTENANCE),
                host(PARIS, "pve2", "paris", HaHostState.DEGRADED));

        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.reasons()).containsExactly("1 HA host not HEALTHY (1 DEGRADED)");
    }

    @Test
    void shouldBeDegradedWhenAVmCrashed() {
        SiteHealth health = judge(heartbeatOk(PARIS), vm(PARIS, "100", PowerState.CRASHED), vm(PARIS, "101", PowerState.CRASHED));

        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.reasons()).containsExactly("2 VMs CRASHED");
    }

    @Test
    void shouldApplyAPerSiteStalenessOverride() {
        HealthRules rules = new HealthRules(SiteRules.DEFAULTS, Map.of(PARIS, new SiteRules(10)));
        InMemoryEstate lenient = new InMemoryEstate(rules, AggregateLimits.DEFAULTS);

        SiteHealth health = judge(lenient, T0.plusSeconds(100), heartbeatOk(PARIS));

        // Stale after 10 x 15 s = 150 s for this site instead of 45 s.
        assertThat(health.status()).isEqualTo(HealthStatus.OK);
        assertThat(lenient.health(PARIS, T0.plusSeconds(151)).status()).isEqualTo(HealthStatus.UNKNOWN);
    }
}
