package org.sitewatch.alerting.maintenance;

import java.time.Duration;
import java.time.Instant;
import org.sitewatch.events.MaintenanceWindow;

/**
 * Body of {@code POST /api/maintenance}. Matchers as in {@link MaintenanceWindow}; the period is
 * {@code startsAt} (default now) to either {@code endsAt} or {@code startsAt + duration} (ISO-8601,
 * e.g. {@code PT2H}). {@code id} is optional: given, it creates or replaces that window.
 *
 * <p>{@code createdBy} is not for clients: the creator is the authenticated caller. It stays in the record
 * only so that a body carrying it is refused with a 400 instead of being silently ignored.
 */
public record MaintenanceRequest(String id, String site, String cluster, String host, String item, String vm,
                                 Instant startsAt, Instant endsAt, Duration duration, String reason,
                                 String createdBy) {
}
