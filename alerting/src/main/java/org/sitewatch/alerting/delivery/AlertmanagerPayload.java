package org.sitewatch.alerting.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;

/**
 * Maps alerts to Alertmanager's {@code postableAlerts} (API v2) the way Prometheus does: a firing
 * alert gets {@code endsAt = now + 4 × resend interval}, so Alertmanager resolves it by itself if
 * Sitewatch stops refreshing it; a resolved alert carries its real {@code endsAt}. A relative
 * {@code generatorURL} is made absolute with the external URL when one is configured.
 */
public final class AlertmanagerPayload {

    /** How many resend intervals a firing alert stays valid in Alertmanager without a refresh (Prometheus: 4). */
    static final int VALIDITY_INTERVALS = 4;

    /** One element of {@code POST /api/v2/alerts}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                                Instant endsAt, String generatorURL) {
    }

    private AlertmanagerPayload() {
    }

    /** One postable alert per fingerprint: the last state of it in {@code alerts} (Alertmanager only keeps the newest). */
    public static List<PostableAlert> map(List<Alert> alerts, Instant now, Duration resendInterval, URI externalUrl) {
        Instant validUntil = now.plus(resendInterval.multipliedBy(VALIDITY_INTERVALS));
        Map<String, Alert> newest = new LinkedHashMap<>();
        alerts.forEach(a -> newest.put(a.fingerprint(), a));
        return newest.values().stream()
                .map(a -> new PostableAlert(a.labels(), a.annotations(), a.startsAt(),
                        a.state() == AlertState.FIRING ? validUntil : a.endsAt(),
                        absolute(a.generatorURL(), externalUrl)))
                .toList();
    }

    static String absolute(String generatorUrl, URI externalUrl) {
        if (generatorUrl == null || generatorUrl.isBlank()) {
            return null;
        }
        URI u = URI.create(generatorUrl);
        return u.isAbsolute() || externalUrl == null ? generatorUrl : externalUrl.resolve(u).toString();
    }
}
