package org.sitewatch.alerting.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.alerting.support.TestAlerts.T0;
import static org.sitewatch.alerting.support.TestAlerts.firing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.state.ActiveAlerts.Change;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;
import org.sitewatch.events.MaintenanceWindow;

class ActiveAlertsTest {

    private static final Set<String> TARGETS = Set.of("alertmanager", "hook");
    private static final Instant NOW = T0.plusSeconds(10);

    private final MaintenanceWindows windows = new MaintenanceWindows(List.of(
            new MaintenanceWindow("lyon-works", "lyon", null, null, null, null, T0, T0.plusSeconds(3600), "works", "ops")),
            Duration.ofHours(1));
    private final ActiveAlerts alerts = new ActiveAlerts(windows, Duration.ofHours(1));

    @Test
    void shouldOweANewFiringAlertToEveryTargetUntilEachAcceptedIt() {
        Alert a = firing("ReplicationFailed", "paris", "critical", T0);
        assertThat(alerts.apply(a.fingerprint(), a, 1, 7, TARGETS, NOW)).isEqualTo(Change.STATE_CHANGE);

        assertThat(alerts.deliverableFor("hook", NOW)).containsExactly(a);
        assertThat(alerts.backlog("hook")).isEqualTo(1);
        assertThat(alerts.backlog("alertmanager")).isEqualTo(1);

        alerts.delivered("hook", List.of(a));
        assertThat(alerts.deliverableFor("hook", NOW)).isEmpty();
        assertThat(alerts.backlog("hook")).isZero();
        assertThat(alerts.backlog("alertmanager")).as("alertmanager still owes it, on its own").isEqualTo(1);
        alerts.delivered("alertmanager", List.of(a));
        assertThat(alerts.backlog("alertmanager")).isZero();
        assertThat(alerts.pendingCount()).isZero();
    }

    @Test
    void shouldTreatARepeatedStateAsARefreshThatOwesNothing() {
        Alert a = firing("CollectorDown", "paris", "warning", T0);
        alerts.apply(a.fingerprint(), a, 0, 1, TARGETS, NOW);
        deliverAll(a);

        Alert again = new Alert(a.fingerprint(), AlertState.FIRING, a.labels(), Map.of("summary", "new text"), T0, null, null);
        assertThat(alerts.apply(a.fingerprint(), again, 0, 2, TARGETS, NOW)).isEqualTo(Change.REFRESH);
        assertThat(alerts.deliverableFor("hook", NOW)).isEmpty();
        assertThat(alerts.backlog("hook")).isZero();
        assertThat(alerts.list(AlertQuery.ALL, NOW).get(0).annotations()).containsEntry("summary", "new text");
    }

    @Test
    void shouldOweANewEpisodeWhenStartsAtChanges() {
        Alert a = firing("CollectorDown", "paris", "warning", T0);
        alerts.apply(a.fingerprint(), a, 0, 1, TARGETS, NOW);
        deliverAll(a);
        Alert later = firing("CollectorDown", "paris", "warning", T0.plusSeconds(5));
        assertThat(alerts.apply(a.fingerprint(), later, 0, 2, TARGETS, NOW)).isEqualTo(Change.STATE_CHANGE);
        assertThat(alerts.deliverableFor("hook", NOW)).containsExactly(later);
    }

    @Test
    void shouldOweEveryStateChangeInRecordOrder() {
        Alert a = firing("ReplicationFailed", "paris", "critical", T0);
        alerts.apply(a.fingerprint(), a, 2, 10, TARGETS, NOW);
        alerts.delivered("alertmanager", List.of(a));
        Alert resolved = a.resolved(T0.plusSeconds(5), null);
        alerts.apply(a.fingerprint(), resolved, 2, 11, TARGETS, NOW);

        assertThat(alerts.deliverableFor("hook", NOW)).as("a resolve never before its firing").containsExactly(a, resolved);
        assertThat(alerts.deliverableFor("alertmanager", NOW)).containsExactly(resolved);
        assertThat(alerts.backlog("hook")).isEqualTo(2);

        alerts.delivered("hook", List.of(a));
        assertThat(alerts.deliverableFor("hook", NOW)).containsExactly(resolved);
        alerts.delivered("hook", List.of(resolved));
        alerts.delivered("alertmanager", List.of(resolved));
        assertThat(alerts.backlog("hook") + alerts.backlog("alertmanager")).isZero();
    }

    @Test
    void shouldSendTheNewestContentOfAStateChangeStillOwed() {
        Alert a = firing("CollectorDown", "paris", "warning", T0);
        alerts.apply(a.fingerprint(), a, 0, 1, TARGETS, NOW);
        Alert reworded = new Alert(a.fingerprint(), AlertState.FIRING, a.labels(), Map.of("summary", "v2"), T0, null, null);
        alerts.apply(a.fingerprint(), reworded, 0, 2, TARGETS, NOW);
        assertThat(alerts.deliverableFor("hook", NOW)).containsExactly(reworded);
        assertThat(alerts.backlog("hook")).as("one state change, with the newest content").isEqualTo(1);
    }

