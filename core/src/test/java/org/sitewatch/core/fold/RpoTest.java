package org.sitewatch.core.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.event;
import static org.sitewatch.testsupport.TestEvents.replicating;
import static org.sitewatch.testsupport.TestEvents.replication;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

class RpoTest {

    private static final ReplicationRules RULES = ReplicationRules.DEFAULTS;
    private static final HealthRules HEALTH = HealthRules.defaultRules();

    private static EntityRecord<ReplicationStatus> folded(ReplicationStatus r, Instant time, Instant now) {
        return EntityFold.apply(null, event(r, time), ReplicationStatus.class, now, HEALTH).record();
    }

    private static boolean outside(EntityRecord<ReplicationStatus> record) {
        return record.contribution().count(Counters.REPLICATION_OUTSIDE_RPO) == 1;
    }

    @Test
    void shouldCrossTheRpoWhenTimePassesWithoutANewRecoveryPoint() {
        EntityRecord<ReplicationStatus> inside = folded(replicating(PARIS, "100-0", 900, T0), T0, T0.plusSeconds(60));
        assertThat(outside(inside)).isFalse();

        FoldResult<ReplicationStatus> atLimit = EntityFold.reevaluate(inside, T0.plusSeconds(900), HEALTH);
        FoldResult<ReplicationStatus> after = EntityFold.reevaluate(inside, T0.plusSeconds(901), HEALTH);

        assertThat(atLimit.outcome()).isEqualTo(FoldResult.Outcome.UNCHANGED);
        assertThat(outside(after.record())).isTrue();
        assertThat(after.delta().after().problem().reason()).contains("outside its RPO of 900 s");
        assertThat(after.delta().after().problem().severity()).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void shouldComeBackInsideTheRpoWithANewRecoveryPoint() {
        EntityRecord<ReplicationStatus> late = folded(replicating(PARIS, "100-0", 900, T0), T0, T0.plusSeconds(1000));
        assertThat(outside(late)).isTrue();

        FoldResult<ReplicationStatus> synced = EntityFold.apply(late, event(replicating(PARIS, "100-0", 900, T0.plusSeconds(990)),
                T0.plusSeconds(995)), ReplicationStatus.class, T0.plusSeconds(1000), HEALTH);

        assertThat(outside(synced.record())).isFalse();
        assertThat(synced.delta().before().count(Counters.REPLICATION_OUTSIDE_RPO)).isEqualTo(1);
        assertThat(synced.delta().after().problem()).isNull();
    }

    @Test
    void shouldTreatANeverSyncedItemAsOutsideItsRpo() {
        EntityRecord<ReplicationStatus> never = folded(replicating(PARIS, "100-0", 900, null), T0, T0);

        assertThat(outside(never)).isTrue();
        assertThat(never.contribution().problem().reason()).contains("never synced");
    }

    @Test
    void shouldNeverCheckAnItemWhoseTechnologyReportsNoRecoveryPoint() {
        ReplicationStatus r = replicating(PARIS, "dr-0", 900, null);
        ReplicationStatus unreported = new ReplicationStatus(r.site(), r.platform(), r.itemId(), r.vmId(), r.name(),
                r.sourceSite(), r.targetSite(), r.sourceHost(), r.targetHost(), "ovirt-storage-dr", r.state(), r.health(),
                r.vendorState(), r.targetRpoSeconds(), null, null, null, null, null, false, true);

        EntityRecord<ReplicationStatus> folded = folded(unreported, T0, T0.plusSeconds(86_400));

        assertThat(outside(folded)).isFalse();
        assertThat(folded.contribution().count(Counters.REPLICATION_NEVER_SYNCED)).isZero();
        assertThat(folded.contribution().problem()).isNull();
        assertThat(RpoPolicy.crossesAt(unreported, RULES)).isEmpty();
    }

    @Test
    void shouldGiveTheFirstMillisecondOutsideAsTheCrossingInstant() {
        ReplicationStatus r = replicating(PARIS, "100-0", 900, T0);

        assertThat(RpoPolicy.crossesAt(r, RULES)).contains(T0.plusSeconds(900).plusMillis(1));
        assertThat(RpoPolicy.outsideRpo(r, T0.plusSeconds(900), RULES)).isFalse();
        assertThat(RpoPolicy.outsideRpo(r, T0.plusSeconds(900).plusMillis(1), RULES)).isTrue();
    }

    @Test
    void shouldNotCheckAnItemWithoutTargetUnlessTheSiteHasADefault() {
        ReplicationStatus noTarget = replication(PARIS, "100-0", ReplicationState.REPLICATING, ReplicationHealth.OK, null, T0);

        assertThat(RpoPolicy.outsideRpo(noTarget, T0.plusSeconds(86_400), RULES)).isFalse();
        assertThat(RpoPolicy.outsideRpo(noTarget, T0.plusSeconds(601), new ReplicationRules(null, 600L, 0, 180, true))).isTrue();
    }

    @Test
    void shouldNotCheckAFailedOverItem() {
        ReplicationStatus failedOver = replication(PARIS, "100-0", ReplicationState.FAILED_OVER, ReplicationHealth.OK, 900L, T0);

        assertThat(RpoPolicy.outsideRpo(failedOver, T0.plusSeconds(86_400), RULES)).isFalse();
        assertThat(RpoPolicy.crossesAt(failedOver, RULES)).isEmpty();
    }
}
