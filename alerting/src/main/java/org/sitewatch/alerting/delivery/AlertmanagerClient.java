package org.sitewatch.alerting.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.events.Alert;
import org.sitewatch.events.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to one Alertmanager cluster: {@code POST <url>/api/v2/alerts} to every configured URL,
 * as Prometheus does. The batch counts as accepted when at least one URL accepted it (Alertmanager
 * peers share alerts by gossip; Prometheus uses the same rule); a URL that missed it catches up on
 * the next resend tick, since every active alert is re-sent each {@link #resendInterval()}.
 *
 * <p>Limits: no authentication or TLS settings beyond what an {@code https} URL and the JVM trust
 * store give; the v1 API (removed in Alertmanager 0.27) is not spoken.
 */
public final class AlertmanagerClient implements AlertTarget {

    private static final Logger log = LoggerFactory.getLogger(AlertmanagerClient.class);

    private final List<URI> endpoints;
    private final Duration resendInterval;
    private final URI externalUrl;
    private final HttpPoster http;

    public AlertmanagerClient(List<URI> urls, Duration resendInterval, URI externalUrl, HttpPoster http) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an Alertmanager client needs at least one URL");
        }
        this.endpoints = urls.stream().map(AlertmanagerClient::alertsEndpoint).toList();
        this.resendInterval = resendInterval;
        this.externalUrl = externalUrl;
        this.http = http;
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public Optional<Duration> resendInterval() {
        return Optional.of(resendInterval);
    }

    @Override
    public void deliver(List<Alert> alerts, Instant now) throws DeliveryException {
        byte[] body = Json.bytes(AlertmanagerPayload.map(alerts, now, resendInterval, externalUrl));
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (URI endpoint : endpoints) {
            try {
                http.post(endpoint, body, Map.of());
                accepted++;
            } catch (DeliveryException e) {
                failures.add(e.getMessage());
            }
        }
        if (accepted == 0) {
            throw new DeliveryException(String.join("; ", failures));
        }
        if (!failures.isEmpty()) {
            log.warn("{} of {} Alertmanagers did not accept {} alerts (they get them on the next resend): {}",
                    failures.size(), endpoints.size(), alerts.size(), failures);
        }
    }

    /** The v2 alerts endpoint under the given base URL (which may carry a path prefix such as /alertmanager). */
    static URI alertsEndpoint(URI base) {
        String s = base.toString();
        return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/api/v2/alerts");
    }
}
