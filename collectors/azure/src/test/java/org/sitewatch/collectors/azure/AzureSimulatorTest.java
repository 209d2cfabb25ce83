package org.sitewatch.collectors.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.events.VmState;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The real collector, made by its factory from the endpoints the simulator describes, against the
 * simulator's Azure front (token endpoint and ARM over HTTPS on 127.0.0.1, with the certificate the
 * simulator made) and a manual scenario clock: two vaults, each provider type, a list over two pages,
 * a failing link, a throttled vault beside one that reads, refused credentials and tokens expiring,
 * targets from the vaults' replication policies, and a link failed over and back.
 */
class AzureSimulatorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SCENARIO = """
            name: azure-collector-test
            clusters:
              - name: rsv-weu
                platform: azure
                site: azure-weu
                cloud: azure
                region: westeurope
                regions: westeurope, northeurope
                resource-group: rg-dr
                page-size: 2
                token-lifetime: 2s
                rpo-threshold: 30m
                providers: "102-0=InMageRcm"
                nodes:
                  - { name: hv-paris, site: paris }
                  - { name: westeurope }
                  - { name: northeurope, site: azure-neu }
                vms:
                  - { vmid: 100, name: app01, node: westeurope }
                  - { vmid: 101, name: sql01, node: hv-paris }
                  - { vmid: 102, name: web01, node: hv-paris }
                replication:
                  - { guest: 100, target: northeurope, syncEverySeconds: 30, syncDuration: 2s, retryUnitSeconds: 1 }
                  - { guest: 101, target: westeurope, syncEverySeconds: 30, syncDuration: 2s, retryUnitSeconds: 1 }
                  - { guest: 102, target: westeurope, syncEverySeconds: 30, syncDuration: 2s, retryUnitSeconds: 1 }
              - name: rsv-neu
                platform: azure
                site: azure-neu
                cloud: azure
                region: northeurope
                retry-after: 60s
                nodes:
                  - { name: hv-lyon, site: lyon }
                  - { name: northeurope }
                vms:
                  - { vmid: 200, name: file01, node: hv-lyon }
                replication:
                  - { guest: 200, target: northeurope, syncEverySeconds: 30, syncDuration: 2s, retryUnitSeconds: 1 }
            timeline:
              - { at: 50s, cluster: rsv-weu, action: test-failover, job: 100-0 }
              - { at: 100s, cluster: rsv-weu, action: replication-fail, job: 101-0, error: "Hyper-V Replica failed to send the log" }
              - { at: 200s, cluster: rsv-neu, action: api-fault, kind: http429, path: /subscriptions, duration: 60s }
              - { at: 300s, cluster: rsv-weu, action: api-fault, kind: auth, duration: 60s }
              - { at: 400s, cluster: rsv-weu, action: api-fault, kind: http500, duration: 60s,
                  path: /subscriptions/*/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/vaults/rsv-weu/replicationPolicies }
              - { at: 500s, cluster: rsv-neu, action: replication-failover, job: 200-0 }
              - { at: 600s, cluster: rsv-neu, action: replication-failback, job: 200-0 }
            """;

    private final ManualClock clock = new ManualClock(T0);
    private Simulator simulator;
    private final List<AutoCloseable> collectors = new ArrayList<>();

    @BeforeEach
    void start() {
        simulator = Simulator.builder(Scenario.parse(SCENARIO)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofMillis(1500)).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : collectors) {
            c.close();
        }
        simulator.close();
    }

    @Test
    void readsEachProviderTypeOverTwoPagesWithSitesFromTheScenario() throws Exception {
        PollingSource weu = collector("rsv-weu");
        advance(60);
        Snapshot s = weu.poll();

        assertThat(s.unreadable()).isEmpty();
        assertThat(s.skipped()).isEmpty();
        // Three items at two per page: the second page came over nextLink.
        assertThat(replications(s)).extracting(ReplicationStatus::name, ReplicationStatus::sourceSite,
                ReplicationStatus::targetSite, ReplicationStatus::state, ReplicationStatus::health).containsExactlyInAnyOrder(
                tuple("app01", "azure-weu", "azure-neu", ReplicationState.REPLICATING, ReplicationHealth.OK),
                tuple("sql01", "paris", "azure-weu", ReplicationState.REPLICATING, ReplicationHealth.OK),
                tuple("web01", "paris", "azure-weu", ReplicationState.REPLICATING, ReplicationHealth.OK));
        assertThat(replications(s)).allSatisfy(r -> {
            assertThat(r.technology()).isEqualTo("asr");
            assertThat(r.platform()).isEqualTo(Platform.AZURE);
            // Synced every 30 s: the last recovery point is at most one interval (plus a sync) old.
            assertThat(r.lagSeconds()).isBetween(0L, 32L);
        });
        assertThat(replication(s, "app01").lastTestFailover()).isEqualTo(T0.plusSeconds(50));
        assertThat(replication(s, "sql01").lastTestFailover()).isNull();
        assertThat(replication(s, "sql01").itemId()).contains("/replicationfabrics/hv-paris/")
                .startsWith("/subscriptions/");
        assertThat(s.states().stream().filter(VmState.class::isInstance).map(VmState.class::cast))
                .extracting(VmState::name, VmState::power)
                .containsExactlyInAnyOrder(tuple("app01", PowerState.RUNNING), tuple("app01-asr", PowerState.STOPPED));
    }

    @Test
    void aFailingLinkIsCriticalWithItsHealthErrorAndItsRpoGrows() throws Exception {
        PollingSource weu = collector("rsv-weu");
        advance(90);
        long before = replication(weu.poll(), "sql01").lagSeconds();
        advance(300);
        Snapshot s = weu.poll();

        ReplicationStatus sql = replication(s, "sql01");
        assertThat(sql.health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(sql.error()).contains("150004: Replication is failing");
        assertThat(sql.lagSeconds()).isGreaterThan(before + 250);
        assertThat(replication(s, "web01").health()).isEqualTo(ReplicationHealth.OK);
        assertThat(replication(s, "web01").lagSeconds()).isLessThan(40);
    }

    @Test
    void anA2aItemIsHeldToItsPolicysThresholdAndTheOthersToTheConfiguredTarget() throws Exception {
        PollingSource weu = collector("rsv-weu");
        advance(60);
        Snapshot s = weu.poll();

        assertThat(replication(s, "app01").targetRpoSeconds()).as("A2A policy, rpo-threshold 30m").isEqualTo(1800L);
        assertThat(replication(s, "sql01").targetRpoSeconds()).as("HyperVReplicaAzure: no threshold").isEqualTo(120L);
        assertThat(replication(s, "web01").targetRpoSeconds()).as("InMageRcm: no threshold").isEqualTo(120L);
        assertThat(s.unreadable()).isEmpty();
    }

    @Test
    void policiesThatCannotBeReadLeaveTheItemsFlowingWithTheirLastKnownTargets() throws Exception {
        PollingSource weu = collector("rsv-weu", Map.of("policy-every", "1"));
        advance(60);
        assertThat(replication(weu.poll(), "app01").targetRpoSeconds()).isEqualTo(1800L);
        advance(345);
        Snapshot s = weu.poll();

        assertThat(s.unreadable()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(EventType.REPLICATION_STATUS);
            assertThat(p.scope().name()).isEqualTo("replication policies of vault rg-dr/rsv-weu");
            assertThat(p.reason()).contains("500").contains("last known target RPO");
        });
        assertThat(replications(s)).hasSize(3);
        assertThat(replication(s, "app01").targetRpoSeconds()).as("kept from the last read").isEqualTo(1800L);
        assertThat(replication(s, "sql01").health()).as("items still update").isEqualTo(ReplicationHealth.CRITICAL);
    }

    @Test
    void policiesNeverReadGiveTheConfiguredTargetUntilTheyAre() throws Exception {
        PollingSource weu = collector("rsv-weu");
        advance(405);
        Snapshot during = weu.poll();
        assertThat(during.unreadable()).singleElement().satisfies(p -> assertThat(p.reason()).contains("500"));
        assertThat(replication(during, "app01").targetRpoSeconds()).as("the endpoint's target-rpo").isEqualTo(120L);

        advance(60);
        Snapshot after = weu.poll();
        assertThat(after.unreadable()).isEmpty();
        assertThat(replication(after, "app01").targetRpoSeconds()).as("read again at once: its policy was unknown")
                .isEqualTo(1800L);
    }

    @Test
    void aThrottledVaultFailsItsPollWithTheReasonWhileTheOtherVaultReads() throws Exception {
        PollingSource weu = collector("rsv-weu");
        PollingSource neu = collector("rsv-neu");
        advance(210);

        // Retry-After 60 s is longer than the request time-out: not waited for, reported as throttled.
        assertThatThrownBy(neu::poll).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.getMessage()).contains("rsv-neu").contains("429");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
        });
        assertThat(replications(weu.poll())).hasSize(3);
        advance(60);
        assertThat(replications(neu.poll())).extracting(ReplicationStatus::name, ReplicationStatus::sourceSite,
                ReplicationStatus::targetSite).containsExactly(tuple("file01", "lyon", "azure-neu"));
    }

    @Test
    void aFailedOverItemIsFailedOverUntilItFailsBack() throws Exception {
        PollingSource neu = collector("rsv-neu");
        advance(505);
        ReplicationStatus failedOver = replication(neu.poll(), "file01");
        assertThat(failedOver.state()).isEqualTo(ReplicationState.FAILED_OVER);
        assertThat(failedOver.health()).isEqualTo(ReplicationHealth.OK);
        assertThat(failedOver.vendorState()).isEqualTo("UnplannedFailoverCommitted");
        assertThat(failedOver.error()).isNull();

        advance(100);
        ReplicationStatus back = replication(neu.poll(), "file01");
        assertThat(back.state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(back.health()).isEqualTo(ReplicationHealth.OK);
        assertThat(back.lastRecoveryPoint()).as("synced at the failback").isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void refusedCredentialsFailThePollAsAuth() throws Exception {
        PollingSource weu = collector("rsv-weu");
        advance(310);

        assertThatThrownBy(weu::poll).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.permanent()).isTrue();
        });
    }

    @Test
    void tokensThatExpireAreRenewed() throws Exception {
        PollingSource weu = collector("rsv-weu");
        advance(40);
        assertThat(replications(weu.poll())).hasSize(3);
        // token-lifetime is 2 s of wall-clock time: the front now refuses the first token as expired.
        Thread.sleep(2200);
        assertThat(replications(weu.poll())).hasSize(3);
    }

    private void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        simulator.tick();
    }

    private PollingSource collector(String cluster) throws CollectorException {
        return collector(cluster, Map.of());
    }

    /** @param more settings of the Azure block added to (or replacing) the simulator's */
    private PollingSource collector(String cluster, Map<String, String> more) throws CollectorException {
        SimulatedEndpoint simulated = simulator.endpoints().stream().filter(e -> e.id().equals(cluster)).findFirst()
                .orElseThrow();
        // As the embedded stack writes an endpoint: the url, then the front's settings.
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("url", simulated.url());
        Map<String, Map<Integer, Map<String, Object>>> lists = new LinkedHashMap<>();
        simulated.settings().forEach((key, value) -> put(block, lists, key, value));
        block.putAll(more);
        lists.forEach((name, items) -> block.put(name, new ArrayList<>(items.values())));
        EndpointConfig endpoint = EndpointConfig.builder(simulated.id(), simulated.site(), Platform.AZURE)
                .location(new SiteLocation(simulated.cloud(), simulated.region()))
                .targetRpo(Duration.ofMinutes(2)).settings(block).timeout(Duration.ofSeconds(3))
                .pollDeadline(Duration.ofSeconds(10)).build();
        PollingSource source = (PollingSource) new AzureCollectorFactory().create(endpoint, new CollectorContext(clock));
        collectors.add(source);
        return source;
    }

    /**
     * A flat property into the nested block binding expects: {@code sites[hv-paris]} into a map,
     * {@code vaults[0].name} into {@code lists} (made lists once all are read), else as it is.
     */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> block, Map<String, Map<Integer, Map<String, Object>>> lists,
                            String key, String value) {
        int bracket = key.indexOf('[');
        if (bracket < 0) {
            block.put(key, value);
            return;
        }
        String name = key.substring(0, bracket);
        String index = key.substring(bracket + 1, key.indexOf(']'));
        String rest = key.substring(key.indexOf(']') + 1);
        if (rest.isEmpty()) {
            ((Map<String, Object>) block.computeIfAbsent(name, k -> new LinkedHashMap<>())).put(index, value);
        } else {
            lists.computeIfAbsent(name, k -> new TreeMap<>())
                    .computeIfAbsent(Integer.parseInt(index), i -> new LinkedHashMap<>()).put(rest.substring(1), value);
        }
    }

    private static List<ReplicationStatus> replications(Snapshot s) {
        return s.states().stream().filter(ReplicationStatus.class::isInstance).map(ReplicationStatus.class::cast).toList();
    }

    private static ReplicationStatus replication(Snapshot s, String name) {
        return replications(s).stream().filter(r -> name.equals(r.name())).findFirst().orElseThrow();
    }
}
