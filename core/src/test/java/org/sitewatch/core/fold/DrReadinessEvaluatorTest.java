package org.sitewatch.core.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.event;
import static org.sitewatch.testsupport.TestEvents.replicated;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

class DrReadinessEvaluatorTest {

    private static final SitePair PAIR = new SitePair(PARIS, LONDON);
    private static final Instant TESTED = T0.minus(Duration.ofDays(30));

    private final InMemoryEstate estate = new InMemoryEstate(HealthRules.defaultRules(), AggregateLimits.DEFAULTS);

    private PairVerdict verdict(HealthStatus source, HealthStatus target, ReplicationRules rules) {
        PairAggregate agg = estate.pair(PAIR.key()).orElseThrow();
        return DrReadinessEvaluator.evaluate(PAIR, SiteHealthViews.replication(agg.counts(), null), source, target, rules);
    }

    private void item(String id, ReplicationState state, ReplicationHealth health, Instant lrp, Instant tested) {
        ReplicationStatus r = replicated(PARIS, id, PARIS, LONDON, state, health, 900L, lrp, tested);
        estate.apply(event(r, T0), T0);
    }

    @Test
    void shouldBeReadyWhenEveryItemIsInRpoAndTestedAndTheTargetIsHealthy() {
        item("100-0", ReplicationState.REPLICATING, ReplicationHealth.OK, T0, TESTED);

        PairVerdict v = verdict(HealthStatus.OK, HealthStatus.DEGRADED, ReplicationRules.DEFAULTS);

        assertThat(v.readiness()).isEqualTo(DrReadiness.READY);
        assertThat(v.reasons()).isEmpty();
    }

    @Test
    void shouldBeAtRiskWhenAnItemIsOutsideItsRpoPausedOrUntested() {
        item("100-0", ReplicationState.REPLICATING, ReplicationHealth.OK, T0.minusSeconds(3600), TESTED);
        item("101-0", ReplicationState.PAUSED, ReplicationHealth.WARNING, T0, null);

        PairVerdict v = verdict(HealthStatus.OK, HealthStatus.OK, ReplicationRules.DEFAULTS);

        assertThat(v.readiness()).isEqualTo(DrReadiness.AT_RISK);
        assertThat(v.reasons()).containsExactly("1 replicated item outside its RPO", "1 replicated item PAUSED",
                "1 replicated item with health WARNING", "1 replicated item never tested (no test failover)");
    }

    @Test
    void shouldJudgeAnItemWhoseTechnologyReportsNoRecoveryPointByItsStateOnlyNotAsNeverSynced() {
        // storage-array DR seen through oVirt: no recovery point at all, a default RPO configured for the site
        ReplicationStatus arrayCopy = new ReplicationStatus(PARIS, Platform.OVIRT, "dr/data-1/data-1-dr", null, "data-1",
                PARIS, LONDON, null, null, "ovirt-storage-dr", ReplicationState.REPLICATING, ReplicationHealth.OK,
                "replication lag not shown", 900L, null, null, null, null, null, false, true);
        estate.apply(event(arrayCopy, T0), T0.plusSeconds(86_400));

        PairVerdict v = verdict(HealthStatus.OK, HealthStatus.OK, new ReplicationRules(null, 600L, 0, 180, false));

        assertThat(v.readiness()).isEqualTo(DrReadiness.READY);
        assertThat(v.reasons()).isEmpty();
    }

    @Test
    void shouldNotRequireTestFailoversWhenConfiguredSo() {
        item("100-0", ReplicationState.REPLICATING, ReplicationHealth.OK, T0, null);

        PairVerdict v = verdict(HealthStatus.OK, HealthStatus.OK, new ReplicationRules(null, null, 0, 180, false));

        assertThat(v.readiness()).isEqualTo(DrReadiness.READY);
    }

    @Test
    void shouldNotBeReadyWhenAnItemFailedOrTheTargetIsUnknownOrCritical() {
        item("100-0", ReplicationState.FAILED, ReplicationHealth.CRITICAL, T0, TESTED);

        PairVerdict v = verdict(HealthStatus.OK, HealthStatus.UNKNOWN, ReplicationRules.DEFAULTS);

        assertThat(v.readiness()).isEqualTo(DrReadiness.NOT_READY);
        assertThat(v.reasons()).containsExactly("1 replicated item FAILED", "1 replicated item with health CRITICAL",
                "target site london-dr is UNKNOWN");
        assertThat(verdict(HealthStatus.OK, null, ReplicationRules.DEFAULTS).reasons())
                .contains("target site london-dr has never been seen");
    }

    @Test
    void shouldNotBeReadyWhenEveryItemFailedOver() {
        item("100-0", ReplicationState.FAILED_OVER, ReplicationHealth.OK, T0, TESTED);

        PairVerdict v = verdict(HealthStatus.OK, HealthStatus.OK, ReplicationRules.DEFAULTS);

        assertThat(v.readiness()).isEqualTo(DrReadiness.NOT_READY);
        assertThat(v.reasons()).containsExactly("no item is replicated from paris-dc1 to london-dr");
    }

    @Test
    void shouldApplyTheMostSpecificRpoOverrideAndGrace() {
        HealthRules rules = new HealthRules(SiteRules.DEFAULTS, java.util.Map.of(), ReplicationRules.DEFAULTS,
                java.util.Map.of(PARIS, new ReplicationOverride(null, null, 60L, null, null)),
                java.util.Map.of(PAIR.key(), new ReplicationOverride(1800L, null, null, 90L, null)),
                java.util.Map.of(PARIS + "/100-0", new ReplicationOverride(300L, null, null, null, null)));
        ReplicationStatus item = replicated(PARIS, "100-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK,
                900L, T0, null);
        ReplicationStatus other = replicated(PARIS, "101-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK,
                900L, T0, null);

        assertThat(RpoPolicy.targetSeconds(item, rules.forItem(item))).isEqualTo(300);
        assertThat(RpoPolicy.targetSeconds(other, rules.forItem(other))).isEqualTo(1800);
        assertThat(rules.forItem(other).rpoGraceSeconds()).isEqualTo(60);
        assertThat(rules.forItem(other).testFailoverMaxAgeDays()).isEqualTo(90);
        assertThat(RpoPolicy.outsideRpo(other, T0.plusSeconds(1860), rules.forItem(other))).isFalse();
        assertThat(RpoPolicy.outsideRpo(other, T0.plusSeconds(1861), rules.forItem(other))).isTrue();
    }
}
