package org.sitewatch.core.fold;

import java.util.Map;
import java.util.Objects;
import org.sitewatch.events.ReplicationStatus;

/**
 * The rules that judge site health and DR readiness: defaults, per-site collector rules, and replication
 * thresholds layered global, then site, then pair ({@code <source>-><target>}), then item
 * ({@code <site>/<item id>}), the most specific level winning field by field.
 *
 * <p>The rules themselves, in order of precedence (documented for users in {@code docs/health-rules.md}):
 * <ul>
 *   <li><b>UNKNOWN</b>: no collector heartbeat ever seen for the site; or no collector of the site can
 *       see it, each being stale ({@code now - lastHeartbeat > staleAfterIntervals x intervalSeconds})
 *       or reporting ERROR / AUTH_FAILED (the reason carries its error text).</li>
 *   <li><b>CRITICAL</b>: a replicated item FAILED or with health CRITICAL; an HA cluster without quorum;
 *       an HA cluster with failover capacity 0 while one of its hosts is FAILED or ISOLATED.</li>
 *   <li><b>DEGRADED</b>: a replicated item outside its RPO (plus grace), with health WARNING, or PAUSED;
 *       an HA host neither HEALTHY nor in MAINTENANCE; a VM CRASHED; an HA cluster with failover
 *       capacity 0; some (not all) of the site's collectors stale or failing; a collector that read
 *       all but some scopes (a partial read: "replication of node pve2 not readable: ..."), one reason
 *       per scope.</li>
 *   <li><b>OK</b> otherwise.</li>
 * </ul>
 * DR readiness of a site pair is judged by {@link DrReadinessEvaluator}.
 */
public record HealthRules(SiteRules defaults, Map<String, SiteRules> sites, ReplicationRules replication,
                          Map<String, ReplicationOverride> siteReplication, Map<String, ReplicationOverride> pairs,
                          Map<String, ReplicationOverride> items) {

    public HealthRules {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(replication, "replication");
        sites = sites == null ? Map.of() : Map.copyOf(sites);
        siteReplication = siteReplication == null ? Map.of() : Map.copyOf(siteReplication);
        pairs = pairs == null ? Map.of() : Map.copyOf(pairs);
        items = items == null ? Map.of() : Map.copyOf(items);
    }

    /** Site rules only, replication thresholds at their defaults. */
    public HealthRules(SiteRules defaults, Map<String, SiteRules> sites) {
        this(defaults, sites, ReplicationRules.DEFAULTS, Map.of(), Map.of(), Map.of());
    }

    public static HealthRules defaultRules() {
        return new HealthRules(SiteRules.DEFAULTS, Map.of());
    }

    /** These rules with other global replication thresholds. */
    public HealthRules withReplication(ReplicationRules newReplication) {
        return new HealthRules(defaults, sites, newReplication, siteReplication, pairs, items);
    }

    public SiteRules forSite(String site) {
        return sites.getOrDefault(site, defaults);
    }

    /** The thresholds of one replicated item: global, then its site's, its pair's and its own overrides. */
    public ReplicationRules forItem(ReplicationStatus r) {
        return replication.with(siteReplication.get(r.site()))
                .with(pairs.get(SitePair.key(r.sourceSite(), r.targetSite())))
                .with(items.get(r.site() + "/" + r.itemId()));
    }

    /** The thresholds of a site pair as a whole (item overrides not applied). */
    public ReplicationRules forPair(SitePair pair) {
        return replication.with(pairs.get(pair.key()));
    }
}
