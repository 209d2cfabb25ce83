package org.sitewatch.alerting.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.Alert;
import org.sitewatch.events.Json;

/**
 * A generic JSON webhook: each batch of state changes is one {@code POST} of a {@link WebhookPayload},
 * signed with HMAC-SHA256 ({@link WebhookSignature}). Only state changes are sent (no periodic
 * re-sends): a receiver sees each firing and each resolve at least once, so it must deduplicate by
 * fingerprint, status and startsAt. Any 2xx answer is acceptance; anything else is retried, 4xx
 * included (a rejected signature is fixed by configuration, and skipping would lose alerts).
 */
public final class WebhookSender implements AlertTarget {

    private final String name;
    private final URI url;
    private final byte[] secret;
    private final HttpPoster http;

    public WebhookSender(String name, URI url, String secret, HttpPoster http) {
        this.name = name;
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.http = http;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(List<Alert> alerts, Instant now) throws DeliveryException {
        byte[] body = Json.bytes(WebhookPayload.of(alerts));
        long timestamp = now.getEpochSecond();
        http.post(url, body, Map.of(
                WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body)));
    }

    @Override
    public String toString() {
        // The secret stays out of logs, and so does a token in the URL's query.
        return "webhook " + name + " -> " + SafeUrls.show(url);
    }
}
