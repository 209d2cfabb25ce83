package org.sitewatch.collectors.storage;

import java.time.Duration;
import java.util.Objects;
import org.sitewatch.events.Platform;

/**
 * The collector endpoint the records are made for: its site (where the command runs), its
 * platform, and the target RPO to use when the DRBD or Ceph block sets none.
 *
 * @param defaultTargetRpo the endpoint's {@code target-rpo}; null for none
 */
public record ReportingEndpoint(String site, Platform platform, Duration defaultTargetRpo) {

    public ReportingEndpoint {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(platform, "platform");
    }

    Long targetRpoSeconds(Duration configured) {
        Duration rpo = configured != null ? configured : defaultTargetRpo;
        return rpo == null ? null : rpo.toSeconds();
    }
}
