package org.sitewatch.core.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.events.UnreadableScope;

/**
 * What a site aggregate keeps about one collector endpoint: its last heartbeat. Collectors are few
 * per site, so the aggregate keeps all of them.
 *
 * @param lastHeartbeat the event time of the newest heartbeat
 * @param unreadable what the collector's last poll could not read (a partial read); empty when it
 *     read everything, and then left out of the JSON
 * @param location the endpoint's configured cloud and region; null when it has none (and in aggregates
 *     stored before heartbeats carried one), and then left out of the JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectorView(String collectorId, Platform platform, String endpoint, CollectorStatus status,
                            CollectorErrorKind errorKind, String error, Instant lastHeartbeat, Instant lastSuccess,
                            long intervalSeconds,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnreadableScope> unreadable,
                            SiteLocation location) {

    public CollectorView {
        // Aggregates stored before partial reads existed have no such field.
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
    }

    public static CollectorView of(CollectorHeartbeat hb, Instant time) {
        return new CollectorView(hb.collectorId(), hb.platform(), hb.endpoint(), hb.status(), hb.errorKind(),
                hb.error(), time, hb.lastSuccess(), hb.intervalSeconds(), hb.unreadable(), hb.location());
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
