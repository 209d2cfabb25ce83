package org.sitewatch.core.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.Platform;

/**
 * What a site aggregate keeps about one collector endpoint: its last heartbeat. Collectors are few
 * per site, so the aggregate keeps all of them.
 *
 * @param lastHeartbeat the event time of the newest heartbeat
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectorView(String collectorId, Platform platform, String endpoint, CollectorStatus status,
                            CollectorErrorKind errorKind, String error, Instant lastHeartbeat, Instant lastSuccess,
                            long intervalSeconds) {

    public static CollectorView of(CollectorHeartbeat hb, Instant time) {
        return new CollectorView(hb.collectorId(), hb.platform(), hb.endpoint(), hb.status(), hb.errorKind(),
                hb.error(), time, hb.lastSuccess(), hb.intervalSeconds());
    }

    /** True when the last poll failed (the collector is alive but cannot read the vendor). */
    public boolean failing() {
        return status != CollectorStatus.OK;
    }

    /** True when no heartbeat came for more than {@code staleAfterIntervals} of its intervals. */
    public boolean staleAt(Instant now, SiteRules rules) {
        return now.isAfter(lastHeartbeat.plusSeconds(rules.staleAfterIntervals() * intervalSeconds));
    }
}
