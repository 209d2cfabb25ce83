package org.sitewatch.core.fold;

import java.time.Instant;
import java.util.List;

/**
 * A site's health judged at an instant.
 *
 * @param reasons human-readable, most severe first; empty when OK
 * @param asOf the instant the rules were evaluated at
 */
public record SiteHealth(String site, HealthStatus status, List<String> reasons, Instant asOf) {

    public SiteHealth {
        reasons = List.copyOf(reasons);
    }

    /** Same status and reasons, whenever judged. */
    public boolean sameVerdict(SiteHealth other) {
        return other != null && status == other.status && reasons.equals(other.reasons);
    }
}
