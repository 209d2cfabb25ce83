package org.sitewatch.alerting.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;

/**
 * The dispatcher's picture of every alert it owns (one entry per fingerprint of its partitions):
 * the newest record and the state changes each target has not accepted yet. Plain Java with no
 * Kafka types, so the whole delivery bookkeeping is unit-tested without a broker. Every entry whose
 * bookkeeping changed is remembered ({@link #drainChanges}) so the dispatcher can persist it; after
 * a restart {@link #restore} brings it back from that record.
 *
 * <p>Rules:
 * <ul>
 *   <li>A <em>state change</em> is a new fingerprint, a new state, or a new {@code startsAt} (a new
 *       firing episode). It is owed to every target. A record that repeats the current state only
 *       refreshes the stored alert (annotations may change): nothing new is owed.</li>
 *   <li>A firing alert matching an active maintenance window is suppressed: it stays owed but is not
 *       deliverable until the window ends, then it goes out.</li>
 *   <li>A resolve of an episode no target was told about, while a window suppresses it, is owed to
 *       nobody: the episode stays invisible, as maintenance intends. Any other resolve is owed, also
 *       inside a window, so no receiver keeps a stale firing alert.</li>
 *   <li>Every state change is owed on its own, in record order, so a webhook sees a firing and its
 *       resolve even when both are read in one poll or while it is down (Alertmanager's client keeps
 *       only the newest per fingerprint of a batch). A resolve never goes out before its firing.</li>
 *   <li>Resolved alerts are kept for {@code resolvedRetention} (listing, re-sends), then dropped.</li>
 *   <li>At most {@link #MAX_OWED_PER_TARGET} state changes of one alert are owed to one target: while it
 *       is down, the oldest whole episodes it never heard of are forgotten for it (counted per target),
 *       so a target down for a day costs bounded memory and still gets the newest states, in order.</li>
 *   <li>A record at or before the offset last applied for its fingerprint is skipped (re-read after a crash).</li>
 *   <li>Alerts of a partition whose state is being rebuilt are not handed out for delivery.</li>
 * </ul>
 *
 * <p>Thread-safe (one lock): the dispatcher thread applies records, delivery workers take and mark
 * what they send, REST and metrics threads read.
 */
public final class ActiveAlerts {

    /** What a consumed record did. */
    public enum Change { STATE_CHANGE, REFRESH, REMOVED, UNKNOWN_REMOVED, ALREADY_APPLIED }

    /** State changes of one alert owed to one target at most; older episodes are collapsed beyond it. */
    public static final int MAX_OWED_PER_TARGET = 4;

    private static final List<String> SEVERITY_ORDER = List.of("critical", "warning", "info");

    private final Map<String, TrackedAlert> byFingerprint = new HashMap<>();
    private final MaintenanceWindows windows;
    private final Duration resolvedRetention;
    /** Fingerprint → partition of every entry whose persisted state is out of date (gone: a tombstone). */
    private final Map<String, Integer> changed = new HashMap<>();
    private final Set<Integer> rebuilding = new HashSet<>();
    private final Map<String, Long> collapsed = new HashMap<>();

    public ActiveAlerts(MaintenanceWindows windows, Duration resolvedRetention) {
        this.windows = Objects.requireNonNull(windows, "windows");
        this.resolvedRetention = Objects.requireNonNull(resolvedRetention, "resolvedRetention");
    }

    /**
     * Applies a record read from the alerts topic after the committed offset.
     *
     * @param fingerprint the record key (it wins over the value's own fingerprint field)
     * @param alert the value, null for a tombstone
     * @param targets every delivery target's name: who a state change is owed to
     */
    public synchronized Change apply(String fingerprint, Alert alert, int partition, long offset, Set<String> targets,
                                     Instant now) {
        TrackedAlert entry = byFingerprint.get(fingerprint);
        if (entry != null && offset <= entry.sourceOffset) {
            return Change.ALREADY_APPLIED;
        }
        if (alert == null) {
            if (byFingerprint.remove(fingerprint) == null) {
                return Change.UNKNOWN_REMOVED;
            }
            changed.put(fingerprint, partition);
            return Change.REMOVED;
        }
        changed.put(fingerprint, partition);
        Alert keyed = withFingerprint(fingerprint, alert);
        if (entry != null && entry.alert.state() == keyed.state() && entry.alert.startsAt().equals(keyed.startsAt())) {
            entry.alert = keyed;
            entry.sourceOffset = offset;
            entry.refreshOwed(keyed);
            return Change.REFRESH;
        }
        boolean newEpisode = entry == null || keyed.state() == AlertState.FIRING;
        if (entry == null) {
            entry = new TrackedAlert(keyed, partition, offset);
            byFingerprint.put(fingerprint, entry);
        }
        entry.alert = keyed;
        entry.sourceOffset = offset;
        if (newEpisode) {
            entry.announced = false;
        }
        if (keyed.state() == AlertState.RESOLVED && !entry.announced
                && !windows.suppressing(keyed.labels(), now).isEmpty()) {
            entry.dropEpisode(keyed.startsAt());
        } else {
            entry.owe(keyed, targets, MAX_OWED_PER_TARGET).forEach((target, n) -> collapsed.merge(target, (long) n, Long::sum));
        }
        return Change.STATE_CHANGE;
    }