    @Test
    void shouldHoldASuppressedFiringAlertUntilItsWindowEnds() {
        Alert a = firing("HaHostFailed", "lyon", "critical", T0);
        alerts.apply(a.fingerprint(), a, 0, 3, TARGETS, NOW);

        assertThat(alerts.deliverableFor("hook", NOW)).isEmpty();
        assertThat(alerts.resendable(NOW, Duration.ofMinutes(15))).isEmpty();
        assertThat(alerts.backlog("hook")).as("owed while held").isEqualTo(1);
        AlertView view = alerts.list(AlertQuery.ALL, NOW).get(0);
        assertThat(view.suppressed()).isTrue();
        assertThat(view.suppressedBy()).containsExactly("lyon-works");
        assertThat(alerts.suppressedCount(NOW)).isEqualTo(1);

        Instant afterWindow = T0.plusSeconds(3600);
        assertThat(alerts.deliverableFor("hook", afterWindow)).containsExactly(a);
        assertThat(alerts.resendable(afterWindow, Duration.ofMinutes(15))).containsExactly(a);
        assertThat(alerts.list(AlertQuery.ALL, afterWindow).get(0).suppressed()).isFalse();
    }

    @Test
    void shouldDropTheResolveOfAnEpisodeNobodyWasToldAbout() {
        Alert a = firing("HaHostFailed", "lyon", "critical", T0);
        alerts.apply(a.fingerprint(), a, 0, 3, TARGETS, NOW);
        alerts.apply(a.fingerprint(), a.resolved(NOW, null), 0, 4, TARGETS, NOW);

        assertThat(alerts.deliverableFor("hook", NOW)).isEmpty();
        assertThat(alerts.backlog("hook")).isZero();
        assertThat(alerts.resendable(NOW, Duration.ofMinutes(15))).isEmpty();
    }

    @Test
    void shouldDeliverTheResolveOfAnAnnouncedAlertEvenInsideAWindow() {
        Instant before = T0.minusSeconds(60);
        Alert a = firing("HaHostFailed", "lyon", "critical", before.minusSeconds(1));
        alerts.apply(a.fingerprint(), a, 0, 3, TARGETS, before);
        deliverAll(a);
        Alert resolved = a.resolved(NOW, null);
        alerts.apply(a.fingerprint(), resolved, 0, 4, TARGETS, NOW);

        assertThat(alerts.deliverableFor("hook", NOW)).containsExactly(resolved);
        assertThat(alerts.resendable(NOW, Duration.ofMinutes(15))).containsExactly(resolved);
    }

    @Test
    void shouldResendResolvedAlertsOnlyForAWhile() {
        Alert a = firing("CollectorDown", "paris", "warning", T0);
        alerts.apply(a.fingerprint(), a, 0, 1, TARGETS, NOW);
        deliverAll(a);
        Alert resolved = a.resolved(NOW, null);
        alerts.apply(a.fingerprint(), resolved, 0, 2, TARGETS, NOW);
        deliverAll(resolved);

        assertThat(alerts.resendable(NOW.plusSeconds(60), Duration.ofMinutes(15))).containsExactly(resolved);
        assertThat(alerts.resendable(NOW.plus(Duration.ofMinutes(16)), Duration.ofMinutes(15))).isEmpty();
    }

    @Test
    void shouldExpireResolvedAlertsAfterTheRetentionButNotWhileOwed() {
        Alert a = firing("CollectorDown", "paris", "warning", T0);
        alerts.apply(a.fingerprint(), a, 0, 1, TARGETS, NOW);
        alerts.apply(a.fingerprint(), a.resolved(NOW, null), 0, 2, TARGETS, NOW);
        Instant late = NOW.plus(Duration.ofHours(2));

        assertThat(alerts.expire(late)).as("still owed to the targets").isZero();
        for (String t : TARGETS) {
            alerts.delivered(t, alerts.deliverableFor(t, late));
        }
        assertThat(alerts.expire(late)).isEqualTo(1);
        assertThat(alerts.size()).isZero();
    }

