package org.sitewatch.core.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Why one entity needs attention, as listed in its site's aggregate. The reason text holds no
 * time-varying numbers (no "lag 42 s"), so re-observing an unchanged problem changes nothing; lag is
 * computed when read, from {@code lastRecoveryPoint}.
 *
 * @param severity DEGRADED or CRITICAL
 * @param since when Sitewatch first saw this entity in trouble (kept while the trouble lasts)
 * @param lastRecoveryPoint replicated items only: the newest recovery point, null when never synced
 * @param targetRpoSeconds replicated items only: the RPO the item is held to, null when none
 * @param outsideRpo replicated items only: true when the item was outside its RPO when last judged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(EntityKind kind, String entityId, String name, HealthStatus severity, String reason,
                      Instant since, Instant lastRecoveryPoint, Long targetRpoSeconds, Boolean outsideRpo) {

    public Problem(EntityKind kind, String entityId, String name, HealthStatus severity, String reason,
                   Instant since, Instant lastRecoveryPoint, Long targetRpoSeconds) {
        this(kind, entityId, name, severity, reason, since, lastRecoveryPoint, targetRpoSeconds, null);
    }

    public Problem withSince(Instant newSince) {
        return new Problem(kind, entityId, name, severity, reason, newSince, lastRecoveryPoint, targetRpoSeconds, outsideRpo);
    }
}
