package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
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

class ChangeDetectorTest {

    private static final Instant T0 = Instant.parse("2025-01-07T10:00:00Z");

    private final ChangeDetector detector = new ChangeDetector(20);
    private int poll;

    @Test
    void shouldPublishEverythingOnTheFirstSnapshot() {
        List<EventData> published = next(vm("100", PowerState.RUNNING), vm("101", PowerState.STOPPED), cluster(1));

        assertThat(published).hasSize(3);
    }

    @Test
    void shouldPublishOnlyWhatChanged() {
        next(vm("100", PowerState.RUNNING), vm("101", PowerState.STOPPED), cluster(1));

        List<EventData> published = next(vm("100", PowerState.RUNNING), vm("101", PowerState.RUNNING), cluster(1));

        assertThat(published).containsExactly(vm("101", PowerState.RUNNING));
    }

    @Test
    void shouldPublishNothingWhenNothingChanged() {
        next(vm("100", PowerState.RUNNING), cluster(1));

        assertThat(next(vm("100", PowerState.RUNNING), cluster(1))).isEmpty();
    }

    @Test
    void shouldNotRepublishWhenOnlyTheLagGrew() {
        next(replication(600L, ReplicationState.REPLICATING));

        assertThat(next(replication(615L, ReplicationState.REPLICATING))).isEmpty();
        assertThat(next(replication(630L, ReplicationState.FAILED))).containsExactly(replication(630L, ReplicationState.FAILED));
    }

    @Test
    void shouldNotRepublishWhenOnlyTheHostDetailTextChanged() {
        next(host("pve1", "pve1 (active, Tue Jan  7 10:00:02 2025)"));

        assertThat(next(host("pve1", "pve1 (active, Tue Jan  7 10:00:12 2025)"))).isEmpty();
    }

    @Test
    void shouldPublishARemovedRecordWhenAnEntityDisappears() {
        next(vm("100", PowerState.RUNNING), vm("101", PowerState.STOPPED), host("pve2", null),
                replication(10L, ReplicationState.REPLICATING));

        List<EventData> published = next(vm("100", PowerState.RUNNING));

        assertThat(published).containsExactlyInAnyOrder(removed(vm("101", PowerState.STOPPED)),
                new HaHost("s", Platform.PROXMOX, "pve2", "pve2", "c", HaHostState.HEALTHY, "online", null, true),
                removedReplication());
        assertThat(next(vm("100", PowerState.RUNNING))).as("said once").isEmpty();
        assertThat(detector.knownEntities()).isEqualTo(1);
    }

    @Test
    void shouldNotTreatEntitiesOfAPartialTypeAsRemoved() {
        next(vm("100", PowerState.RUNNING), vm("101", PowerState.STOPPED));

        Snapshot partial = Snapshot.builder(T0).state(vm("100", PowerState.RUNNING)).partial(EventType.VM_STATE).build();

        assertThat(detector.onSnapshot(partial).toPublish()).isEmpty();
        assertThat(detector.knownEntities()).isEqualTo(2);
    }

    @Test
    void shouldRepublishEverythingEveryNthSnapshot() {
        ChangeDetector everyThird = new ChangeDetector(3);
        Snapshot same = snapshot(vm("100", PowerState.RUNNING), cluster(1));

        assertThat(everyThird.onSnapshot(same).toPublish()).hasSize(2);
        assertThat(everyThird.onSnapshot(same).toPublish()).isEmpty();
        ChangeDetector.Changes third = everyThird.onSnapshot(same);
        assertThat(third.resync()).isTrue();
        assertThat(third.toPublish()).hasSize(2);
        assertThat(everyThird.onSnapshot(same).toPublish()).isEmpty();
        assertThat(everyThird.onSnapshot(same).toPublish()).isEmpty();
        assertThat(everyThird.onSnapshot(same).toPublish()).hasSize(2);
    }

    @Test
    void shouldResyncOnTheNextSnapshotWhenAsked() {
        next(vm("100", PowerState.RUNNING));
        detector.requestResync();

        assertThat(next(vm("100", PowerState.RUNNING))).hasSize(1);
        assertThat(next(vm("100", PowerState.RUNNING))).isEmpty();
    }

    @Test
    void shouldPublishAnEntityOnceWhenTheVendorListsItTwice() {
        assertThat(next(vm("100", PowerState.RUNNING), vm("100", PowerState.STOPPED)))
                .containsExactly(vm("100", PowerState.RUNNING));
        assertThat(next(vm("100", PowerState.RUNNING), vm("100", PowerState.STOPPED))).isEmpty();
    }

    @Test
    void shouldTreatPushedObservationsLikeSnapshotEntries() {
        assertThat(detector.onObservation(vm("100", PowerState.RUNNING))).isPresent();
        assertThat(detector.onObservation(vm("100", PowerState.RUNNING))).isEmpty();
        assertThat(detector.onObservation(vm("100", PowerState.PAUSED))).isPresent();
        assertThat(detector.onObservation(removed(vm("100", PowerState.PAUSED)))).isPresent();
        assertThat(detector.onObservation(removed(vm("100", PowerState.PAUSED)))).as("unknown by now").isEmpty();
        HaAction action = new HaAction("s", Platform.PROXMOX, "a1", "100", "c", HaActionKind.FENCE, "n1", null, "fence", null);
        assertThat(detector.onObservation(action)).contains(action);
        assertThat(detector.onObservation(action)).as("actions are not states").contains(action);
    }

