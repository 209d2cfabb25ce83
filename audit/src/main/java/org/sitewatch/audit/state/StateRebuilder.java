package org.sitewatch.audit.state;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.export.HashChain;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.kafka.OrderedScan;
import org.sitewatch.audit.kafka.ProgressListener;
import org.sitewatch.audit.kafka.ReadPlan;
import org.sitewatch.audit.kafka.TopicSnapshot;
import org.sitewatch.audit.replay.AuditRecord;
import org.sitewatch.audit.replay.RecordDecoder;
import org.sitewatch.audit.replay.UndecodableLog;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.FoldResult;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.InMemoryEstate;

/**
 * Rebuilds the estate as it was at an instant: folds every raw event with time at or before it, from
 * the start of retention, through the core's {@link InMemoryEstate} (the fold the streams app runs),
 * in the order a streams task processes them ({@link OrderedScan}: each partition in arrival order). The fold's
 * result per entity depends only on that order, so the rebuild agrees with the live app. Each event
 * is folded at the replay's clock, the newest event time seen so far (live folds at processing time,
 * which follows event time closely); RPO crossings without events are replayed by {@link RpoTimer},
 * the sites' stored verdicts (the views' {@code since}) by {@link SiteVerdicts}.
 *
 * <p>Limits: reads all retained history (heartbeats dominate its size), and holds every entity in
 * memory, like {@link InMemoryEstate}. An event that arrived more than {@code maxLateness} after newer
 * ones is not seen.
 */
public final class StateRebuilder {

    private final KafkaSource source;
    private final HealthRules rules;
    private final AggregateLimits limits;

    public StateRebuilder(KafkaSource source, HealthRules rules, AggregateLimits limits) {
        this.source = source;
        this.rules = rules;
        this.limits = limits;
    }

    /** @param maxLateness read this far past {@code at} for late arrivals; null: to the end */
    public RebuiltState rebuild(Instant at, Duration maxLateness, boolean allowTruncated, ProgressListener progress) {
        TopicSnapshot snapshot = TopicSnapshot.take(source, Topics.RAW.stream().map(t -> t.name()).toList());
        if (!allowTruncated) {
            snapshot.requireRetained(at, "--at");
        }
        // +1 ms: an event at exactly 'at' belongs to the state at 'at'.
        Instant stopAt = maxLateness == null ? null : at.plusMillis(1).plus(maxLateness);
        return fold(snapshot.plan(null, stopAt), at, snapshot.oldestAvailable(), progress);
    }

    /** Folds exactly the given offsets (a verification re-reads a manifest's plan this way). */
    public RebuiltState fold(ReadPlan plan, Instant at, Instant oldestAvailable, ProgressListener progress) {
        InMemoryEstate estate = new InMemoryEstate(rules, limits);
        SiteVerdicts verdicts = new SiteVerdicts(rules);
        RpoTimer timer = new RpoTimer(estate, rules, instant -> verdicts.judgeAll(estate, instant));
        UndecodableLog undecodable = new UndecodableLog();
        RecordDecoder decoder = new RecordDecoder(undecodable);
        HashChain chain = new HashChain();
        Map<FoldResult.Outcome, Long> outcomes = new EnumMap<>(FoldResult.Outcome.class);
        long[] after = {0};
        Instant[] clock = {Instant.MIN};
        long read = new OrderedScan(source).scan(plan, r -> {
            SitewatchEvent e = decoder.decode(r);
            if (e == null) {
                return;
            }
            if (e.time().isAfter(at)) {
                after[0]++;
                return;
            }
            timer.advanceTo(e.time());
            verdicts.advanceTo(estate, e.time());
            Instant now = e.time().isAfter(clock[0]) ? e.time() : clock[0];
            FoldResult.Outcome outcome = estate.apply(e, now);
            outcomes.merge(outcome, 1L, Long::sum);
            if (outcome == FoldResult.Outcome.APPLIED) {
                timer.track(e, now);
                verdicts.judge(estate, e.site(), now);
            }
            clock[0] = now;
            chain.add(AuditRecord.of(r.topic(), r.partition(), r.offset(), e, r.value()).canonical());
        }, progress);
        timer.advanceTo(at);
        verdicts.advanceTo(estate, at);
        // The live views judge time-dependent conditions at the moment of the request.
        estate.reevaluate(at);
        boolean complete = oldestAvailable == null;
        FoldStats stats = new FoldStats(read, chain.length(), outcomes.getOrDefault(FoldResult.Outcome.APPLIED, 0L),
                outcomes.getOrDefault(FoldResult.Outcome.OUT_OF_ORDER, 0L),
                outcomes.getOrDefault(FoldResult.Outcome.DUPLICATE, 0L), after[0], undecodable.count(), oldestAvailable,
                complete);
        return new RebuiltState(estate, verdicts::withVerdict, at, plan, source.clusterId(), stats, chain.head(), chain.length(), undecodable);
    }

    /** @throws AuditException UNKNOWN_SITE when the estate at the instant has no such site */
    public static void requireSite(RebuiltState state, String site) {
        if (state.estate().site(site).isEmpty()) {
            throw new AuditException(AuditException.Kind.UNKNOWN_SITE, "unknown site '" + site + "' at " + state.at()
                    + ": no event of it up to then. Sites known then: "
                    + (state.estate().sites().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(state.estate().sites().keySet()))));
        }
    }
}
