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
    void shouldOweANewFiringAlertToEveryTargetAndHoldItsOffset() {
        Alert a = firing("ReplicationFailed", "paris", "critical", T0);
        assertThat(alerts.apply(a.fingerprint(), a, 1, 7, TARGETS, NOW)).isEqualTo(Change.STATE_CHANGE);

        assertThat(alerts.deliverableFor("hook", NOW)).containsExactly(a);
        assertThat(alerts.heldOffset(1)).hasValue(7);
        assertThat(alerts.heldOffset(0)).isEmpty();

        alerts.delivered("hook", List.of(a));
        assertThat(alerts.deliverableFor("hook", NOW)).isEmpty();
        assertThat(alerts.heldOffset(1)).as("alertmanager still owes it").hasValue(7);
        alerts.delivered("alertmanager", List.of(a));
        assertThat(alerts.heldOffset(1)).isEmpty();
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
        assertThat(alerts.heldOffset(0)).isEmpty();
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
        assertThat(alerts.heldOffset(2)).hasValue(10);

        alerts.delivered("hook", List.of(a));
        assertThat(alerts.heldOffset(2)).hasValue(11);
        alerts.delivered("hook", List.of(resolved));
        alerts.delivered("alertmanager", List.of(resolved));
        assertThat(alerts.heldOffset(2)).isEmpty();
    }

    @Test
    void shouldSendTheNewestContentOfAStateChangeStillOwed() {
        Alert a = firing("CollectorDown", "paris", "warning", T0);
        alerts.apply(a.fingerprint(), a, 0, 1, TARGETS, NOW);
        Alert reworded = new Alert(a.fingerprint(), AlertState.FIRING, a.labels(), Map.of("summary", "v2"), T0, null, null);
        alerts.apply(a.fingerprint(), reworded, 0, 2, TARGETS, NOW);
        assertThat(alerts.deliverableFor("hook", NOW)).containsExactly(reworded);
        assertThat(alerts.heldOffset(0)).hasValue(1);
    }

    @Test
    void shouldHoldASuppressedFiringAlertUntilItsWindowEnds() {
        Alert a = firing("HaHostFailed", "lyon", "critical", T0);
        alerts.apply(a.fingerprint(), a, 0, 3, TARGETS, NOW);

        assertThat(alerts.deliverableFor("hook", NOW)).isEmpty();
        assertThat(alerts.resendable(NOW, Duration.ofMinutes(15))).isEmpty();
        assertThat(alerts.heldOffset(0)).as("not committed while owed").hasValue(3);
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
        assertThat(alerts.heldOffset(0)).isEmpty();
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
    void shouldRestoreDeliveredRecordsOwingNothing() {
        Alert a = firing("CollectorDown", "paris", "warning", T0);
        alerts.restore(a.fingerprint(), a, 0);

        assertThat(alerts.deliverableFor("hook", NOW)).isEmpty();
        assertThat(alerts.heldOffset(0)).isEmpty();
        assertThat(alerts.resendable(NOW, Duration.ofMinutes(15))).containsExactly(a);

        Alert resolved = a.resolved(NOW, null);
        alerts.apply(a.fingerprint(), resolved, 0, 9, TARGETS, NOW);
        assertThat(alerts.deliverableFor("hook", NOW)).containsExactly(resolved);
    }

    @Test
    void shouldNotResendARestoredResolveThatAWindowMayHaveHidden() {
        Alert a = firing("HaHostFailed", "lyon", "critical", T0);
        alerts.restore(a.fingerprint(), a.resolved(NOW, null), 0);
        assertThat(alerts.resendable(NOW, Duration.ofMinutes(15))).isEmpty();
        assertThat(alerts.list(AlertQuery.ALL, NOW)).hasSize(1);
    }

    @Test
    void shouldPreferALeakedResolveToAStaleFiringAfterARestart() {
        // After a restart a restored firing record may have been delivered before its window started, or hidden by it:
        // it counts as announced, so its resolve goes out (receivers ignore resolves of alerts they never saw).
        Alert a = firing("HaHostFailed", "lyon", "critical", T0);
        alerts.restore(a.fingerprint(), a, 0);
        Alert resolved = a.resolved(NOW, null);
        alerts.apply(a.fingerprint(), resolved, 0, 5, TARGETS, NOW);
        assertThat(alerts.deliverableFor("hook", NOW)).containsExactly(resolved);
    }

    @Test
    void shouldRemoveOnTombstoneAndForgetRevokedPartitions() {
        Alert a = firing("A", "paris", "warning", T0);
        Alert b = firing("B", "paris", "warning", T0);
        alerts.apply(a.fingerprint(), a, 0, 1, TARGETS, NOW);
        alerts.apply(b.fingerprint(), b, 1, 1, TARGETS, NOW);

        assertThat(alerts.apply(a.fingerprint(), null, 0, 2, TARGETS, NOW)).isEqualTo(Change.REMOVED);
        assertThat(alerts.heldOffset(0)).isEmpty();
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