    /**
     * Brings back an alert's delivery state as the dispatcher persisted it (rebuild after a start or
     * a rebalance); a null record forgets it. State changes owed to targets that are no longer
     * configured are dropped. Not a change to persist.
     */
    public synchronized void restore(String fingerprint, DeliveryRecord record, int partition, Set<String> targets) {
        if (record == null || record.alert() == null) {
            byFingerprint.remove(fingerprint);
            return;
        }
        DeliveryRecord keyed = new DeliveryRecord(withFingerprint(fingerprint, record.alert()), record.announced(),
                record.owed(), record.sourceOffset());
        byFingerprint.put(fingerprint, TrackedAlert.fromRecord(keyed, partition, targets));
    }

    /** Marks partitions whose state is being rebuilt: their alerts are not handed out until {@link #rebuilt}. */
    public synchronized void rebuilding(Collection<Integer> partitions) {
        rebuilding.addAll(partitions);
    }

    public synchronized void rebuilt(Collection<Integer> partitions) {
        rebuilding.removeAll(partitions);
    }

    public synchronized boolean isRebuilding() {
        return !rebuilding.isEmpty();
    }

    /**
     * The delivery state of every alert changed since the last call (a null record: forgotten), and
     * forgets that they changed. The caller persists them, or hands them back with {@link #unpersisted}.
     */
    public synchronized List<StateWrite> drainChanges() {
        List<StateWrite> out = new ArrayList<>(changed.size());
        changed.forEach((fingerprint, partition) -> {
            TrackedAlert e = byFingerprint.get(fingerprint);
            out.add(new StateWrite(fingerprint, partition, e == null ? null : e.toRecord()));
        });
        changed.clear();
        return out;
    }

    /** These could not be persisted: they are drained (with their state by then) again next time. */
    public synchronized void unpersisted(Collection<StateWrite> writes) {
        writes.forEach(w -> changed.putIfAbsent(w.fingerprint(), w.partition()));
    }

    /**
     * The state changes owed to {@code target} that may go out now, each alert's in record order
     * (suppressed firing ones wait, and so does what follows them).
     */
    public synchronized List<Alert> deliverableFor(String target, Instant now) {
        List<Alert> out = new ArrayList<>();
        for (TrackedAlert e : byFingerprint.values()) {
            if (rebuilding.contains(e.partition)) {
                continue;
            }
            out.addAll(e.owedTo(target, a -> a.state() == AlertState.FIRING
                    && !windows.suppressing(a.labels(), now).isEmpty()));
        }
        // Stable sort: two states of one alert keep their order.
        out.sort(Comparator.comparing(Alert::startsAt).thenComparing(Alert::fingerprint));
        return out;
    }

    /** Records that {@code target} accepted these state changes (as handed out by {@link #deliverableFor}). */
    public synchronized void delivered(String target, Collection<Alert> alerts) {
        for (Alert a : alerts) {
            TrackedAlert e = byFingerprint.get(a.fingerprint());
            if (e != null && e.deliveredTo(target, a)) {
                changed.put(a.fingerprint(), e.partition);
            }
        }
    }

    /**
     * What a re-sending target (Alertmanager) gets on each resend tick: every firing alert not
     * suppressed, and resolved ones that some target was told about, for {@code resolvedResendFor}
     * after they resolved (as Prometheus does, so a restarted Alertmanager learns the resolve).
     */
    public synchronized List<Alert> resendable(Instant now, Duration resolvedResendFor) {
        Instant horizon = now.minus(resolvedResendFor);
        List<Alert> out = new ArrayList<>();
        for (TrackedAlert e : byFingerprint.values()) {
            if (rebuilding.contains(e.partition)) {
                continue;
            }
            if (firing(e) ? !isSuppressed(e, now) : e.announced && resolvedAt(e).isAfter(horizon)) {
                out.add(e.alert);
            }
        }
        out.sort(Comparator.comparing(Alert::startsAt).thenComparing(Alert::fingerprint));
        return out;
    }

