package org.sitewatch.audit.state;

import java.time.Instant;
import org.sitewatch.audit.kafka.ReadBudget;

/**
 * The alerts that were firing at an instant. {@link AlertsTopicHistory} reads them from the
 * {@code sitewatch.alerts} topic; {@link #NOT_AVAILABLE} answers with an explicitly unavailable list
 * (for rebuilds without a Kafka, e.g. in unit tests).
 */
public interface FiringAlertsSource {

    FiringAlertsSource NOT_AVAILABLE = (at, site) -> FiringAlerts.notAvailable();

    /** @param site only this site's alerts; null for all */
    FiringAlerts firingAt(Instant at, String site);

    /** Like {@link #firingAt(Instant, String)}, stopping with an error when {@code budget} is spent. */
    default FiringAlerts firingAt(Instant at, String site, ReadBudget budget) {
        return firingAt(at, site);
    }
}
