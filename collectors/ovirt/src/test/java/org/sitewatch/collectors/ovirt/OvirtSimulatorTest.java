package org.sitewatch.collectors.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.EventHistory;
import org.sitewatch.collectors.spi.EventPage;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.spi.settings.PropertyTree;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.simulator.ovirt.OvirtEstate;

/**
 * The real collector against the simulator's oVirt front in-process, on a manual clock, over the
 * estate proposed for the default scenario (strings for booleans and numbers): the inventory per
 * site, the lost host with its HA restart read from the event list, the storage domain pair
 * failing, a new login when the token expired, and each API failure classified, with a failed
 * {@code /storagedomains} read a partial read.
 */
class OvirtSimulatorTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
    private Simulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void shouldReadTheEstateFollowALostHostAndItsHaRestartAndAFailingPair() throws Exception {
        PollingSource collector = start("");
        EventHistory history = collector.eventHistory().orElseThrow();

        Snapshot first = collector.poll();
        assertThat(first.skipped()).isEmpty();
        assertThat(of(first, VmState.class)).hasSize(6).allMatch(v -> v.power() == PowerState.RUNNING && v.haProtected())
                .allMatch(v -> v.site().equals("rome-dc7") && v.cluster().equals("rhv-rome"));
        assertThat(of(first, HaHost.class)).extracting(HaHost::hostName, HaHost::site).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rhv-rom-1", "rome-dc7"), org.assertj.core.groups.Tuple.tuple("rhv-rom-2", "rome-dc7"),
                org.assertj.core.groups.Tuple.tuple("rhv-rom-3", "rome-dc7"), org.assertj.core.groups.Tuple.tuple("rhv-mad-dr1", "madrid-dr"));
        HaCluster rome = of(first, HaCluster.class).get(0);
        assertThat(rome.hostsHealthy()).isEqualTo(3);
        assertThat(rome.failoverCapacity()).isEqualTo(2);
        HaCluster standby = of(first, HaCluster.class).get(1);
        assertThat(standby.name()).isEqualTo("dc-madrid-cluster");
        assertThat(standby.site()).isEqualTo("madrid-dr");
        assertThat(standby.failoverCapacity()).as("no HA VM there: nothing to fail over").isNull();
        assertThat(of(first, ReplicationStatus.class)).extracting(ReplicationStatus::itemId, ReplicationStatus::state,
                ReplicationStatus::health, ReplicationStatus::sourceSite, ReplicationStatus::targetSite).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dr/data-rom-db-1/data-rom-db-1-dr", ReplicationState.REPLICATING,
                        ReplicationHealth.OK, "rome-dc7", "madrid-dr"),
                org.assertj.core.groups.Tuple.tuple("dr/data-rom-erp-1/data-rom-erp-1-dr", ReplicationState.REPLICATING,
                        ReplicationHealth.OK, "rome-dc7", "madrid-dr"));
        String cursor = history.readAfter(null).nextCursor();

        advance(50); // rhv-rom-2 lost at 45 s
        Snapshot lost = collector.poll();
        assertThat(of(lost, HaHost.class).get(1).state()).isEqualTo(HaHostState.FAILED);
        assertThat(of(lost, HaHost.class).get(1).vendorState()).isEqualTo("non_responsive");
        assertThat(of(lost, HaCluster.class).get(0).failoverCapacity()).isEqualTo(1);
        assertThat(of(lost, VmState.class)).filteredOn(v -> v.name().equals("rom-web-2")).singleElement()
                .satisfies(v -> assertThat(v.power()).isEqualTo(PowerState.UNKNOWN));

        advance(50); // 100 s: fenced, HA VMs restarted at 75 s; the db pair failed at its 90 s sync
        Snapshot after = collector.poll();
        VmState web2 = of(after, VmState.class).stream().filter(v -> v.name().equals("rom-web-2")).findFirst().orElseThrow();
        assertThat(web2.power()).isEqualTo(PowerState.RUNNING);
        assertThat(web2.host()).isIn("rhv-rom-1", "rhv-rom-3");
        ReplicationStatus db = of(after, ReplicationStatus.class).get(0);
        assertThat(db.state()).isEqualTo(ReplicationState.FAILED);
        assertThat(db.health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(db.error()).isEqualTo("external status error on the primary data-rom-db-1");

        List<HaAction> actions = new ArrayList<>();
        EventPage page = history.readAfter(cursor);
        page.events().forEach(e -> actions.add((HaAction) e.data()));
        assertThat(page.more()).isFalse();
        assertThat(actions).allSatisfy(a -> assertThat(EventValidator.problems(a)).isEmpty());
        assertThat(actions).filteredOn(a -> a.vmId().equals(web2.vmId())).extracting(HaAction::action, HaAction::fromHost,
                HaAction::toHost).containsExactly(org.assertj.core.groups.Tuple.tuple(HaActionKind.OTHER, "rhv-rom-2", null),
                org.assertj.core.groups.Tuple.tuple(HaActionKind.RESTART, null, web2.host()));
        assertThat(actions).extracting(HaAction::vendorState).containsOnly("9602 HA_VM_FAILED (error)",
                "506 VDS_INITIATED_RUN_VM (normal)");
        assertThat(Long.parseLong(page.nextCursor())).isGreaterThan(Long.parseLong(cursor));
        assertThat(history.readAfter(page.nextCursor()).events()).as("nothing twice").isEmpty();
    }

    @Test
    void shouldPageThroughTheEventsOldestFirstWhileAPageIsFull() throws Exception {
        PollingSource collector = start("", Map.of("event-page", "2"));
        EventHistory history = collector.eventHistory().orElseThrow();
        collector.poll();
        String cursor = history.readAfter(null).nextCursor();
        advance(100);
        collector.poll();
        List<Long> indexes = new ArrayList<>();
        EventPage page;
        do {
            page = history.readAfter(cursor);
            page.events().forEach(e -> indexes.add(Long.parseLong(e.vendorEventId())));
            cursor = page.nextCursor();
        } while (page.more());
        assertThat(indexes).hasSize(4).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldLogInAgainWhenTheTokenExpired() throws Exception {
        PollingSource collector = start("", Map.of(), "token-lifetime: 20s\n");
        collector.poll();
        advance(30);
        assertThat(collector.poll().states()).isNotEmpty();
    }

    @Test
    void shouldClassifyEachFailureAndKeepTheInventoryWhenOnlyStorageDomainsOrEventsFail() throws Exception {
        PollingSource collector = start("""
                  - { at: 10s, cluster: rhv-rome, action: api-fault, kind: auth, duration: 10s }
                  - { at: 30s, cluster: rhv-rome, action: api-fault, kind: timeout, path: /api/hosts, duration: 10s }
                  - { at: 50s, cluster: rhv-rome, action: api-fault, kind: malformed, path: /api/vms, duration: 10s }
                  - { at: 70s, cluster: rhv-rome, action: api-fault, kind: http500, path: /api/clusters, duration: 10s }
                  - { at: 90s, cluster: rhv-rome, action: api-fault, kind: http500, path: /api/storagedomains, duration: 10s }
                  - { at: 110s, cluster: rhv-rome, action: api-fault, kind: http500, path: /api/events, duration: 10s }
                """);
        EventHistory history = collector.eventHistory().orElseThrow();
        collector.poll();
        String cursor = history.readAfter(null).nextCursor();

        advance(10);
        assertThatThrownBy(collector::poll).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.permanent()).isTrue();
            assertThat(e.describe()).contains("login").doesNotContain("rhv-rome-simulated");
        });
        advance(20);
        assertFailure(collector, CollectorErrorKind.TIMEOUT);
        advance(20);
        assertFailure(collector, CollectorErrorKind.MALFORMED);
        advance(20);
        assertFailure(collector, CollectorErrorKind.HTTP_5XX);

        advance(20);
        Snapshot partial = collector.poll();
        assertThat(of(partial, VmState.class)).hasSize(6);
        assertThat(of(partial, ReplicationStatus.class)).isEmpty();
        assertThat(partial.unreadable()).singleElement().satisfies(p -> {
            assertThat(p.scope().toString()).isEqualTo("endpoint /storagedomains");
            assertThat(p.reason()).contains("HTTP 500");
        });

        advance(20);
        assertThat(of(collector.poll(), ReplicationStatus.class)).hasSize(2);
        assertThatThrownBy(() -> history.readAfter(cursor)).isInstanceOfSatisfying(CollectorException.class,
                e -> assertThat(e.kind()).isEqualTo(CollectorErrorKind.HTTP_5XX));
        advance(20);
        assertThat(history.readAfter(cursor).nextCursor()).as("read again from where it stood").isNotNull();
    }

    private static void assertFailure(PollingSource collector, CollectorErrorKind kind) {
        assertThatThrownBy(collector::poll).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.permanent()).isFalse();
        });
    }

    private PollingSource start(String timeline) throws CollectorException {
        return start(timeline, Map.of());
    }

    private PollingSource start(String timeline, Map<String, String> extra) throws CollectorException {
        return start(timeline, extra, "");
    }

    private PollingSource start(String timeline, Map<String, String> extra, String clusterKeys) throws CollectorException {
        String scenario = OvirtEstate.SCENARIO.replace("    typing: strings\n", "    typing: strings\n" + indent(clusterKeys));
        if (!timeline.isEmpty()) {
            scenario = scenario.substring(0, scenario.indexOf("timeline:\n")) + "timeline:\n" + timeline;
        }
        simulator = Simulator.builder(Scenario.parse(scenario)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofSeconds(5)).build().start();
        return (PollingSource) new OvirtCollectorFactory().create(endpoint(simulator.endpoints().get(0), extra),
                new CollectorContext(clock));
    }

    static EndpointConfig endpoint(SimulatedEndpoint e, Map<String, String> extra) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(e.vendorProperties());
        properties.putAll(extra);
        return EndpointConfig.builder(e.id(), e.site(), Platform.OVIRT).settings(PropertyTree.of(properties))
                .timeout(Duration.ofSeconds(1)).build();
    }

    private static String indent(String keys) {
        return keys.isEmpty() ? "" : "    " + keys;
    }

    private void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        simulator.tick();
    }

    private static <T> List<T> of(Snapshot snapshot, Class<T> type) {
        return OvirtInventoryMapperTest.of(snapshot, type);
    }
}