    @Test
    void shouldRestoreThePersistedDeliveryStateExactly() {
        Alert a = firing("CollectorDown", "paris", "warning", T0);
        alerts.apply(a.fingerprint(), a, 0, 7, TARGETS, NOW);
        alerts.delivered("alertmanager", List.of(a));
        List<StateWrite> persisted = alerts.drainChanges();
        assertThat(persisted).singleElement().satisfies(w -> {
            assertThat(w.partition()).isZero();
            assertThat(w.record().sourceOffset()).isEqualTo(7);
            assertThat(w.record().announced()).isTrue();
        });

        ActiveAlerts restarted = new ActiveAlerts(windows, Duration.ofHours(1));
        restarted.restore(a.fingerprint(), persisted.get(0).record(), 0, TARGETS);
        assertThat(restarted.deliverableFor("alertmanager", NOW)).as("accepted before the restart").isEmpty();
        assertThat(restarted.deliverableFor("hook", NOW)).as("still owed after the restart").containsExactly(a);
        assertThat(restarted.resendable(NOW, Duration.ofMinutes(15))).containsExactly(a);
        assertThat(restarted.drainChanges()).as("restoring is not a change").isEmpty();

        Alert resolved = a.resolved(NOW, null);
        restarted.apply(a.fingerprint(), resolved, 0, 9, TARGETS, NOW);
        assertThat(restarted.deliverableFor("alertmanager", NOW)).containsExactly(resolved);
    }

    @Test
    void shouldNotResendARestoredResolveThatAWindowHid() {
        Alert a = firing("HaHostFailed", "lyon", "critical", T0);
        alerts.restore(a.fingerprint(), new DeliveryRecord(a.resolved(NOW, null), false, List.of(), 4), 0, TARGETS);
        assertThat(alerts.resendable(NOW, Duration.ofMinutes(15))).isEmpty();
        assertThat(alerts.list(AlertQuery.ALL, NOW)).hasSize(1);
    }

    @Test
    void shouldSkipRecordsReadAgainAfterACrashBeforeTheCommit() {
        Alert a = firing("HaHostFailed", "paris", "critical", T0);
        alerts.restore(a.fingerprint(), new DeliveryRecord(a, true, List.of(), 5), 2, TARGETS);

        assertThat(alerts.apply(a.fingerprint(), a, 2, 5, TARGETS, NOW)).isEqualTo(Change.ALREADY_APPLIED);
        assertThat(alerts.apply(a.fingerprint(), a.resolved(NOW, null), 2, 4, TARGETS, NOW))
                .isEqualTo(Change.ALREADY_APPLIED);
        assertThat(alerts.backlog("hook")).isZero();
        assertThat(alerts.apply(a.fingerprint(), a.resolved(NOW, null), 2, 6, TARGETS, NOW)).isEqualTo(Change.STATE_CHANGE);
        assertThat(alerts.backlog("hook")).isEqualTo(1);
    }

    @Test
    void shouldDropWhatIsOwedToATargetNoLongerConfigured() {
        Alert a = firing("HaHostFailed", "paris", "critical", T0);
        DeliveryRecord record = new DeliveryRecord(a, false,
                List.of(new DeliveryRecord.OwedChange(a, List.of("hook", "removed-hook"))), 3);
        alerts.restore(a.fingerprint(), record, 0, TARGETS);
        assertThat(alerts.backlog("removed-hook")).isZero();
        assertThat(alerts.backlog("hook")).isEqualTo(1);
    }

    @Test
    void shouldPersistEveryChangeOnceAndATombstoneWhenAnAlertGoes() {
        Alert a = firing("A", "paris", "warning", T0);
        Alert b = firing("B", "paris", "warning", T0);
        alerts.apply(a.fingerprint(), a, 0, 1, TARGETS, NOW);
        alerts.apply(b.fingerprint(), b, 1, 1, TARGETS, NOW);
        assertThat(alerts.drainChanges()).extracting(StateWrite::fingerprint)
                .containsExactlyInAnyOrder(a.fingerprint(), b.fingerprint());
        assertThat(alerts.drainChanges()).isEmpty();

        alerts.delivered("hook", List.of(b));
        alerts.delivered("hook", List.of(b));
        assertThat(alerts.drainChanges()).as("a delivery changes the bookkeeping").singleElement()
                .satisfies(w -> assertThat(w.record().owed()).singleElement()
                        .satisfies(o -> assertThat(o.targets()).containsExactly("alertmanager")));

        alerts.apply(a.fingerprint(), null, 0, 2, TARGETS, NOW);
        List<StateWrite> tombstone = alerts.drainChanges();
        assertThat(tombstone).singleElement().satisfies(w -> {
            assertThat(w.fingerprint()).isEqualTo(a.fingerprint());
            assertThat(w.record()).isNull();
        });
        alerts.unpersisted(tombstone);
        assertThat(alerts.drainChanges()).as("handed back when the write failed").hasSize(1);
    }

    @Test
    void shouldHandOutNothingOfAPartitionStillBeingRebuilt() {
        Alert a = firing("A", "paris", "warning", T0);
        alerts.rebuilding(List.of(0));
        alerts.restore(a.fingerprint(), new DeliveryRecord(a, false,
                List.of(new DeliveryRecord.OwedChange(a, List.of("hook"))), 1), 0, TARGETS);
        assertThat(alerts.isRebuilding()).isTrue();
        assertThat(alerts.deliverableFor("hook", NOW)).isEmpty();
        assertThat(alerts.resendable(NOW, Duration.ofMinutes(15))).isEmpty();

        alerts.rebuilt(List.of(0));
        assertThat(alerts.isRebuilding()).isFalse();
        assertThat(alerts.deliverableFor("hook", NOW)).containsExactly(a);
    }

