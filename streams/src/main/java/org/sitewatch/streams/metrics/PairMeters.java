package org.sitewatch.streams.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sitewatch.core.fold.DrReadiness;
import org.sitewatch.core.fold.HealthStatus;
import org.sitewatch.core.fold.PairVerdict;
import org.sitewatch.core.fold.SitePair;
import org.sitewatch.streams.query.LocalPairViews;
import org.sitewatch.streams.query.NotReadyException;
import org.sitewatch.streams.query.PairQueryService;
import org.sitewatch.core.view.PairViews.PairSummary;

/**
 * Per-site-pair domain meters of the pairs this instance owns; labels are {@code source}, {@code target}
 * and an enum value:
 * <ul>
 *   <li>{@code sitewatch_pair_dr_readiness{source,target,readiness}}: one-hot READY / AT_RISK / NOT_READY</li>
 *   <li>{@code sitewatch_pair_replication_items{source,target,state}}</li>
 *   <li>{@code sitewatch_pair_replication_items_outside_rpo{source,target}}</li>
 *   <li>{@code sitewatch_pair_replication_items_test_failover_overdue{source,target}},
 *       {@code sitewatch_pair_replication_items_never_tested{source,target}}</li>
 *   <li>{@code sitewatch_pair_replication_worst_lag_seconds{source,target}},
 *       {@code sitewatch_pair_replication_p95_lag_seconds{source,target}}</li>
 *   <li>{@code sitewatch_pair_last_test_failover_timestamp_seconds{source,target}} (absent when never tested)</li>
 * </ul>
 * The verdict needs every site's health, asked from all instances; while that fails the previous values stay.
 */
public final class PairMeters implements Refreshable {

    public static final String PAIR_READINESS = "sitewatch.pair.dr.readiness";
    public static final String PAIR_ITEMS = "sitewatch.pair.replication.items";
    public static final String PAIR_OUTSIDE_RPO = "sitewatch.pair.replication.items.outside.rpo";
    public static final String PAIR_WORST_LAG = "sitewatch.pair.replication.worst.lag.seconds";
    public static final String PAIR_P95_LAG = "sitewatch.pair.replication.p95.lag.seconds";
    public static final String PAIR_TEST_OVERDUE = "sitewatch.pair.replication.items.test.failover.overdue";
    public static final String PAIR_NEVER_TESTED = "sitewatch.pair.replication.items.never.tested";
    public static final String PAIR_LAST_TEST = "sitewatch.pair.last.test.failover.timestamp.seconds";

    private final LocalPairViews pairs;
    private final PairQueryService query;
    private final Clock clock;
    private final Map<String, MultiGauge> gauges;

    public PairMeters(MeterRegistry registry, LocalPairViews pairs, PairQueryService query, Clock clock) {
        this.pairs = pairs;
        this.query = query;
        this.clock = clock;
        this.gauges = Map.of(
                PAIR_READINESS, gauge(registry, PAIR_READINESS, "1 for the pair's current DR readiness, 0 for the others"),
                PAIR_ITEMS, gauge(registry, PAIR_ITEMS, "Replicated items of the pair by state"),
                PAIR_OUTSIDE_RPO, gauge(registry, PAIR_OUTSIDE_RPO, "Replicated items of the pair outside their RPO"),
                PAIR_WORST_LAG, gauge(registry, PAIR_WORST_LAG, "Largest lag among the pair's items"),
                PAIR_P95_LAG, gauge(registry, PAIR_P95_LAG, "95th percentile (nearest rank) of the pair's item lags"),
                PAIR_TEST_OVERDUE, gauge(registry, PAIR_TEST_OVERDUE, "Replicated items of the pair whose last test failover is too old"),
                PAIR_NEVER_TESTED, gauge(registry, PAIR_NEVER_TESTED, "Replicated items of the pair never tested by a test failover"),
                PAIR_LAST_TEST, gauge(registry, PAIR_LAST_TEST, "Newest test failover among the pair's items, epoch seconds"));
    }

    @Override
    public boolean refresh() {
        Instant now = clock.instant();
        List<PairSummary> local;
        Map<String, HealthStatus> statuses;
        try {
            local = pairs.pairs(now);
            statuses = local.isEmpty() ? Map.of() : query.statuses(now);
        } catch (NotReadyException e) {
            return false;
        }
        GaugeRows rows = new GaugeRows();
        for (PairSummary p : local) {
            Tags pair = Tags.of("source", p.source(), "target", p.target());
            PairVerdict verdict = query.verdict(new SitePair(p.source(), p.target()), p.items(), statuses);
            for (DrReadiness r : DrReadiness.values()) {
                rows.add(PAIR_READINESS, pair.and("readiness", r.name()), verdict.readiness() == r ? 1 : 0);
            }
            p.items().byState().forEach((state, n) -> rows.add(PAIR_ITEMS, pair.and("state", state), n));
            rows.add(PAIR_OUTSIDE_RPO, pair, p.items().outsideRpo());
            rows.add(PAIR_TEST_OVERDUE, pair, p.items().testFailoverOverdue());
            rows.add(PAIR_NEVER_TESTED, pair, p.items().neverTested());
            if (p.items().worstLagSeconds() != null) {
                rows.add(PAIR_WORST_LAG, pair, p.items().worstLagSeconds());
                rows.add(PAIR_P95_LAG, pair, p.p95LagSeconds());
            }
            if (p.lastTestFailover() != null) {
                rows.add(PAIR_LAST_TEST, pair, p.lastTestFailover().getEpochSecond());
            }
        }
        rows.registerInto(gauges);
        return true;
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }
}
