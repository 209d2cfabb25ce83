package org.sitewatch.core.alerts;

import java.time.Duration;
import java.time.Instant;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;

/** The rules on a collector, judged from its last heartbeat. */
final class CollectorChecks {

    private CollectorChecks() {
    }

    /** No heartbeat for collector-down-intervals x the collector's own interval. */
    static Check down(CollectorHeartbeat c, Instant lastHeartbeat, Instant now, AlertThresholds t) {
        long interval = Math.max(1, c.intervalSeconds());
        Instant downAt = lastHeartbeat.plus(Duration.ofSeconds(interval * t.collectorDownIntervals()));
        boolean active = !now.isBefore(downAt);
        return new Check(active, downAt, null, null, active ? null : downAt, Labels.collector(c),
                "Collector " + c.collectorId() + " of " + c.site() + (active ? " is down" : " is back"),
                "Last heartbeat at " + lastHeartbeat + "; expected every " + interval + " s, alert after "
                        + t.collectorDownIntervals() + " missed (" + Duration.between(lastHeartbeat, now).toSeconds()
                        + " s silent at " + now + ").", Labels.collectorsUrl(c.site()));
    }

    static Check authFailed(CollectorHeartbeat c, Instant now) {
        boolean active = c.status() == CollectorStatus.AUTH_FAILED;
        return new Check(active, now, null, null, null, Labels.collector(c),
                "Collector " + c.collectorId() + " of " + c.site() + (active ? " cannot authenticate" : " authenticates again"),
                "Endpoint " + c.endpoint() + ": " + c.status() + (c.error() != null ? ": " + c.error() : "") + ".",
                Labels.collectorsUrl(c.site()));
    }
}
