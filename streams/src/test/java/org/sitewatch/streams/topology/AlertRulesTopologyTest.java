package org.sitewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.action;
import static org.sitewatch.testsupport.TestEvents.cluster;
import static org.sitewatch.testsupport.TestEvents.heartbeat;
import static org.sitewatch.testsupport.TestEvents.heartbeatOk;
import static org.sitewatch.testsupport.TestEvents.host;
import static org.sitewatch.testsupport.TestEvents.replicated;
import static org.sitewatch.testsupport.TestEvents.replicating;
import static org.sitewatch.testsupport.TestEvents.replication;
import static org.sitewatch.testsupport.TestEvents.vm;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.support.TopologyFixture;
import org.sitewatch.testsupport.TestEvents;

/**
 * Every alert rule through the real topology: it fires once and resolves once, on the
 * {@code sitewatch.alerts} topic keyed by fingerprint. Wall clock and event time both start at T0 and are
 * moved together by {@link #at}.
 */
class AlertRulesTopologyTest {

    @TempDir
    Path stateDir;

    private TopologyFixture fx;
    private TestOutputTopic<String, Alert> alerts;
    private Instant clock = T0;

    @BeforeEach
    void startDriver() {
        fx = new TopologyFixture(stateDir);
        alerts = fx.driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(), Topics.ALERTS.valueSerde().deserializer());
        pipe(heartbeatOk(PARIS));
    }

    @AfterEach
    void closeDriver() {
        fx.close();
    }

    /** Moves the wall clock to {@code T0 + seconds} (punctuating on the way). */
    private void at(long seconds) {
        Instant target = T0.plusSeconds(seconds);
        fx.advance(Duration.between(clock, target));
        clock = target;
    }

    private void pipe(EventData data) {
        fx.pipe(data, clock);
    }

    private List<Alert> of(String alertname) {
        return alerts.readKeyValuesToList().stream().peek(kv -> assertThat(kv.key).isEqualTo(kv.value.fingerprint()))
                .map(kv -> kv.value).filter(a -> a.alertname().equals(alertname)).toList();
    }

    private static void assertFiring(List<Alert> list, String severity) {
        assertThat(list).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.severity()).isEqualTo(severity);
            assertThat(a.site()).isEqualTo(PARIS);
            assertThat(a.endsAt()).isNull();
            assertThat(a.annotations()).containsKeys("summary", "description", "runbook_url");
            assertThat(a.annotations().get("runbook_url"))
                    .isEqualTo("http://localhost:8080/runbooks#" + a.alertname().toLowerCase());
            assertThat(a.generatorURL()).startsWith("/api/");
        });
    }

    private static void assertResolved(List<Alert> list, Alert firing) {
        assertThat(list).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(a.fingerprint()).isEqualTo(firing.fingerprint());
            assertThat(a.labels()).isEqualTo(firing.labels());
            assertThat(a.startsAt()).isEqualTo(firing.startsAt());
            assertThat(a.endsAt()).isNotNull().isAfterOrEqualTo(a.startsAt());
        });
    }

    @Test
    void replicationFailedFiresOnceAndResolvesOnce() {
        pipe(replication(PARIS, "102-0", ReplicationState.FAILED, ReplicationHealth.CRITICAL, 900L, T0));
        at(30);
        pipe(replication(PARIS, "102-0", ReplicationState.FAILED, ReplicationHealth.CRITICAL, 900L, T0));
        List<Alert> fired = of("ReplicationFailed");
        assertFiring(fired, "critical");
        assertThat(fired.get(0).labels()).containsEntry("item", "102-0").containsEntry("platform", "proxmox")
                .containsEntry("vm", "100");
        assertThat(fired.get(0).annotations().get("description")).contains("zfs recv");
        assertThat(fired.get(0).generatorURL()).isEqualTo("/api/replication/items?site=paris-dc1");

        at(60);
        pipe(replicating(PARIS, "102-0", 900, T0.plusSeconds(55)));
        at(90);
        pipe(replicating(PARIS, "102-0", 900, T0.plusSeconds(85)));
        assertResolved(of("ReplicationFailed"), fired.get(0));
    }

    @Test
    void replicationFailedDoesNotFlapWhileTheFailedJobRetries() {
        pipe(replication(PARIS, "102-0", ReplicationState.FAILED, ReplicationHealth.WARNING, 900L, T0));
        for (int i = 1; i <= 3; i++) {
            at(i * 10L);
            pipe(retrying("102-0", i)); // pvesr shows a retry as syncing, fail count kept
            at(i * 10L + 5);
            pipe(replication(PARIS, "102-0", ReplicationState.FAILED, ReplicationHealth.WARNING, 900L, T0));
        }
        at(60);
        pipe(replicating(PARIS, "102-0", 900, clock));
        assertThat(of("ReplicationFailed")).extracting(Alert::state).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
    }

    private static ReplicationStatus retrying(String item, int failCount) {
        return new ReplicationStatus(PARIS, Platform.PROXMOX, item, "100", "db-01", PARIS, PARIS, "pve1", "pve2", "pvesr",
                ReplicationState.SYNCING, ReplicationHealth.WARNING, "SYNCING", 900L, T0, null, null, failCount,
                "command 'zfs recv' failed: exit code 1", false);
    }

    @Test
    void rpoBreachedFiresAfterTheGraceFromSilenceAndResolvesBelowTheLowerThreshold() {
        pipe(replicating(PARIS, "102-0", 900, T0));
        at(900 + 299);
        assertThat(of("ReplicationRpoBreached")).isEmpty();
        at(900 + 310); // grace 5 min passed, noticed at the next punctuation
        List<Alert> fired = of("ReplicationRpoBreached");
        assertFiring(fired, "critical");
        assertThat(fired.get(0).startsAt()).isEqualTo(T0.plusSeconds(1200));
        assertThat(fired.get(0).annotations().get("description")).contains("target RPO 900 s");

        // A sync brings the lag to 800 s: under the target but not under 0.8 x target: still firing.
        pipe(replicating(PARIS, "102-0", 900, clock.minusSeconds(800)));
        at(1300);
        assertThat(of("ReplicationRpoBreached")).isEmpty();
        // Lag 60 s: resolved, once.
        pipe(replicating(PARIS, "102-0", 900, clock.minusSeconds(60)));
        at(1400);
        pipe(replicating(PARIS, "102-0", 900, clock.minusSeconds(30)));
        assertResolved(of("ReplicationRpoBreached"), fired.get(0));
    }

    @Test
    void rpoLagOscillatingAroundTheTargetForAnHourGivesAtMostOneAlert() {
        // Fast: every minute the lag alternates between 810 s and 990 s (target 900 s +/- 10 %).
        for (int minute = 1; minute <= 60; minute++) {
            at(minute * 60L);
            long lag = minute % 2 == 0 ? 810 : 990;
            pipe(replicating(PARIS, "fast", 900, clock.minusSeconds(lag)));
        }
        // Slow: 10 minutes at 990 s, 10 minutes at 810 s, for another hour.
        for (int minute = 61; minute <= 120; minute++) {
            at(minute * 60L);
            long lag = ((minute - 61) / 10) % 2 == 0 ? 990 : 810;
            pipe(replicating(PARIS, "slow", 900, clock.minusSeconds(lag)));
        }
        List<KeyValue<String, Alert>> all = alerts.readKeyValuesToList();
        List<Alert> fast = all.stream().map(kv -> kv.value)
                .filter(a -> a.alertname().equals("ReplicationRpoBreached") && "fast".equals(a.labels().get("item"))).toList();
        List<Alert> slow = all.stream().map(kv -> kv.value)
                .filter(a -> a.alertname().equals("ReplicationRpoBreached") && "slow".equals(a.labels().get("item"))).toList();
        assertThat(fast).hasSizeLessThanOrEqualTo(1);
        assertThat(slow).hasSize(1).allSatisfy(a -> assertThat(a.state()).isEqualTo(AlertState.FIRING));
    }

    @Test
    void replicationPausedFiresAfterPausedForAndResolvesOnce() {
        pipe(replication(PARIS, "102-0", ReplicationState.PAUSED, ReplicationHealth.WARNING, 86_400L, T0));
        at(29 * 60);
        pipe(replication(PARIS, "102-0", ReplicationState.PAUSED, ReplicationHealth.WARNING, 86_400L, T0));
        assertThat(of("ReplicationPaused")).isEmpty();
        at(30 * 60 + 10);
        List<Alert> fired = of("ReplicationPaused");
        assertFiring(fired, "warning");
        assertThat(fired.get(0).startsAt()).isEqualTo(T0.plusSeconds(1800));
        at(40 * 60);
        pipe(replicating(PARIS, "102-0", 86_400, clock));
        assertResolved(of("ReplicationPaused"), fired.get(0));
    }

    @Test
    void testFailoverOverdueFiresWhenTheLastTestGetsTooOldAndResolvesOnANewTest() {
        Instant lastTest = T0.minus(Duration.ofDays(180)).plusSeconds(60);
        pipe(replicated(PARIS, "102-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 86_400L, T0, lastTest));
        at(50);
        assertThat(of("TestFailoverOverdue")).isEmpty();
        at(70);
        List<Alert> fired = of("TestFailoverOverdue");
        assertFiring(fired, "warning");
        assertThat(fired.get(0).labels()).containsEntry("peer_site", LONDON).containsEntry("item", "102-0");
        at(120);
        pipe(replicated(PARIS, "102-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 86_400L, clock, clock));
        assertResolved(of("TestFailoverOverdue"), fired.get(0));
    }

    @Test
    void haHostFailedFiresOnceAndResolvesOnce() {
        pipe(host(PARIS, "pve2", "paris", HaHostState.HEALTHY));
        at(10);
        pipe(host(PARIS, "pve2", "paris", HaHostState.FAILED));
        at(20);
        pipe(host(PARIS, "pve2", "paris", HaHostState.ISOLATED));
        List<Alert> fired = of("HaHostFailed");
        assertFiring(fired, "critical");
        assertThat(fired.get(0).labels()).containsEntry("host", "pve2").containsEntry("cluster", "paris");
        at(30);
        pipe(host(PARIS, "pve2", "paris", HaHostState.HEALTHY));
        assertResolved(of("HaHostFailed"), fired.get(0));
    }

    @Test
    void haQuorumLostAndFailoverCapacityLostFireOnceAndResolveOnce() {
        pipe(cluster(PARIS, "paris", 1, true));
        at(10);
        pipe(cluster(PARIS, "paris", 0, false));
        at(20);
        pipe(cluster(PARIS, "paris", 0, false));
        List<Alert> all = alerts.readValuesToList();
        List<Alert> quorum = all.stream().filter(a -> a.alertname().equals("HaQuorumLost")).toList();
        List<Alert> capacity = all.stream().filter(a -> a.alertname().equals("HaFailoverCapacityLost")).toList();
        assertFiring(quorum, "critical");
        assertFiring(capacity, "warning");
        assertThat(quorum.get(0).labels()).containsEntry("cluster", "paris");
        at(30);
        pipe(cluster(PARIS, "paris", 1, true));
        List<Alert> after = alerts.readValuesToList();
        assertResolved(after.stream().filter(a -> a.alertname().equals("HaQuorumLost")).toList(), quorum.get(0));
        assertResolved(after.stream().filter(a -> a.alertname().equals("HaFailoverCapacityLost")).toList(), capacity.get(0));
    }

    @Test
    void haVmRestartedFiresOncePerRestartAndResolvesAfterTheHold() {
        SitewatchEvent restart = TestEvents.event(action(PARIS, "a-1", "101", HaActionKind.RESTART), clock);
        fx.pipe(restart);
        fx.pipe(restart); // re-sent: de-duplicated
        fx.pipe(action(PARIS, "a-2", "101", HaActionKind.MIGRATE), clock);
        List<Alert> fired = of("HaVmRestarted");
        assertFiring(fired, "info");
        assertThat(fired.get(0).labels()).containsEntry("vm", "101");
        at(9 * 60);
        assertThat(of("HaVmRestarted")).isEmpty();
        at(10 * 60 + 10);
        List<Alert> resolved = of("HaVmRestarted");
        assertResolved(resolved, fired.get(0));
        assertThat(resolved.get(0).endsAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void siteCriticalAndSiteDegradedFireOnceAndResolveOnceAfterTheHold() {
        pipe(vm(PARIS, "100", PowerState.CRASHED));
        List<Alert> degraded = of("SiteDegraded");
        assertFiring(degraded, "warning");
        assertThat(degraded.get(0).generatorURL()).isEqualTo("/api/sites/paris-dc1");
        assertThat(degraded.get(0).annotations().get("description")).contains("1 VM CRASHED");

        // CRITICAL: SiteCritical fires; SiteDegraded (degraded or worse) stays firing, nothing sent for it.
        at(10);
        pipe(replication(PARIS, "102-0", ReplicationState.FAILED, ReplicationHealth.CRITICAL, 900L, clock));
        List<Alert> afterFail = alerts.readValuesToList();
        List<Alert> critical = afterFail.stream().filter(a -> a.alertname().equals("SiteCritical")).toList();
        assertFiring(critical, "critical");
        assertThat(afterFail).extracting(Alert::alertname).containsExactlyInAnyOrder("SiteCritical", "ReplicationFailed");

        // Back to DEGRADED for 20 s (a retry), then CRITICAL again: no resolve, no second firing.
        at(20);
        pipe(replication(PARIS, "102-0", ReplicationState.SYNCING, ReplicationHealth.WARNING, 900L, clock));
        at(40);
        pipe(replication(PARIS, "102-0", ReplicationState.FAILED, ReplicationHealth.CRITICAL, 900L, clock));
        assertThat(of("SiteCritical")).isEmpty();

        // OK: both resolve once the verdict stayed OK for the hold (2 min).
        at(50);
        pipe(heartbeatOk(PARIS));
        pipe(replicating(PARIS, "102-0", 900, clock));
        pipe(vm(PARIS, "100", PowerState.RUNNING));
        for (long t = 60; t <= 160; t += 10) {
            at(t);
            pipe(heartbeatOk(PARIS)); // the site stays seen (an UNKNOWN site changes no site alert)
        }
        assertThat(alerts.readValuesToList()).extracting(Alert::alertname).doesNotContain("SiteCritical", "SiteDegraded");
        at(180);
        List<Alert> afterRecover = alerts.readValuesToList();
        assertResolved(afterRecover.stream().filter(a -> a.alertname().equals("SiteCritical")).toList(), critical.get(0));
        assertResolved(afterRecover.stream().filter(a -> a.alertname().equals("SiteDegraded")).toList(), degraded.get(0));
    }

    @Test
    void collectorDownFiresAfterThreeMissedIntervalsAndResolvesOnTheNextHeartbeat() {
        at(40);
        assertThat(of("CollectorDown")).isEmpty();
        at(50); // interval 15 s, 3 missed: down from T0 + 45 s, seen at the punctuation at 50 s
        List<Alert> fired = of("CollectorDown");
        assertFiring(fired, "critical");
        assertThat(fired.get(0).startsAt()).isEqualTo(T0.plusSeconds(45));
        assertThat(fired.get(0).labels()).containsEntry("collector", PARIS).containsEntry("platform", "proxmox");
        at(120);
        assertThat(of("CollectorDown")).isEmpty();
        pipe(heartbeatOk(PARIS));
        assertResolved(of("CollectorDown"), fired.get(0));
    }

    @Test
    void collectorAuthFailedFiresOnceAndResolvesOnce() {
        pipe(heartbeat(PARIS, CollectorStatus.AUTH_FAILED, CollectorErrorKind.AUTH, "401 authentication failure"));
        at(15);
        pipe(heartbeat(PARIS, CollectorStatus.AUTH_FAILED, CollectorErrorKind.AUTH, "401 authentication failure"));
        List<Alert> fired = of("CollectorAuthFailed");
        assertFiring(fired, "critical");
        assertThat(fired.get(0).annotations().get("description")).contains("401");
        at(30);
        pipe(heartbeatOk(PARIS));
        assertResolved(of("CollectorAuthFailed"), fired.get(0));
    }

    @Test
    void collectorFailingFiresAfterThreeIntervalsOfErrorsOnceAndResolvesOnTheNextOkHeartbeatForThatCollectorOnly() {
        // Heartbeats every 15 s. PARIS's collector fails from 15 s on (the run's start; grace 3 x 15 s); a second
        // collector of the site is rejected by its vendor all along, which is CollectorAuthFailed's alone.
        CollectorHeartbeat rejected = new CollectorHeartbeat(PARIS, Platform.VSPHERE, "vc-paris", "https://vc.paris.example/sdk",
                CollectorStatus.AUTH_FAILED, CollectorErrorKind.AUTH, "HTTP 401", 90L, null, 15, null);
        for (long s = 15; s <= 45; s += 15) {
            at(s);
            pipe(heartbeat(PARIS, CollectorStatus.ERROR, CollectorErrorKind.HTTP_5XX, "HTTP 503 from /cluster/resources"));
            pipe(rejected);
        }
        assertThat(alerts.readValuesToList()).extracting(Alert::alertname).filteredOn(name -> name.startsWith("Collector"))
                .containsExactly("CollectorAuthFailed");
        at(60);
        pipe(heartbeat(PARIS, CollectorStatus.ERROR, CollectorErrorKind.TIMEOUT, "read timed out after 10 s"));
        pipe(rejected);
        List<Alert> fired = of("CollectorFailing");
        assertFiring(fired, "critical");
        assertThat(fired.get(0).startsAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(fired.get(0).labels()).containsEntry("collector", PARIS).containsEntry("platform", "proxmox");
        assertThat(fired.get(0).annotations().get("summary")).endsWith("is failing: TIMEOUT: read timed out after 10 s");
        at(75);
        pipe(heartbeat(PARIS, CollectorStatus.ERROR, CollectorErrorKind.MALFORMED, "unexpected end of JSON"));
        pipe(rejected);
        assertThat(alerts.readValuesToList()).extracting(Alert::alertname).filteredOn(name -> name.startsWith("Collector"))
                .as("one episode: nothing more while the errors go on").isEmpty();
        at(90);
        pipe(heartbeatOk(PARIS));
        assertResolved(of("CollectorFailing"), fired.get(0));
    }
}