    /** State changes owed to {@code target}, over every alert (suppressed ones included). */
    public synchronized int backlog(String target) {
        int n = 0;
        for (TrackedAlert e : byFingerprint.values()) {
            n += e.owedCount(target);
        }
        return n;
    }

    /** State changes forgotten for {@code target} because it was owed too many of one alert, since start. */
    public synchronized long collapsed(String target) {
        return collapsed.getOrDefault(target, 0L);
    }

    /** Drops the alerts of partitions this dispatcher no longer owns (after a rebalance). */
    public synchronized void forget(Collection<Integer> partitions) {
        byFingerprint.values().removeIf(e -> partitions.contains(e.partition));
        changed.values().removeIf(partitions::contains);
        rebuilding.removeAll(partitions);
    }

    /** Drops resolved alerts older than the retention that owe nothing; returns how many. */
    public synchronized int expire(Instant now) {
        Instant horizon = now.minus(resolvedRetention);
        int before = byFingerprint.size();
        byFingerprint.entrySet().removeIf(en -> {
            TrackedAlert e = en.getValue();
            boolean expired = !firing(e) && e.owed.isEmpty() && resolvedAt(e).isBefore(horizon)
                    && !rebuilding.contains(e.partition);
            if (expired) {
                changed.put(en.getKey(), e.partition);
            }
            return expired;
        });
        return before - byFingerprint.size();
    }

    /** Firing first, then by severity (critical, warning, info, others), newest first. */
    public synchronized List<AlertView> list(AlertQuery query, Instant now) {
        List<AlertView> out = new ArrayList<>();
        for (Map.Entry<String, TrackedAlert> en : byFingerprint.entrySet()) {
            Alert a = en.getValue().alert;
            if (query.state().accepts(a.state())
                    && (query.site() == null || query.site().equals(a.site()))
                    && (query.severity() == null || query.severity().equals(a.severity()))) {
                out.add(AlertView.of(en.getKey(), a, windows.suppressing(a.labels(), now),
                        List.copyOf(en.getValue().pendingTargets())));
            }
        }
        out.sort(Comparator.comparing((AlertView v) -> v.state() != AlertState.FIRING)
                .thenComparing(v -> severityRank(v.labels().get(Alert.SEVERITY)))
                .thenComparing(AlertView::startsAt, Comparator.reverseOrder())
                .thenComparing(AlertView::fingerprint));
        return out;
    }

    /** Firing alerts with this severity label (suppressed ones included). */
    public synchronized int firingCount(String severity) {
        return (int) byFingerprint.values().stream().filter(e -> firing(e) && severity.equals(e.alert.severity())).count();
    }

    /** Firing alerts whose severity is none of {@code known}. */
    public synchronized int firingCountOther(Collection<String> known) {
        return (int) byFingerprint.values().stream().filter(e -> firing(e) && !known.contains(e.alert.severity())).count();
    }

    public synchronized int suppressedCount(Instant now) {
        return (int) byFingerprint.values().stream().filter(e -> firing(e) && isSuppressed(e, now)).count();
    }

    /** Alerts with a state change some target has not accepted yet (retrying, or held by a window). */
    public synchronized int pendingCount() {
        return (int) byFingerprint.values().stream().filter(e -> !e.owed.isEmpty()).count();
    }

    public synchronized int size() {
        return byFingerprint.size();
    }

    private boolean isSuppressed(TrackedAlert e, Instant now) {
        return !windows.suppressing(e.alert.labels(), now).isEmpty();
    }

    private static boolean firing(TrackedAlert e) {
        return e.alert.state() == AlertState.FIRING;
    }

    private static Instant resolvedAt(TrackedAlert e) {
        return e.alert.endsAt() != null ? e.alert.endsAt() : e.alert.startsAt();
    }

    private static int severityRank(String severity) {
        int i = SEVERITY_ORDER.indexOf(severity);
        return i < 0 ? SEVERITY_ORDER.size() : i;
    }

    private static Alert withFingerprint(String fingerprint, Alert a) {
        if (fingerprint.equals(a.fingerprint())) {
            return a;
        }
        return new Alert(fingerprint, a.state(), a.labels(), a.annotations(), a.startsAt(), a.endsAt(), a.generatorURL());
    }
}
