package org.sitewatch.core.fold;

/**
 * Health of a site, and severity of one problem (problems are only DEGRADED or CRITICAL). Declared
 * in increasing order of precedence: UNKNOWN wins because then we cannot see the site at all.
 */
public enum HealthStatus {
    OK, DEGRADED, CRITICAL, UNKNOWN;

    /** The one of the two that takes precedence. */
    public HealthStatus worst(HealthStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
