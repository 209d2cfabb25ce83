package org.sitewatch.alerting.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sitewatch.events.Alert;

/**
 * What {@link ActiveAlerts} knows about one fingerprint: the newest record, where it came from, and
 * the state changes still owed to targets, oldest first. Mutable, guarded by the owning {@link ActiveAlerts}.
 */
final class TrackedAlert {

    /** One state change and the targets that have not accepted it yet. */
    static final class Owed {
        Alert alert;
        /** Offset of its record: the dispatcher never commits past it, so a restart re-reads it. */
        final long offset;
        final Set<String> targets;

        Owed(Alert alert, long offset, Set<String> targets) {
            this.alert = alert;
            this.offset = offset;
            this.targets = new HashSet<>(targets);
        }
    }

    /** The newest version of the alert. */
    Alert alert;

    /** The partition of the alerts topic it was read from (its fingerprint's partition). */
    final int partition;

    /** State changes not yet accepted by every target, in record order. */
    final Deque<Owed> owed = new ArrayDeque<>();

    /**
     * Whether some target received some state of this firing episode. A resolve of an episode that
     * nobody was told about, because a maintenance window held it back, is not delivered either.
     */
    boolean announced;

    TrackedAlert(Alert alert, int partition) {
        this.alert = alert;
        this.partition = partition;
    }

    void owe(Alert version, Set<String> targets, long offset) {
        if (!targets.isEmpty()) {
            owed.addLast(new Owed(version, offset, targets));
        }
    }

    /** A repeat of the newest state: the still-owed copy of it goes out with the newest content. */
    void refreshOwed(Alert version) {
        Owed last = owed.peekLast();
        if (last != null && last.alert.state() == version.state() && last.alert.startsAt().equals(version.startsAt())) {
            last.alert = version;
        }
    }

    /** Forgets what is owed of the episode that started at {@code startsAt}. */
    void dropEpisode(java.time.Instant startsAt) {
        owed.removeIf(o -> o.alert.startsAt().equals(startsAt));
    }

    long heldOffset() {
        return owed.isEmpty() ? -1 : owed.peekFirst().offset;
    }

    /** The versions owed to {@code target}, in order, up to (excluding) the first one {@code blocked} stops. */
    List<Alert> owedTo(String target, java.util.function.Predicate<Alert> blocked) {
        List<Alert> out = new ArrayList<>(1);
        for (Owed o : owed) {
            if (o.targets.contains(target)) {
                if (blocked.test(o.alert)) {
                    break; // later states of this alert wait too: a receiver never sees a resolve before its firing
                }
                out.add(o.alert);
            }
        }
        return out;
    }

    void deliveredTo(String target, Alert version) {
        for (Iterator<Owed> it = owed.iterator(); it.hasNext(); ) {
            Owed o = it.next();
            if (o.alert.equals(version) && o.targets.remove(target)) {
                announced = true;
                if (o.targets.isEmpty()) {
                    it.remove();
                }
                return;
            }
        }
    }

    Set<String> pendingTargets() {
        Set<String> all = new TreeSet<>();
        owed.forEach(o -> all.addAll(o.targets));
        return all;
    }
}
