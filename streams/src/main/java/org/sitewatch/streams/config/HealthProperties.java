package org.sitewatch.streams.config;

import java.util.Map;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.HealthSettings;
import org.sitewatch.core.fold.HealthSettings.SiteOverride;
import org.sitewatch.core.fold.ReplicationOverride;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sitewatch.health.*}: the thresholds of the health and DR-readiness rules (every one is listed
 * in {@code docs/health-rules.md}), bound by Spring with their defaults and handed to the core as
 * {@link HealthSettings}, which turns them into rules. Overrides, most specific winning field by field:
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

    public HealthProperties {
        sites = sites == null ? Map.of() : Map.copyOf(sites);
        pairs = pairs == null ? Map.of() : Map.copyOf(pairs);
        items = items == null ? Map.of() : Map.copyOf(items);
        // Made once here so that bad values fail binding, with the property prefix in the message.
        new HealthSettings(staleAfterIntervals, defaultTargetRpoSeconds, targetRpoSeconds, rpoGraceSeconds,
                testFailoverMaxAgeDays, requireTestFailover, sites, pairs, items);
    }

    /** The bound values, handed to the core. */
    public HealthSettings settings() {
        return new HealthSettings(staleAfterIntervals, defaultTargetRpoSeconds, targetRpoSeconds, rpoGraceSeconds,
                testFailoverMaxAgeDays, requireTestFailover, sites, pairs, items);
    }

    public HealthRules toRules() {
        return settings().toRules();
    }
}
