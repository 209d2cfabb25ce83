package org.sitewatch.core.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.sitewatch.events.SiteHealthView;

/**
 * SiteDegraded (verdict DEGRADED or worse) and SiteCritical (verdict CRITICAL), from the site's
 * published verdict. Once firing, an alert resolves only after the verdict stayed better for
 * site-resolve-hold, so a verdict that flips for a moment (a failed job's retry shows as syncing) does
 * not resolve and re-fire it. An UNKNOWN site changes neither: we cannot see it (CollectorDown says so),
 * so we do not claim it recovered.
 */
final class SiteChecks {

    static final String UNKNOWN = "UNKNOWN";
    static final Set<String> DEGRADED_OR_WORSE = Set.of("DEGRADED", "CRITICAL");
    static final Set<String> CRITICAL = Set.of("CRITICAL");

    private SiteChecks() {
    }

    static Check status(SiteHealthView view, Set<String> statuses, Instant now, AlertMemory memory, AlertThresholds t) {
        boolean matches = statuses.contains(view.status());
        Map<String, String> labels = Labels.site(view.site(), null);
        Instant since = view.since() != null ? view.since() : now;
        String summary = "Site " + view.site() + " is " + view.status();
        String description = "Site " + view.site() + " is " + view.status() + " since " + since
                + (view.reasons().isEmpty() ? "" : ": " + String.join("; ", view.reasons()));
        String url = Labels.siteUrl(view.site());
        if (matches || !memory.isFiring()) {
            return new Check(matches, since, null, null, null, labels, summary, description, url);
        }
        Instant better = memory.pendingSince() != null ? memory.pendingSince() : now;
        Instant resolveAt = better.plus(t.siteResolveHold());
        boolean stillFiring = now.isBefore(resolveAt);
        return new Check(stillFiring, since, null, stillFiring ? better : null, stillFiring ? resolveAt : null, labels,
                summary, description, url);
    }
}
