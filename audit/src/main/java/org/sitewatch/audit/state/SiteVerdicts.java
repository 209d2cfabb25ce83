package org.sitewatch.audit.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.sitewatch.core.fold.CollectorView;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.fold.SiteHealth;
import org.sitewatch.core.fold.SiteHealthEvaluator;

/**
 * The replay's stand-in for the site aggregator's stored verdicts, from which the views take a site's
 * {@code since}: a site is judged after each of its events and whenever the replay's clock passes the
 * instant one of its collectors turns stale (live, a wall-clock punctuator notices that), and the
 * verdict is replaced only when it changes, so its {@code asOf} says when the site reached it.
 *
 * <p>Known difference from live: live stamps a verdict with the wall clock of the processing (event
 * time plus the processing delay, or up to one punctuation interval later for staleness); the replay
 * stamps it with the event time or the exact staleness instant.
 */
final class SiteVerdicts {

    private final HealthRules rules;
    private final Map<String, SiteHealth> verdicts = new HashMap<>();
    private final Map<String, Instant> nextCheck = new HashMap<>();
    private final PriorityQueue<Check> checks = new PriorityQueue<>();

    SiteVerdicts(HealthRules rules) {
        this.rules = rules;
    }

    /** Judges one site at {@code now}, keeping its verdict when unchanged, and plans its next staleness check. */
    void judge(InMemoryEstate estate, String site, Instant now) {
        SiteAggregate agg = estate.site(site).orElse(null);
        if (agg == null) {
            return;
        }
        SiteHealth health = SiteHealthEvaluator.evaluate(agg, now, rules);
        if (!health.sameVerdict(verdicts.get(site))) {
            verdicts.put(site, health);
        }
        Instant stale = nextStaleness(agg, now);
        if (stale != null && !stale.equals(nextCheck.get(site))) {
            nextCheck.put(site, stale);
            checks.add(new Check(stale, site));
        }
    }

    void judgeAll(InMemoryEstate estate, Instant now) {
        estate.sites().keySet().forEach(site -> judge(estate, site, now));
    }

    /** Re-judges sites whose collectors turn stale up to and including {@code t}, in time order. */
    void advanceTo(InMemoryEstate estate, Instant t) {
        while (!checks.isEmpty() && !checks.peek().at.isAfter(t)) {
            Check c = checks.poll();
            if (c.at.equals(nextCheck.get(c.site))) {
                nextCheck.remove(c.site);
                judge(estate, c.site, c.at);
            }
        }
    }

    /** The aggregate with its stored verdict, as the live store holds it. */
    SiteAggregate withVerdict(SiteAggregate agg) {
        SiteHealth h = verdicts.get(agg.site());
        return h == null ? agg : agg.withHealth(h);
    }

    /** The first instant after {@code now} at which a collector of the site is stale, or null. */
    private Instant nextStaleness(SiteAggregate agg, Instant now) {
        Instant first = null;
        for (CollectorView c : agg.collectors().values()) {
            // staleAt(t) <=> t > last + n x interval: the first such whole millisecond.
            Instant at = c.lastHeartbeat().plusSeconds(rules.forSite(agg.site()).staleAfterIntervals() * c.intervalSeconds())
                    .plusMillis(1);
            if (at.isAfter(now) && (first == null || at.isBefore(first))) {
                first = at;
            }
        }
        return first;
    }

    private record Check(Instant at, String site) implements Comparable<Check> {
        @Override
        public int compareTo(Check o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : site.compareTo(o.site);
        }
    }
}
