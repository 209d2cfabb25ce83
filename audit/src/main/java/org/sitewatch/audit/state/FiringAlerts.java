package org.sitewatch.audit.state;

import java.util.List;
import java.util.Map;

/**
 * The alerts firing at an instant, as far as they can be told.
 *
 * @param available false until alerting exists; then {@code firing} is empty and means nothing
 * @param firing one JSON object per alert, in the alert contract's shape
 */
public record FiringAlerts(boolean available, String note, List<Map<String, Object>> firing) {

    public FiringAlerts {
        firing = firing == null ? List.of() : List.copyOf(firing);
    }

    public static FiringAlerts notAvailable() {
        return new FiringAlerts(false, "alert history is not available yet: alerting is a later Sitewatch feature", List.of());
    }
}
