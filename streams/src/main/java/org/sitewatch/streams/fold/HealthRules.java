package org.sitewatch.streams.fold;

import java.util.Map;
import java.util.Objects;

/**
 * The rules that judge site health: defaults plus complete per-site rule sets. Whoever builds it
 * (the Spring properties binding) has already merged a site's overrides with the defaults.
 *
 * <p>The rules themselves, in order of precedence (documented for users in {@code docs/health-rules.md}):
 * <ul>
 *   <li><b>UNKNOWN</b>: no collector heartbeat ever seen for the site; or no collector of the site can
 *       see it, each being stale ({@code now - lastHeartbeat > staleAfterIntervals x intervalSeconds})
 *       or reporting ERROR / AUTH_FAILED (the reason carries its error text).</li>
 *   <li><b>CRITICAL</b>: a replicated item FAILED or with health CRITICAL; an HA cluster without quorum;
 *       an HA cluster with failover capacity 0 while one of its hosts is FAILED or ISOLATED.</li>
 *   <li><b>DEGRADED</b>: a replicated item outside its RPO, with health WARNING, or PAUSED; an HA host
 *       neither HEALTHY nor in MAINTENANCE; a VM CRASHED; an HA cluster with failover capacity 0;
 *       some (not all) of the site's collectors stale or failing.</li>
 *   <li><b>OK</b> otherwise.</li>
 * </ul>
 */
public record HealthRules(SiteRules defaults, Map<String, SiteRules> sites) {

    public HealthRules {
        Objects.requireNonNull(defaults, "defaults");
        sites = sites == null ? Map.of() : Map.copyOf(sites);
    }

    public static HealthRules defaultRules() {
        return new HealthRules(SiteRules.DEFAULTS, Map.of());
    }

    public SiteRules forSite(String site) {
        return sites.getOrDefault(site, defaults);
    }
}
