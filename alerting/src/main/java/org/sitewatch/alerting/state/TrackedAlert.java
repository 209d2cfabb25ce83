package org.sitewatch.alerting.state;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;

/**
 * What {@link ActiveAlerts} knows about one fingerprint: the newest record, where it came from, and
 * the state changes still owed to targets, oldest first. Mutable, guarded by the owning {@link ActiveAlerts}.
 */
final class TrackedAlert {

    /** One state change and the targets that have not accepted it yet. */
    static final class Owed {
        Alert alert;
        final Set<String> targets;

        Owed(Alert alert, Set<String> targets) {
            this.alert = alert;
            this.targets = new LinkedHashSet<>(targets);
        }
    }

    /** The newest version of the alert. */
    Alert alert;

    /** The partition of the alerts topic it was read from (its fingerprint's partition). */
    final int partition;

    /** Offset of the newest record applied: a record at or before it was applied already (re-read after a crash). */
    long sourceOffset;

    /** State changes not yet accepted by every target, in record order. */
    final Deque<Owed> owed = new ArrayDeque<>();

    /**
     * Whether some target received some state of this firing episode. A resolve of an episode that
     * nobody was told about, because a maintenance window held it back, is not delivered either.
     */
    boolean announced;

    TrackedAlert(Alert alert, int partition, long sourceOffset) {
        this.alert = alert;
        this.partition = partition;
        this.sourceOffset = sourceOffset;
    }

    /**
     * Owes a state change to {@code targets}, then keeps at most {@code maxPerTarget} owed to each
     * (see {@link #collapse}); returns how many owed state changes each target lost to that.
     */
    Map<String, Integer> owe(Alert version, Set<String> targets, int maxPerTarget) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        owed.addLast(new Owed(version, targets));
        Map<String, Integer> dropped = new HashMap<>();
        for (String target : targets) {
            int n = collapse(target, maxPerTarget);
            if (n > 0) {
                dropped.put(target, n);
            }
        }
        return dropped;
    }

    /**
     * Bounds what one alert owes one target while it is down: while more than {@code max} are owed,
     * the oldest whole episode the target was never told about (a firing directly followed, for it,
     * by that episode's resolve) is forgotten for it; failing that, the oldest owed state change
     * that is not the newest. The target then still gets the newest states, in order,
     * and never a resolve without its firing or a firing left without its resolve.
     */
    private int collapse(String target, int max) {
        int dropped = 0;
        while (owedCount(target) > max) {
            List<Owed> mine = owed.stream().filter(o -> o.targets.contains(target)).toList();
            Owed firing = null;
            Owed resolve = null;
            for (int i = 0; i + 1 < mine.size() && firing == null; i++) {
                Owed a = mine.get(i);
                Owed b = mine.get(i + 1);
                if (a.alert.state() == AlertState.FIRING && b.alert.state() == AlertState.RESOLVED
                        && a.alert.startsAt().equals(b.alert.startsAt())) {
                    firing = a;
                    resolve = b;
                }
            }
            if (firing != null) {
                dropped += forget(target, firing) + forget(target, resolve);
            } else {
                dropped += forget(target, mine.get(0));
            }
        }
        return dropped;
    }

    private int forget(String target, Owed o) {
        o.targets.remove(target);
        if (o.targets.isEmpty()) {
            owed.remove(o);
        }
        return 1;
    }

    int owedCount(String target) {
        int n = 0;
        for (Owed o : owed) {
            if (o.targets.contains(target)) {
                n++;
            }
        }
        return n;
    }

    /** A repeat of the newest state: the still-owed copy of it goes out with the newest content. */
    void refreshOwed(Alert version) {
        Owed last = owed.peekLast();
        if (last != null && last.alert.state() == version.state() && last.alert.startsAt().equals(version.startsAt())) {
            last.alert = version;
        }
    }

    /** Forgets what is owed of the episode that started at {@code startsAt}. */
    void dropEpisode(Instant startsAt) {
        owed.removeIf(o -> o.alert.startsAt().equals(startsAt));
    }

    /** The versions owed to {@code target}, in order, up to (excluding) the first one {@code blocked} stops. */
    List<Alert> owedTo(String target, Predicate<Alert> blocked) {
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

    /** Returns whether {@code version} was owed to {@code target} (and now no longer is). */
    boolean deliveredTo(String target, Alert version) {
        for (Iterator<Owed> it = owed.iterator(); it.hasNext(); ) {
            Owed o = it.next();
            if (o.alert.equals(version) && o.targets.remove(target)) {
                announced = true;
                if (o.targets.isEmpty()) {
                    it.remove();
                }
                return true;
            }
        }
        return false;
    }

    Set<String> pendingTargets() {
        Set<String> all = new TreeSet<>();
        owed.forEach(o -> all.addAll(o.targets));
        return all;
    }

    /** The whole delivery state, as the dispatcher persists it. */
    DeliveryRecord toRecord() {
        List<DeliveryRecord.OwedChange> changes = new ArrayList<>(owed.size());
        owed.forEach(o -> changes.add(new DeliveryRecord.OwedChange(o.alert, List.copyOf(o.targets))));
        return new DeliveryRecord(alert, announced, changes, sourceOffset);
    }

    /** The state as persisted, owing only to targets that still exist. */
    static TrackedAlert fromRecord(DeliveryRecord record, int partition, Set<String> targets) {
        TrackedAlert entry = new TrackedAlert(record.alert(), partition, record.sourceOffset());
        entry.announced = record.announced();
        for (DeliveryRecord.OwedChange change : record.owed()) {
            Set<String> still = new LinkedHashSet<>(change.targets());
            still.retainAll(targets);
            if (!still.isEmpty()) {
                entry.owed.addLast(new Owed(change.alert(), still));
            }
        }
        return entry;
    }
}
