package org.sitewatch.streams.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.sitewatch.core.alerts.AlertOverride;
import org.sitewatch.core.alerts.AlertRule;
import org.sitewatch.core.alerts.AlertSettings;
import org.sitewatch.core.alerts.AlertThresholds;
import org.sitewatch.core.alerts.Severity;
import org.sitewatch.core.fold.SitePair;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sitewatch.alerts.*}: the alert rules evaluated by the streams app (every one is listed in
 * {@code docs/alert-rules.md}). Overrides mirror {@code sitewatch.health}: {@code sites.<site>.*},
 * {@code pairs.<source>.<target>.*}, {@code items.<site>.<item id>.*}, the most specific winning field
 * by field. Invalid values fail start-up.
 *
 * @param enabled false: no rule is evaluated, nothing is written to {@code sitewatch.alerts}
 * @param rpoGrace ReplicationRpoBreached fires when lag stays above the target RPO this long
 * @param rpoResolveRatio ReplicationRpoBreached resolves only when lag is below target x this
 * @param pausedFor ReplicationPaused fires when an item stays PAUSED this long
 * @param collectorDownIntervals CollectorDown fires after this many of the collector's heartbeat intervals
 * @param vmRestartHold HaVmRestarted resolves this long after the restart
 * @param siteResolveHold SiteDegraded / SiteCritical resolve only after the verdict stayed better this long
 * @param collectorFailingIntervals CollectorFailing fires after this many of the collector's heartbeat intervals of
 *     ERROR heartbeats
 * @param severities severity per rule name ({@code critical}, {@code warning}, {@code info})
 * @param runbookBaseUrl where the runbooks are (the rule's anchor is appended); not set: the app's own
 *     {@code /runbooks} page (see {@code RunbookLinks})
 */
@ConfigurationProperties("sitewatch.alerts")
public record AlertProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration rpoGrace,
                              @DefaultValue("0.8") double rpoResolveRatio, @DefaultValue("30m") Duration pausedFor,
                              @DefaultValue("3") int collectorDownIntervals, @DefaultValue("10m") Duration vmRestartHold,
                              @DefaultValue("2m") Duration siteResolveHold,
                              @DefaultValue("3") int collectorFailingIntervals,
                              Map<String, Severity> severities,
                              String runbookBaseUrl,
                              Map<String, AlertOverride> sites, Map<String, Map<String, AlertOverride>> pairs,
                              Map<String, Map<String, AlertOverride>> items) {

    public AlertProperties {
        severities = severities == null ? Map.of() : Map.copyOf(severities);
        sites = sites == null ? Map.of() : Map.copyOf(sites);
        pairs = pairs == null ? Map.of() : Map.copyOf(pairs);
        items = items == null ? Map.of() : Map.copyOf(items);
        // Built once here so that bad values fail binding, with the property prefix in the message.
        build(enabled, rpoGrace, rpoResolveRatio, pausedFor, collectorDownIntervals, vmRestartHold, siteResolveHold,
                collectorFailingIntervals, severities, runbookBaseUrl, sites, pairs, items);
    }

    public AlertSettings toSettings() {
        return toSettings(null);
    }

    /** @param ownRunbooks the runbooks' URL when {@code runbook-base-url} is not set (null: the core's default) */
    public AlertSettings toSettings(String ownRunbooks) {
        String runbooks = runbookBaseUrl == null || runbookBaseUrl.isBlank() ? ownRunbooks : runbookBaseUrl;
        return build(enabled, rpoGrace, rpoResolveRatio, pausedFor, collectorDownIntervals, vmRestartHold, siteResolveHold,
                collectorFailingIntervals, severities, runbooks, sites, pairs, items);
    }

    private static AlertSettings build(boolean enabled, Duration rpoGrace, double rpoResolveRatio, Duration pausedFor,
                                       int collectorDownIntervals, Duration vmRestartHold, Duration siteResolveHold,
                                       int collectorFailingIntervals,
                                       Map<String, Severity> severities,
                                       String runbookBaseUrl, Map<String, AlertOverride> sites,
                                       Map<String, Map<String, AlertOverride>> pairs, Map<String, Map<String, AlertOverride>> items) {
        Map<AlertRule, Severity> bySeverity = new EnumMap<>(AlertRule.class);
        severities.forEach((rule, severity) -> bySeverity.put(rule(rule), severity));
        Map<String, AlertOverride> perPair = new HashMap<>();
        pairs.forEach((source, targets) -> targets.forEach((target, o) -> perPair.put(SitePair.key(source, target), o)));
        Map<String, AlertOverride> perItem = new HashMap<>();
        items.forEach((site, byItem) -> byItem.forEach((item, o) -> perItem.put(site + "/" + item, o)));
        return new AlertSettings(enabled, new AlertThresholds(rpoGrace, rpoResolveRatio, pausedFor, collectorDownIntervals,
                vmRestartHold, siteResolveHold, collectorFailingIntervals), sites, perPair, perItem, bySeverity, runbookBaseUrl);
    }

    private static AlertRule rule(String name) {
        for (AlertRule rule : AlertRule.values()) {
            if (rule.name().equalsIgnoreCase(name)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("sitewatch.alerts.severities: unknown rule '" + name + "'; rules are "
                + java.util.Arrays.toString(AlertRule.values()));
    }
}
