package org.sitewatch.streams.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.streams.fold.CollectorView;
import org.sitewatch.streams.fold.Counters;
import org.sitewatch.streams.fold.HealthRules;
import org.sitewatch.streams.fold.Problem;
import org.sitewatch.streams.fold.SiteAggregate;
import org.sitewatch.streams.fold.SiteHealth;
import org.sitewatch.streams.fold.SiteHealthEvaluator;
import org.sitewatch.streams.fold.SiteRules;
import org.sitewatch.streams.query.SiteViews.ClusterCounts;
import org.sitewatch.streams.query.SiteViews.CollectorStatusView;
import org.sitewatch.streams.query.SiteViews.HostCounts;
import org.sitewatch.streams.query.SiteViews.ProblemView;
import org.sitewatch.streams.query.SiteViews.ReplicationCounts;
import org.sitewatch.streams.query.SiteViews.SiteCounts;
import org.sitewatch.streams.query.SiteViews.SiteDetail;
import org.sitewatch.streams.query.SiteViews.SiteSummary;
import org.sitewatch.streams.query.SiteViews.VmCounts;

/** Turns a site aggregate into its views, judging the site (and lags, staleness) at one instant. */
final class SiteViewMapper {

    private static final List<String> CAPACITY_BUCKETS = List.of("0", "1", "2", "3+", "unknown");

    private final HealthRules rules;

    SiteViewMapper(HealthRules rules) {
        this.rules = rules;
    }

    SiteSummary summary(SiteAggregate agg, Instant now) {
        SiteHealth health = SiteHealthEvaluator.evaluate(agg, now, rules);
        return new SiteSummary(agg.site(), health.status(), health.reasons(), now, agg.lastEventTime(), counts(agg, now),
                collectors(agg, now), agg.problemCount());
    }

    SiteDetail detail(SiteAggregate agg, Instant now) {
        SiteSummary s = summary(agg, now);
        List<ProblemView> problems = agg.problems().entrySet().stream()
                .map(e -> problem(e.getKey(), e.getValue(), now))
                .sorted(Comparator.comparing(ProblemView::severity).reversed()
                        .thenComparing(ProblemView::since, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ProblemView::subject))
                .toList();
        return new SiteDetail(s.site(), s.status(), s.reasons(), s.asOf(), s.lastEventTime(), s.counts(), s.collectors(),
                s.problemCount(), problems, agg.problemsNotListed(), agg.recentHaActions());
    }

    private SiteCounts counts(SiteAggregate agg, Instant now) {
        Map<String, Long> power = new LinkedHashMap<>();
        for (PowerState p : PowerState.values()) {
            power.put(p.name(), agg.count(Counters.vmPower(p)));
        }
        Map<String, Long> hostStates = new LinkedHashMap<>();
        for (HaHostState s : HaHostState.values()) {
            hostStates.put(s.name(), agg.count(Counters.hostState(s)));
        }
        Map<String, Long> capacity = new LinkedHashMap<>();
        for (String bucket : CAPACITY_BUCKETS) {
            capacity.put(bucket, agg.count(Counters.HA_CLUSTER_CAPACITY + bucket));
        }
        Map<String, Long> replStates = new LinkedHashMap<>();
        for (ReplicationState s : ReplicationState.values()) {
            replStates.put(s.name(), agg.count(Counters.replicationState(s)));
        }
        Map<String, Long> replHealth = new LinkedHashMap<>();
        for (ReplicationHealth h : ReplicationHealth.values()) {
            replHealth.put(h.name(), agg.count(Counters.replicationHealth(h)));
        }
        Long worstLag = agg.problems().values().stream()
                .map(p -> lagSeconds(p, now))
                .filter(Objects::nonNull)
                .max(Long::compare)
                .orElse(null);
        return new SiteCounts(
                new VmCounts(agg.count(Counters.VMS), power),
                new HostCounts(agg.count(Counters.HA_HOSTS), hostStates),
                new ClusterCounts(agg.count(Counters.HA_CLUSTERS), agg.count(Counters.HA_CLUSTERS_WITHOUT_QUORUM),
                        agg.count(Counters.HA_CLUSTERS_HA_DISABLED), capacity),
                new ReplicationCounts(agg.count(Counters.REPLICATED), replStates, replHealth,
                        agg.count(Counters.REPLICATION_OUTSIDE_RPO), worstLag));
    }

    private List<CollectorStatusView> collectors(SiteAggregate agg, Instant now) {
        SiteRules siteRules = rules.forSite(agg.site());
        return agg.collectors().values().stream()
                .map(c -> view(c, now, siteRules))
                .toList();
    }

    private static CollectorStatusView view(CollectorView c, Instant now, SiteRules siteRules) {
        return new CollectorStatusView(c.collectorId(), c.platform(), c.endpoint(), c.status(), c.errorKind(), c.error(),
                c.lastHeartbeat(), c.lastSuccess(), c.intervalSeconds(), c.staleAt(now, siteRules));
    }

    private static ProblemView problem(String key, Problem p, Instant now) {
        return new ProblemView(key, p.kind(), p.entityId(), p.name(), p.severity(), p.reason(), p.since(),
                p.lastRecoveryPoint(), p.targetRpoSeconds(), lagSeconds(p, now));
    }

    private static Long lagSeconds(Problem p, Instant now) {
        return p.lastRecoveryPoint() == null ? null : Math.max(0, Duration.between(p.lastRecoveryPoint(), now).toSeconds());
    }
}