    @Test
    void shouldBoundWhatOneAlertOwesATargetThatIsDownAndCountWhatItForgets() {
        Alert first = firing("Flapping", "paris", "warning", T0);
        long offset = 0;
        for (int i = 0; i < 50; i++) {
            Alert episode = firing("Flapping", "paris", "warning", T0.plusSeconds(10L * i));
            alerts.apply(first.fingerprint(), episode, 0, offset++, TARGETS, NOW);
            alerts.delivered("alertmanager", alerts.deliverableFor("alertmanager", NOW));
            alerts.apply(first.fingerprint(), episode.resolved(T0.plusSeconds(10L * i + 5), null), 0, offset++, TARGETS, NOW);
            alerts.delivered("alertmanager", alerts.deliverableFor("alertmanager", NOW));
        }
        Alert last = firing("Flapping", "paris", "warning", T0.plusSeconds(1000));
        alerts.apply(first.fingerprint(), last, 0, offset, TARGETS, NOW);

        List<Alert> owed = alerts.deliverableFor("hook", NOW);
        assertThat(owed).hasSizeLessThanOrEqualTo(ActiveAlerts.MAX_OWED_PER_TARGET);
        assertThat(owed.get(owed.size() - 1)).as("the newest state is never forgotten").isEqualTo(last);
        for (int i = 0; i + 1 < owed.size(); i++) {
            if (owed.get(i + 1).state() == AlertState.RESOLVED) {
                assertThat(owed.get(i).startsAt()).as("a resolve comes with its own firing")
                        .isEqualTo(owed.get(i + 1).startsAt());
            }
        }
        assertThat(alerts.collapsed("hook")).isEqualTo(101 - owed.size());
        assertThat(alerts.collapsed("alertmanager")).as("it accepted everything").isZero();
    }

    @Test
    void shouldRemoveOnTombstoneAndForgetRevokedPartitions() {
        Alert a = firing("A", "paris", "warning", T0);
        Alert b = firing("B", "paris", "warning", T0);
        alerts.apply(a.fingerprint(), a, 0, 1, TARGETS, NOW);
        alerts.apply(b.fingerprint(), b, 1, 1, TARGETS, NOW);

        assertThat(alerts.apply(a.fingerprint(), null, 0, 2, TARGETS, NOW)).isEqualTo(Change.REMOVED);
        assertThat(alerts.backlog("hook")).isEqualTo(1);
        alerts.forget(List.of(1));
        assertThat(alerts.size()).isZero();
    }

    @Test
    void shouldUseTheRecordKeyAsFingerprint() {
        Alert a = firing("A", "paris", "warning", T0);
        alerts.apply("key-wins", a, 0, 1, TARGETS, NOW);
        assertThat(alerts.deliverableFor("hook", NOW)).extracting(Alert::fingerprint).containsExactly("key-wins");
    }

    @Test
    void shouldListFiringFirstBySeverityAndFilter() {
        Alert warning = firing("W", "paris", "warning", T0);
        Alert critical = firing("C", "paris", "critical", T0);
        Alert other = firing("O", "nice", "critical", T0.plusSeconds(1));
        Alert gone = firing("G", "paris", "critical", T0);
        for (Alert a : List.of(warning, critical, other, gone)) {
            alerts.apply(a.fingerprint(), a, 0, 1, TARGETS, NOW);
        }
        alerts.apply(gone.fingerprint(), gone.resolved(NOW, null), 0, 2, TARGETS, NOW);

        assertThat(alerts.list(AlertQuery.ALL, NOW)).extracting(AlertView::fingerprint)
                .containsExactly(other.fingerprint(), critical.fingerprint(), warning.fingerprint(), gone.fingerprint());
        assertThat(alerts.list(new AlertQuery("paris", "critical", AlertQuery.StateFilter.FIRING), NOW))
                .extracting(AlertView::fingerprint).containsExactly(critical.fingerprint());
        assertThat(alerts.list(new AlertQuery(null, null, AlertQuery.StateFilter.RESOLVED), NOW))
                .extracting(AlertView::fingerprint).containsExactly(gone.fingerprint());
        assertThat(alerts.firingCount("critical")).isEqualTo(2);
        assertThat(alerts.firingCountOther(List.of("critical", "warning", "info"))).isZero();
    }

    private void deliverAll(Alert a) {
        for (String t : TARGETS) {
            alerts.delivered(t, List.of(a));
        }
    }
}
