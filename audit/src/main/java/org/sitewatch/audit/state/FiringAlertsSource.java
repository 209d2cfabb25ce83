package org.sitewatch.audit.state;

import java.time.Instant;

/**
 * Extension point: the alerts that were firing at an instant. Alerting (state machines with
 * hysteresis, the {@code sitewatch.alerts} topic) is a later issue; until it provides an
 * implementation, {@link #NOT_AVAILABLE} answers with an empty, explicitly unavailable list. An
 * implementation should rebuild the alert state machines from the same replayed events (or read the
 * alerts topic up to the instant), not from live state.
 */
public interface FiringAlertsSource {

    FiringAlertsSource NOT_AVAILABLE = (at, site) -> FiringAlerts.notAvailable();

    /** @param site only this site's alerts; null for all */
    FiringAlerts firingAt(Instant at, String site);
}
