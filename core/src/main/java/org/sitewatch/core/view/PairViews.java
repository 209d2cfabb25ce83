package org.sitewatch.core.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.core.fold.DrReadiness;
import org.sitewatch.core.fold.HealthStatus;
import org.sitewatch.core.fold.PairVerdict;

/** The read-only JSON views of site pairs (replication from a source site to a target site). */
public final class PairViews {

    private PairViews() {
    }

    /** {@code GET /api/site-pairs}. */
    public record PairList(Instant asOf, List<PairSummary> pairs) {
    }

    /**
     * One site pair at {@code asOf}.
     *
     * @param pair the key, {@code <source>-><target>}
     * @param readiness the DR-readiness verdict; absent in the partial answers instances send each other
     * @param reasons why the pair is not READY, most serious first
     * @param sourceStatus the source site's health; absent when the site was never seen
     * @param items counts of the pair's replicated items (by state, health, in / outside RPO, tests) and
     *     the worst lag
     * @param p95LagSeconds 95th percentile (nearest rank) of the items' lags at {@code asOf}
     * @param lastTestFailover the newest test failover among the pair's items
     * @param oldestTestFailover the oldest last test failover among the pair's tested items
     * @param testFailoverMaxAgeDays the allowed test-failover age for this pair
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PairSummary(String pair, String source, String target, DrReadiness readiness, List<String> reasons,
                              HealthStatus sourceStatus, HealthStatus targetStatus, Instant asOf, Instant lastEventTime,
                              SiteHealthView.ReplicationCounts items, Long p95LagSeconds, Instant lastTestFailover,
                              Instant oldestTestFailover, long testFailoverMaxAgeDays, boolean requireTestFailover) {

        public PairSummary withVerdict(PairVerdict verdict, HealthStatus newSourceStatus, HealthStatus newTargetStatus) {
            return new PairSummary(pair, source, target, verdict.readiness(), verdict.reasons(), newSourceStatus,
                    newTargetStatus, asOf, lastEventTime, items, p95LagSeconds, lastTestFailover, oldestTestFailover,
                    testFailoverMaxAgeDays, requireTestFailover);
        }
    }
}
