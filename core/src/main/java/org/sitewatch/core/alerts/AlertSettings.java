package org.sitewatch.core.alerts;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.core.fold.SitePair;

/**
 * Everything the alert rules are configured by: global thresholds, overrides per site, per site pair
 * ({@code <source>-><target>}) and per item ({@code <site>/<item id>}), the most specific winning field by
 * field; severities per rule; the base URL of the runbooks.
 */
public record AlertSettings(boolean enabled, AlertThresholds defaults, Map<String, AlertOverride> sites,
                            Map<String, AlertOverride> pairs, Map<String, AlertOverride> items,
                            Map<AlertRule, Severity> severities, String runbookBaseUrl) {

    /** The runbooks the embedded default serves itself; the streams app passes its own address instead. */
    public static final String DEFAULT_RUNBOOK_BASE_URL = "http://localhost:8080/runbooks";

    public AlertSettings {
        Objects.requireNonNull(defaults, "defaults");
        sites = sites == null ? Map.of() : Map.copyOf(sites);
        pairs = pairs == null ? Map.of() : Map.copyOf(pairs);
        items = items == null ? Map.of() : Map.copyOf(items);
        Map<AlertRule, Severity> all = new EnumMap<>(AlertRule.class);
        for (AlertRule rule : AlertRule.values()) {
            all.put(rule, severities != null && severities.get(rule) != null ? severities.get(rule) : rule.defaultSeverity());
        }
        severities = Map.copyOf(all);
        runbookBaseUrl = runbookBaseUrl == null || runbookBaseUrl.isBlank() ? DEFAULT_RUNBOOK_BASE_URL : runbookBaseUrl;
        // Merging validates every level, so a bad override fails at start-up.
        sites.values().forEach(defaults::with);
        pairs.values().forEach(defaults::with);
        items.values().forEach(defaults::with);
    }

    public static AlertSettings defaultSettings() {
        return new AlertSettings(true, AlertThresholds.DEFAULTS, Map.of(), Map.of(), Map.of(), Map.of(), null);
    }

    /** These settings with other global thresholds. */
    public AlertSettings withDefaults(AlertThresholds thresholds) {
        return new AlertSettings(enabled, thresholds, sites, pairs, items, severities, runbookBaseUrl);
    }

    public AlertThresholds forSite(String site) {
        return defaults.with(sites.get(site));
    }

    public AlertThresholds forItem(ReplicationStatus r) {
        return forSite(r.site()).with(pairs.get(SitePair.key(r.sourceSite(), r.targetSite())))
                .with(items.get(r.site() + "/" + r.itemId()));
    }

    public Severity severity(AlertRule rule) {
        return severities.get(rule);
    }

    public String runbookUrl(AlertRule rule) {
        return runbookBaseUrl + "#" + rule.runbookAnchor();
    }
}
