package org.sitewatch.core.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.event;
import static org.sitewatch.testsupport.TestEvents.vm;
import static org.sitewatch.testsupport.TestEvents.vmRemoved;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;

class EntityFoldTest {

    private static final HealthRules RULES = HealthRules.defaultRules();

    private static FoldResult<VmState> fold(EntityRecord<VmState> current, SitewatchEvent e) {
        return EntityFold.apply(current, e, VmState.class, T0.plusSeconds(3600), RULES);
    }

    @Test
    void shouldApplyFirstEventOfAnEntity() {
        FoldResult<VmState> result = fold(null, event(vm(PARIS, "100", PowerState.RUNNING), T0));

        assertThat(result.outcome()).isEqualTo(FoldResult.Outcome.APPLIED);
        assertThat(result.record().data().power()).isEqualTo(PowerState.RUNNING);
        assertThat(result.record().time()).isEqualTo(T0);
        assertThat(result.delta().before()).isEqualTo(Contribution.NONE);
        assertThat(result.delta().after().counts())
                .containsEntry(Counters.VMS, 1L).containsEntry(Counters.vmPower(PowerState.RUNNING), 1L);
    }

    @Test
    void shouldIgnoreAnOlderObservationArrivingAfterANewerOne() {
        EntityRecord<VmState> newer = fold(null, event(vm(PARIS, "100", PowerState.STOPPED), T0.plusSeconds(60))).record();

        FoldResult<VmState> late = fold(newer, event(vm(PARIS, "100", PowerState.RUNNING), T0));

        assertThat(late.outcome()).isEqualTo(FoldResult.Outcome.OUT_OF_ORDER);
        assertThat(late.changed()).isFalse();
        assertThat(late.delta()).isNull();
    }

    @Test
    void shouldCountTheSameEventOnce() {
        SitewatchEvent e = event(vm(PARIS, "100", PowerState.RUNNING), T0);
        EntityRecord<VmState> first = fold(null, e).record();

        FoldResult<VmState> again = fold(first, e);

        assertThat(again.outcome()).isEqualTo(FoldResult.Outcome.DUPLICATE);
        assertThat(again.delta()).isNull();
    }

    @Test
    void shouldLetTheLaterArrivalWinAtEqualEventTimeFromAnotherSource() {
        EntityRecord<VmState> first = fold(null, event(vm(PARIS, "100", PowerState.RUNNING), T0)).record();
        SitewatchEvent other = SitewatchEvent.observed(URI.create("/sitewatch/collectors/proxmox/other"), T0,
                vm(PARIS, "100", PowerState.PAUSED));

        FoldResult<VmState> result = fold(first, other);

        assertThat(result.outcome()).isEqualTo(FoldResult.Outcome.APPLIED);
        assertThat(result.record().data().power()).isEqualTo(PowerState.PAUSED);
    }

    @Test
    void shouldRetractTheContributionOfARemovedEntityAndKeepATombstone() {
        EntityRecord<VmState> running = fold(null, event(vm(PARIS, "100", PowerState.RUNNING), T0)).record();

        FoldResult<VmState> removed = fold(running, event(vmRemoved(PARIS, "100"), T0.plusSeconds(10)));

        assertThat(removed.record().removed()).isTrue();
        assertThat(removed.record().contribution()).isEqualTo(Contribution.NONE);
        assertThat(removed.delta().before()).isEqualTo(running.contribution());
        assertThat(removed.delta().after()).isEqualTo(Contribution.NONE);
    }

    @Test
    void shouldNotResurrectARemovedEntityWithAnOlderEvent() {
        EntityRecord<VmState> running = fold(null, event(vm(PARIS, "100", PowerState.RUNNING), T0)).record();
        EntityRecord<VmState> tombstone = fold(running, event(vmRemoved(PARIS, "100"), T0.plusSeconds(10))).record();

        FoldResult<VmState> late = fold(tombstone, event(vm(PARIS, "100", PowerState.RUNNING), T0.plusSeconds(5)));

        assertThat(late.outcome()).isEqualTo(FoldResult.Outcome.OUT_OF_ORDER);
    }

    @Test
    void shouldSendOldAndNewContributionWhenTheStateChanges() {
        EntityRecord<VmState> running = fold(null, event(vm(PARIS, "100", PowerState.RUNNING), T0)).record();

        SiteDelta delta = fold(running, event(vm(PARIS, "100", PowerState.CRASHED), T0.plusSeconds(10))).delta();

        assertThat(delta.site()).isEqualTo(PARIS);
        assertThat(delta.subject()).isEqualTo("vm/" + PARIS + "/100");
        assertThat(delta.before().counts()).containsKey(Counters.vmPower(PowerState.RUNNING));
        assertThat(delta.after().counts()).containsKey(Counters.vmPower(PowerState.CRASHED));
        assertThat(delta.after().problem().severity()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(delta.after().problem().reason()).contains("vm-100 (100) CRASHED on host pve1");
    }

    @Test
    void shouldSendNoDeltaWhenTheContributionDoesNotChange() {
        EntityRecord<VmState> running = fold(null, event(vm(PARIS, "100", PowerState.RUNNING), T0)).record();

        FoldResult<VmState> resync = fold(running, event(vm(PARIS, "100", PowerState.RUNNING), T0.plusSeconds(300)));

        assertThat(resync.changed()).isTrue();
        assertThat(resync.record().time()).isEqualTo(T0.plusSeconds(300));
        assertThat(resync.delta()).isNull();
    }

    @Test
    void shouldKeepWhenAProblemStartedWhileItLasts() {
        EntityRecord<VmState> crashed = fold(null, event(vm(PARIS, "100", PowerState.CRASHED), T0)).record();

        EntityRecord<VmState> stillCrashed = fold(crashed, event(vm(PARIS, "100", PowerState.CRASHED), T0.plusSeconds(300))).record();

        assertThat(stillCrashed.contribution().problem().since()).isEqualTo(T0);
    }
}
