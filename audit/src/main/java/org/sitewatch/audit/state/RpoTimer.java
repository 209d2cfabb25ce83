package org.sitewatch.audit.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.fold.RpoPolicy;

/**
 * The replay's stand-in for the topology's RPO timer: remembers when each replicated item would
 * cross its RPO if nothing new arrived ({@link RpoPolicy#crossesAt}), and as the replay's clock passes
 * such an instant re-evaluates the estate there, so an item whose replication silently stopped turns
 * "outside RPO" without an event, as live. Only the newest deadline of an item counts: a newer event
 * replaces it.
 *
 * <p>Known difference from live: the topology's wall-clock punctuator notices a crossing up to one
 * punctuation interval late (default 10 s), and dates the problem's {@code since} then; the replay
 * notices it exactly at the crossing.
 */
final class RpoTimer {

    private final InMemoryEstate estate;
    private final HealthRules rules;
    private final Map<String, Instant> current = new HashMap<>();
    private final PriorityQueue<Deadline> queue = new PriorityQueue<>();
    private final Consumer<Instant> afterReevaluation;

    /** @param afterReevaluation told each instant the estate was re-evaluated at (sites may need judging) */
    RpoTimer(InMemoryEstate estate, HealthRules rules, Consumer<Instant> afterReevaluation) {
        this.estate = estate;
        this.rules = rules;
        this.afterReevaluation = afterReevaluation;
    }

    /** Call after an event was applied to the estate. */
    void track(SitewatchEvent event, Instant now) {
        if (!(event.data() instanceof ReplicationStatus r)) {
            return;
        }
        Instant at = RpoPolicy.crossesAt(r, rules.forItem(r)).filter(t -> t.isAfter(now)).orElse(null);
        if (at == null) {
            current.remove(event.key());
        } else {
            current.put(event.key(), at);
            queue.add(new Deadline(at, event.key()));
        }
    }

    /** Fires every live deadline up to and including {@code t}, in time order. */
    void advanceTo(Instant t) {
        Instant fired = null;
        while (!queue.isEmpty() && !queue.peek().at.isAfter(t)) {
            Deadline d = queue.poll();
            if (!d.at.equals(current.get(d.key))) {
                continue;
            }
            current.remove(d.key);
            if (!d.at.equals(fired)) {
                estate.reevaluate(d.at);
                afterReevaluation.accept(d.at);
                fired = d.at;
            }
        }
    }

    private record Deadline(Instant at, String key) implements Comparable<Deadline> {
        @Override
        public int compareTo(Deadline o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }
}