    @Test
    void shouldNotRepublishAnUnchangedInventoryAfterARestoreButReportWhatWentMeanwhile() {
        ChangeDetector restarted = new ChangeDetector(20);
        restarted.restore(List.of(vm("100", PowerState.RUNNING), vm("101", PowerState.RUNNING), cluster(3)));

        List<EventData> published = restarted.onSnapshot(snapshot(vm("100", PowerState.RUNNING), cluster(3)))
                .toPublish();

        assertThat(published).containsExactly(removed(vm("101", PowerState.RUNNING)));
    }

    @Test
    void shouldKeepTheLastStateOfEntitiesInAScopeThatCouldNotBeRead() {
        VmState onPve1 = vm("100", PowerState.RUNNING);
        VmState onPve2 = onHost(vm("200", PowerState.RUNNING), "pve2");
        next(onPve1, onPve2, onHost(vm("201", PowerState.RUNNING), "pve2"));

        Snapshot partial = Snapshot.builder(T0.plusSeconds(60)).state(vm("100", PowerState.STOPPED))
                .state(onHost(vm("200", PowerState.CRASHED), "pve2")).state(onHost(vm("202", PowerState.STOPPED), "pve2"))
                .unreadable(EventType.VM_STATE, Scope.node("pve2"), "HTTP 500: node pve2 unreachable").build();
        List<EventData> published = detector.onSnapshot(partial).toPublish();

        assertThat(published).as("pve1 read and published; pve2's known VMs neither updated nor removed, "
                + "its new one published as read").containsExactly(vm("100", PowerState.STOPPED),
                onHost(vm("202", PowerState.STOPPED), "pve2"));
        assertThat(detector.knownEntities()).isEqualTo(4);
        assertThat(next(vm("100", PowerState.STOPPED))).as("pve2 readable again: its VMs are gone")
                .containsExactlyInAnyOrder(removed(onPve2), removed(onHost(vm("201", PowerState.RUNNING), "pve2")),
                        removed(onHost(vm("202", PowerState.STOPPED), "pve2")));
    }

    @Test
    void shouldKeepEveryEntityOfATypeWhoseOnlyEndpointCouldNotBeRead() {
        next(host("pve1", null), cluster(3), vm("100", PowerState.RUNNING));

        Snapshot partial = Snapshot.builder(T0.plusSeconds(60)).state(vm("100", PowerState.RUNNING))
                .unreadable(EventType.HA_HOST, Scope.endpoint("/cluster/ha/status/current"), "HTTP 501")
                .unreadable(EventType.HA_CLUSTER, Scope.endpoint("/cluster/ha/status/current"), "HTTP 501").build();

        assertThat(detector.onSnapshot(partial).toPublish()).isEmpty();
        assertThat(detector.knownEntities()).isEqualTo(3);
    }

    private static VmState onHost(VmState v, String host) {
        return new VmState(v.site(), v.platform(), v.vmId(), v.name(), host, v.cluster(), v.power(), v.vendorState(),
                v.haProtected(), v.haState(), v.removed());
    }

    private List<EventData> next(EventData... states) {
        poll++;
        return detector.onSnapshot(snapshot(states)).toPublish();
    }

    private Snapshot snapshot(EventData... states) {
        Snapshot.Builder b = Snapshot.builder(T0.plusSeconds(15L * poll));
        for (EventData s : states) {
            b.state(s);
        }
        return b.build();
    }

    private static VmState vm(String id, PowerState power) {
        return new VmState("s", Platform.PROXMOX, id, "vm-" + id, "pve1", "c", power, power.name().toLowerCase(),
                false, null, false);
    }

    private static VmState removed(VmState v) {
        return new VmState(v.site(), v.platform(), v.vmId(), v.name(), v.host(), v.cluster(), v.power(), v.vendorState(),
                v.haProtected(), v.haState(), true);
    }

    private static HaHost host(String id, String detail) {
        return new HaHost("s", Platform.PROXMOX, id, id, "c", HaHostState.HEALTHY, "online", detail, false);
    }

    private static HaCluster cluster(int healthy) {
        return new HaCluster("s", Platform.PROXMOX, "c", "c", true, 3, healthy, 0, true, "OK");
    }

    private static ReplicationStatus replication(Long lag, ReplicationState state) {
        return new ReplicationStatus("s", Platform.PROXMOX, "100-0", "100", "vm-100", "s", "s", "pve1", "pve2", "pvesr",
                state, ReplicationHealth.OK, "OK", 600L, T0, lag, null, 0, null, false);
    }

    private static ReplicationStatus removedReplication() {
        return new ReplicationStatus("s", Platform.PROXMOX, "100-0", "100", "vm-100", "s", "s", "pve1", "pve2", "pvesr",
                ReplicationState.REPLICATING, ReplicationHealth.OK, "OK", 600L, T0, null, null, 0, null, true);
    }
}
