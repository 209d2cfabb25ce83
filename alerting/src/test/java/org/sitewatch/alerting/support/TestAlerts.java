package org.sitewatch.alerting.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.events.Alert;

/** Alerts for tests: a name, a site and a severity, with the usual annotations. */
public final class TestAlerts {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TestAlerts() {
    }

    public static Alert firing(String alertname, String site, String severity, Instant startsAt) {
        return firing(alertname, site, severity, startsAt, Map.of());
    }

    public static Alert firing(String alertname, String site, String severity, Instant startsAt,
                               Map<String, String> extraLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Alert.ALERTNAME, alertname);
        labels.put(Alert.SEVERITY, severity);
        labels.put(Alert.SITE, site);
        labels.putAll(extraLabels);
        return Alert.firing(labels, Map.of("summary", alertname + " at " + site,
                "description", "measured value 42", "runbook_url", "https://runbooks.example/" + alertname),
                startsAt, "/api/sites/" + site);
    }
}
