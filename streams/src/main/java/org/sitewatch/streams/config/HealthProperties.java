package org.sitewatch.streams.config;

import java.util.HashMap;
import java.util.Map;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.ReplicationOverride;
import org.sitewatch.core.fold.ReplicationRules;
import org.sitewatch.core.fold.SitePair;
import org.sitewatch.core.fold.SiteRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sitewatch.health.*}: the thresholds of the health and DR-readiness rules (every one is listed
 * in {@code docs/health-rules.md}). Overrides, most specific winning field by field:
 * <ul>
 *   <li>{@code sites.<site>.*}: a site's collectors and the replicated items it reports;</li>
 *   <li>{@code pairs.<source>.<target>.*}: the items replicated from one site to another, and the pair's
 *       DR readiness (a nested map, so no separator has to be escaped);</li>
 *   <li>{@code items.<site>.<item id>.*}: one replicated item, as its site reports it.</li>
 * </ul>
 * Names holding dots or upper-case letters go in brackets, e.g. {@code items.paris-dc1[Job.A]}. An
 * override sets only what it names. Invalid values fail start-up with the reason.
 *
 * @param staleAfterIntervals a collector is stale after this many missed heartbeat intervals
 * @param defaultTargetRpoSeconds RPO of replicated items that carry none; unset: they are not checked
 * @param targetRpoSeconds when set, replaces the RPO every item carries (use it per site, pair or item)
 * @param rpoGraceSeconds an item is outside its RPO only when its lag exceeds target + grace
 * @param testFailoverMaxAgeDays a test failover older than this is overdue
 * @param requireTestFailover whether an untested or overdue item puts its pair AT_RISK
 */
@ConfigurationProperties("sitewatch.health")
public record HealthProperties(@DefaultValue("3") int staleAfterIntervals, Long defaultTargetRpoSeconds,
                               Long targetRpoSeconds, @DefaultValue("0") long rpoGraceSeconds,
                               @DefaultValue("180") long testFailoverMaxAgeDays,
                               @DefaultValue("true") boolean requireTestFailover,
                               Map<String, SiteOverride> sites,
                               Map<String, Map<String, ReplicationOverride>> pairs,
                               Map<String, Map<String, ReplicationOverride>> items) {

    /** Per-site override: null fields fall back to the defaults. */
    public record SiteOverride(Integer staleAfterIntervals, Long defaultTargetRpoSeconds, Long targetRpoSeconds,
                               Long rpoGraceSeconds, Long testFailoverMaxAgeDays, Boolean requireTestFailover) {

        ReplicationOverride replication() {
            return new ReplicationOverride(targetRpoSeconds, defaultTargetRpoSeconds, rpoGraceSeconds,
                    testFailoverMaxAgeDays, requireTestFailover);
        }
    }

    public HealthProperties {
        sites = sites == null ? Map.of() : Map.copyOf(sites);
        pairs = pairs == null ? Map.of() : Map.copyOf(pairs);
        items = items == null ? Map.of() : Map.copyOf(items);
        // Built once here so that bad values fail binding, with the property prefix in the message.
        build(staleAfterIntervals, new ReplicationRules(targetRpoSeconds, defaultTargetRpoSeconds, rpoGraceSeconds,
                testFailoverMaxAgeDays, requireTestFailover), sites, pairs, items);
    }

    public HealthRules toRules() {
        return build(staleAfterIntervals, new ReplicationRules(targetRpoSeconds, defaultTargetRpoSeconds, rpoGraceSeconds,
                testFailoverMaxAgeDays, requireTestFailover), sites, pairs, items);
    }

    private static HealthRules build(int staleAfterIntervals, ReplicationRules replication, Map<String, SiteOverride> sites,
                                     Map<String, Map<String, ReplicationOverride>> pairs,
                                     Map<String, Map<String, ReplicationOverride>> items) {
        SiteRules defaults = new SiteRules(staleAfterIntervals);
        Map<String, SiteRules> perSite = new HashMap<>();
        Map<String, ReplicationOverride> siteReplication = new HashMap<>();
        sites.forEach((site, o) -> {
            perSite.put(site, new SiteRules(o.staleAfterIntervals() != null ? o.staleAfterIntervals() : staleAfterIntervals));
            siteReplication.put(site, checked(replication, o.replication()));
        });
        Map<String, ReplicationOverride> perPair = new HashMap<>();
        pairs.forEach((source, targets) -> targets.forEach((target, o) ->
                perPair.put(SitePair.key(source, target), checked(replication, o))));
        Map<String, ReplicationOverride> perItem = new HashMap<>();
        items.forEach((site, byItem) -> byItem.forEach((item, o) -> perItem.put(site + "/" + item, checked(replication, o))));
        return new HealthRules(defaults, perSite, replication, siteReplication, perPair, perItem);
    }

    /** Merging validates: a negative grace or a zero RPO fails here, at start-up. */
    private static ReplicationOverride checked(ReplicationRules defaults, ReplicationOverride o) {
        defaults.with(o);
        return o;
    }
}
