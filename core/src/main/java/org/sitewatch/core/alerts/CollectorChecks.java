package org.sitewatch.core.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;

/** The rules on a collector, judged from its last heartbeat. */
final class CollectorChecks {

    /** Longest error text quoted in a summary; the description carries it whole. */
    private static final int SUMMARY_ERROR_CHARS = 160;

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
        boolean active = rejectsCredentials(c);
        return new Check(active, now, null, null, null, Labels.collector(c),
                "Collector " + c.collectorId() + " of " + c.site() + (active ? " cannot authenticate" : " authenticates again"),
                "Endpoint " + c.endpoint() + ": " + c.status() + (c.error() != null ? ": " + c.error() : "") + ".",
                Labels.collectorsUrl(c.site()));
    }

    /**
     * CollectorFailing: the collector's heartbeats have reported ERROR (5xx, time-out, malformed answer ...,
     * anything but rejected credentials) for collector-failing-intervals x its own interval.
     *
     * <p>A run of errors starts at the first ERROR heartbeat ({@code pendingSince}) and ends at the next
     * heartbeat that is not an ERROR: an OK one (which also resolves a firing alert, no resolve hold, as
     * CollectorDown and CollectorAuthFailed resolve on the next good heartbeat), or one reporting
     * rejected credentials, which hands the outage over to CollectorAuthFailed so the two never page
     * together. A new run needs the whole grace again, so errors alternating with successes before
     * the grace has passed never fire, and a run fires once however long it lasts ({@code startsAt} =
     * first error + grace, later in every new run). It is judged on heartbeats only, without a
     * deadline: the run is proven by an ERROR heartbeat seen at or after the grace, and a collector that
     * stops sending is CollectorDown's.
     */
    static Check failing(CollectorHeartbeat c, Instant now, AlertMemory memory, AlertThresholds t) {
        Map<String, String> labels = Labels.collector(c);
        String url = Labels.collectorsUrl(c.site());
        String collector = "Collector " + c.collectorId() + " of " + c.site();
        if (c.status() == CollectorStatus.OK) {
            return Check.inactive(labels, collector + " reads its endpoint again",
                    "Endpoint " + c.endpoint() + ": OK at " + now + (memory.pendingSince() != null
                            ? " after errors since " + memory.pendingSince() : "") + ".", url);
        }
        if (rejectsCredentials(c)) {
            return Check.inactive(labels, collector + " rejects its credentials (see CollectorAuthFailed)",
                    "Endpoint " + c.endpoint() + ": " + failure(c, Integer.MAX_VALUE) + " at " + now + ".", url);
        }
        long interval = Math.max(1, c.intervalSeconds());
        Instant since = memory.pendingSince() != null ? memory.pendingSince() : now;
        Instant fireAt = since.plus(Duration.ofSeconds(interval * t.collectorFailingIntervals()));
        // Once firing it stays so for the rest of the run, even if the interval grows and moves fireAt.
        boolean active = memory.isFiring() || !now.isBefore(fireAt);
        return new Check(active, fireAt, null, since, null, labels,
                collector + " is failing: " + failure(c, SUMMARY_ERROR_CHARS),
                "Endpoint " + c.endpoint() + ": " + failure(c, Integer.MAX_VALUE) + "; every heartbeat an error since " + since
                        + " (expected every " + interval + " s, alert after " + t.collectorFailingIntervals()
                        + " intervals).", url);
    }

    /**
     * Rejected credentials: the AUTH_FAILED status, or an ERROR whose kind says AUTH (the collectors map
     * AUTH to AUTH_FAILED, but the two rules must split every heartbeat between them either way).
     */
    private static boolean rejectsCredentials(CollectorHeartbeat c) {
        return c.status() == CollectorStatus.AUTH_FAILED
                || (c.status() == CollectorStatus.ERROR && c.errorKind() == CollectorErrorKind.AUTH);
    }

    /** The error kind and the (collector-redacted) error text, the text cut after {@code maxChars}. */
    private static String failure(CollectorHeartbeat c, int maxChars) {
        String kind = c.errorKind() != null ? c.errorKind().name() : c.status().name();
        if (c.error() == null || c.error().isBlank()) {
            return kind;
        }
        String text = c.error().length() > maxChars ? c.error().substring(0, maxChars) + "…" : c.error();
        return kind + ": " + text;
    }
}
