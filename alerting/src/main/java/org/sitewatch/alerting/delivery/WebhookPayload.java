package org.sitewatch.alerting.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitewatch.events.Alert;

/**
 * The webhook body: {@code {"version":"1","sender":"sitewatch","alerts":[...]}}, one request per
 * delivery batch, each alert with {@code status} {@code firing} or {@code resolved}. Receivers
 * deduplicate by {@code fingerprint + status + startsAt} (delivery is at-least-once).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookPayload(String version, String sender, List<WebhookAlert> alerts) {

    public static final String VERSION = "1";

    /** One alert state change. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookAlert(String fingerprint, String status, Map<String, String> labels,
                               Map<String, String> annotations, Instant startsAt, Instant endsAt, String generatorURL) {
    }

    public static WebhookPayload of(List<Alert> alerts) {
        return new WebhookPayload(VERSION, "sitewatch", alerts.stream()
                .map(a -> new WebhookAlert(a.fingerprint(), a.state().name().toLowerCase(Locale.ROOT), a.labels(),
                        a.annotations(), a.startsAt(), a.endsAt(), a.generatorURL()))
                .toList());
    }
}
