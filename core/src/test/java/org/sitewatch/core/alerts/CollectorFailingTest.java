package org.sitewatch.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.Platform;
import org.sitewatch.events.UnreadableScope;

/**
 * CollectorFailing on its own clock: every collector rule judged on each heartbeat at its event time,
 * the memory kept per (rule, collector) as the streams app keys it. Heartbeats every 60 s unless said.
 */
class CollectorFailingTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SITE = "paris-dc1";
    private static final String FAILING = AlertRule.CollectorFailing.name();
    private static final String AUTH_FAILED = AlertRule.CollectorAuthFailed.name();

    private AlertEvaluator evaluator = new AlertEvaluator(AlertSettings.defaultSettings(), HealthRules.defaultRules());
    private final Map<String, AlertMemory> memories = new HashMap<>();
    /** alertname|collector of every alert firing now, to check that two rules never page together. */
    private final Set<String> firing = new HashSet<>();
    private final List<Alert> sent = new ArrayList<>();

    private static CollectorHeartbeat beat(String collector, CollectorStatus status, CollectorErrorKind kind, String error,
                                           long intervalSeconds) {
        return new CollectorHeartbeat(SITE, Platform.PROXMOX, collector, "https://pve1.paris.example:8006/api2/json", status, kind,
                error, 80L, null, intervalSeconds, null);
    }

    private static CollectorHeartbeat error(CollectorErrorKind kind, String text) {
        return beat("pve-a", CollectorStatus.ERROR, kind, text, 60);
    }

    private static CollectorHeartbeat ok() {
        return beat("pve-a", CollectorStatus.OK, null, null, 60);
    }

    private static CollectorHeartbeat authFailed() {
        return beat("pve-a", CollectorStatus.AUTH_FAILED, CollectorErrorKind.AUTH, "HTTP 401 authentication failure", 60);
    }

    /** Judges every collector rule on a heartbeat seen at T0 + seconds; returns the CollectorFailing records sent. */
    private List<Alert> at(long seconds, CollectorHeartbeat heartbeat) {
        Instant time = T0.plusSeconds(seconds);
        List<Alert> failing = new ArrayList<>();
        for (AlertRule rule : AlertEvaluator.rulesFor(EntityKind.COLLECTOR)) {
            String key = rule + "|" + heartbeat.collectorId();
            Transition t = evaluator.entity(rule, heartbeat, time, time, memories.get(key), true);
            memories.put(key, t.memory());
            Alert emitted = t.emitted();
            if (emitted == null) {
                continue;
            }
            sent.add(emitted);
            String id = emitted.alertname() + "|" + heartbeat.collectorId();
            if (emitted.state() == AlertState.FIRING) {
                firing.add(id);
            } else {
                firing.remove(id);
            }
            if (rule == AlertRule.CollectorFailing) {
                failing.add(emitted);
            }
        }
        String collector = heartbeat.collectorId();
        assertThat(firing.contains(FAILING + "|" + collector) && firing.contains(AUTH_FAILED + "|" + collector))
                .as("CollectorFailing and CollectorAuthFailed both firing for %s at %s", collector, time).isFalse();
        return failing;
    }

    private List<Alert> sentOf(String alertname) {
        return sent.stream().filter(a -> a.alertname().equals(alertname)).toList();
    }

    @Test
    void firesOnceAfterThreeIntervalsOfErrorsAndResolvesOnTheNextOkHeartbeat() {
        assertThat(at(0, error(CollectorErrorKind.HTTP_5XX, "HTTP 503 from /cluster/resources"))).isEmpty();
        assertThat(at(60, error(CollectorErrorKind.TIMEOUT, "read timed out after 10 s"))).isEmpty();
        assertThat(at(120, error(CollectorErrorKind.HTTP_5XX, "HTTP 503 from /cluster/resources"))).isEmpty();

        List<Alert> fired = at(180, error(CollectorErrorKind.MALFORMED, "unexpected end of JSON at /data/3"));
        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.startsAt()).isEqualTo(T0.plusSeconds(180)); // first error + 3 x 60 s
            assertThat(a.severity()).isEqualTo("critical");
            assertThat(a.labels()).containsEntry("site", SITE).containsEntry("collector", "pve-a")
                    .containsEntry("platform", "proxmox").containsEntry("alertname", FAILING);
            assertThat(a.annotations().get("summary"))
                    .isEqualTo("Collector pve-a of paris-dc1 is failing: MALFORMED: unexpected end of JSON at /data/3");
            assertThat(a.annotations().get("description")).contains("https://pve1.paris.example:8006/api2/json")
                    .contains("since " + T0);
            assertThat(a.annotations().get("runbook_url")).endsWith("#collectorfailing");
            assertThat(a.generatorURL()).isEqualTo("/api/collectors?site=paris-dc1");
        });

        // An hour more of errors of every kind is the same episode: nothing more is sent.
        for (long s = 240; s <= 3_780; s += 60) {
            assertThat(at(s, error(s % 120 == 0 ? CollectorErrorKind.CONNECT : CollectorErrorKind.HTTP_5XX, "x"))).isEmpty();
        }

        List<Alert> resolved = at(3_840, ok());
        assertThat(resolved).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(a.fingerprint()).isEqualTo(fired.get(0).fingerprint());
            assertThat(a.startsAt()).isEqualTo(fired.get(0).startsAt());
            assertThat(a.endsAt()).isEqualTo(T0.plusSeconds(3_840));
            assertThat(a.annotations().get("summary")).isEqualTo("Collector pve-a of paris-dc1 reads its endpoint again");
        });
        assertThat(memories.get(FAILING + "|pve-a").isEmpty()).isTrue();
        assertThat(sentOf(AUTH_FAILED)).isEmpty();
    }

    @Test
    void theGraceIsCountedInTheCollectorsOwnIntervalAndIsConfigurablePerSite() {
        evaluator = new AlertEvaluator(new AlertSettings(true, AlertThresholds.DEFAULTS,
                Map.of(SITE, new AlertOverride(null, null, null, null, null, null, 5)), Map.of(), Map.of(), Map.of(), null),
                HealthRules.defaultRules());
        CollectorHeartbeat every15s = beat("pve-a", CollectorStatus.ERROR, CollectorErrorKind.CONNECT, "connection refused", 15);
        for (long s = 0; s < 75; s += 15) {
            assertThat(at(s, every15s)).as("at %d s", s).isEmpty();
        }
        assertThat(at(75, every15s)).singleElement().satisfies(a -> assertThat(a.startsAt()).isEqualTo(T0.plusSeconds(75)));
    }

    @Test
    void errorsAlternatingWithSuccessesShorterThanTheGraceNeverFire() {
        // One error, one success, for an hour.
        for (long s = 0; s < 3_600; s += 120) {
            assertThat(at(s, error(CollectorErrorKind.HTTP_5XX, "HTTP 502"))).isEmpty();
            assertThat(at(s + 60, ok())).isEmpty();
        }
        // Runs of three errors (2 intervals) between single successes, for another hour.
        for (long s = 3_600; s < 7_200; s += 240) {
            assertThat(at(s, error(CollectorErrorKind.TIMEOUT, "t"))).isEmpty();
            assertThat(at(s + 60, error(CollectorErrorKind.TIMEOUT, "t"))).isEmpty();
            assertThat(at(s + 120, error(CollectorErrorKind.TIMEOUT, "t"))).isEmpty();
            assertThat(at(s + 180, ok())).isEmpty();
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void aSingleOkEndsTheRunSoTheNextOutageIsANewEpisodeWithItsOwnGraceAndStart() {
        for (long s = 0; s <= 180; s += 60) {
            at(s, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"));
        }
        assertThat(at(240, ok())).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
        // Errors again: the grace starts over at 300 s.
        assertThat(at(300, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"))).isEmpty();
        assertThat(at(360, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"))).isEmpty();
        assertThat(at(420, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"))).isEmpty();
        List<Alert> second = at(480, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"));
        assertThat(second).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            // A new startsAt: receivers that deduplicate on fingerprint + status + startsAt see a new episode.
            assertThat(a.startsAt()).isEqualTo(T0.plusSeconds(480));
        });
        assertThat(sentOf(FAILING)).extracting(Alert::state)
                .containsExactly(AlertState.FIRING, AlertState.RESOLVED, AlertState.FIRING);
    }

    @Test
    void aPartialReadIsASuccessAndEndsTheRun() {
        for (long s = 0; s <= 180; s += 60) {
            at(s, error(CollectorErrorKind.TIMEOUT, "read timed out"));
        }
        CollectorHeartbeat partial = new CollectorHeartbeat(SITE, Platform.PROXMOX, "pve-a", "https://pve1.paris.example:8006/api2/json",
                CollectorStatus.OK, null, null, 80L, null, 60, null,
                List.of(new UnreadableScope("node", "pve2", "read timed out")));
        assertThat(at(240, partial)).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
    }

    @Test
    void aLongerIntervalWhileFiringDoesNotResolveIt() {
        for (long s = 0; s <= 180; s += 60) {
            at(s, error(CollectorErrorKind.CONNECT, "connection refused"));
        }
        CollectorHeartbeat backedOff = beat("pve-a", CollectorStatus.ERROR, CollectorErrorKind.CONNECT, "connection refused", 600);
        assertThat(at(240, backedOff)).isEmpty();
        assertThat(at(840, backedOff)).isEmpty();
        assertThat(sentOf(FAILING)).singleElement();
    }

    @Test
    void rejectedCredentialsAreCollectorAuthFailedsAloneEvenForAnHour() {
        for (long s = 0; s <= 3_600; s += 60) {
            assertThat(at(s, authFailed())).isEmpty();
        }
        // The same with a heartbeat that says ERROR but of kind AUTH.
        for (long s = 3_660; s <= 7_200; s += 60) {
            assertThat(at(s, beat("pve-a", CollectorStatus.ERROR, CollectorErrorKind.AUTH, "HTTP 403", 60))).isEmpty();
        }
        assertThat(sentOf(AUTH_FAILED)).extracting(Alert::state).containsExactly(AlertState.FIRING);
        assertThat(sentOf(FAILING)).isEmpty();
    }

    @Test
    void credentialsRejectedDuringAnOutageHandOverToCollectorAuthFailedAndBackWithoutDoublePaging() {
        for (long s = 0; s <= 180; s += 60) {
            at(s, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"));
        }
        assertThat(firing).containsExactly(FAILING + "|pve-a");

        // 401: CollectorFailing resolves in the same step CollectorAuthFailed fires.
        assertThat(at(240, authFailed())).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(a.annotations().get("summary")).contains("see CollectorAuthFailed");
        });
        assertThat(firing).containsExactly(AUTH_FAILED + "|pve-a");

        // Credentials fixed, the API still fails: CollectorAuthFailed resolves, and CollectorFailing starts a new run.
        assertThat(at(300, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"))).isEmpty();
        assertThat(firing).isEmpty();
        at(360, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"));
        at(420, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"));
        assertThat(at(480, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"))).singleElement()
                .satisfies(a -> assertThat(a.startsAt()).isEqualTo(T0.plusSeconds(480)));
        assertThat(firing).containsExactly(FAILING + "|pve-a");
    }

    @Test
    void collectorsOfOneSiteAreJudgedApart() {
        for (long s = 0; s <= 180; s += 60) {
            at(s, error(CollectorErrorKind.HTTP_5XX, "HTTP 500"));
            at(s + 1, beat("pve-b", CollectorStatus.OK, null, null, 60));
            at(s + 2, beat("vc-c", CollectorStatus.ERROR, CollectorErrorKind.TLS, "certificate does not match", 120));
        }
        assertThat(firing).containsExactly(FAILING + "|pve-a");
        // vc-c polls every 120 s: its grace is 360 s from its first error at 2 s.
        at(362, beat("vc-c", CollectorStatus.ERROR, CollectorErrorKind.TLS, "certificate does not match", 120));
        assertThat(firing).containsExactlyInAnyOrder(FAILING + "|pve-a", FAILING + "|vc-c");

        // pve-b's success resolves nothing of the others; pve-a's resolves only its own.
        at(420, beat("pve-b", CollectorStatus.OK, null, null, 60));
        assertThat(firing).containsExactlyInAnyOrder(FAILING + "|pve-a", FAILING + "|vc-c");
        at(421, ok());
        assertThat(firing).containsExactly(FAILING + "|vc-c");
        assertThat(sentOf(FAILING)).extracting(a -> a.labels().get("collector"))
                .containsExactly("pve-a", "vc-c", "pve-a");
        assertThat(sentOf(FAILING).get(0).fingerprint()).isNotEqualTo(sentOf(FAILING).get(1).fingerprint());
    }

    @Test
    void theGraceMustBeAtLeastOneInterval() {
        assertThatThrownBy(() -> AlertThresholds.DEFAULTS.with(new AlertOverride(null, null, null, null, null, null, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("collector-failing-intervals must be at least 1 but was 0");
        assertThat(AlertThresholds.DEFAULTS.collectorFailingIntervals()).isEqualTo(3);
        assertThat(Duration.ofSeconds(60L * AlertThresholds.DEFAULTS.collectorFailingIntervals())).isEqualTo(Duration.ofMinutes(3));
    }
}
