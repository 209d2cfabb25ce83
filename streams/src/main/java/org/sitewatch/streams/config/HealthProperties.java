package org.sitewatch.streams.config;

import java.util.HashMap;
import java.util.Map;
import org.sitewatch.streams.fold.HealthRules;
import org.sitewatch.streams.fold.SiteRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sitewatch.health.*}: the tunables of the health rules (see {@code docs/health-rules.md}),
 * with per-site overrides under {@code sitewatch.health.sites.<site>.*}; an override sets only what
 * it names, the rest comes from the defaults. Invalid values fail start-up with the reason.
 *
 * @param staleAfterIntervals a collector is stale after this many missed heartbeat intervals
 * @param defaultTargetRpoSeconds RPO for replicated items that carry none; unset: they are not checked
 */
@ConfigurationProperties("sitewatch.health")
public record HealthProperties(@DefaultValue("3") int staleAfterIntervals, Long defaultTargetRpoSeconds,
                               Map<String, SiteOverride> sites) {

    /** Per-site override: null fields fall back to the defaults. */
    public record SiteOverride(Integer staleAfterIntervals, Long defaultTargetRpoSeconds) {
    }

    public HealthProperties {
        sites = sites == null ? Map.of() : Map.copyOf(sites);
        // Built once here so that bad values fail binding, with the property prefix in the message.
        toRules(staleAfterIntervals, defaultTargetRpoSeconds, sites);
    }

    public HealthRules toRules() {
        return toRules(staleAfterIntervals, defaultTargetRpoSeconds, sites);
    }

    private static HealthRules toRules(int staleAfterIntervals, Long defaultTargetRpoSeconds, Map<String, SiteOverride> sites) {
        SiteRules defaults = new SiteRules(staleAfterIntervals, defaultTargetRpoSeconds);
        Map<String, SiteRules> perSite = new HashMap<>();
        sites.forEach((site, o) -> perSite.put(site, new SiteRules(
                o.staleAfterIntervals() != null ? o.staleAfterIntervals() : defaults.staleAfterIntervals(),
                o.defaultTargetRpoSeconds() != null ? o.defaultTargetRpoSeconds() : defaults.defaultTargetRpoSeconds())));
        return new HealthRules(defaults, perSite);
    }
}
