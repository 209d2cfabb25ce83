package org.sitewatch.collectors.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.AnswerTooLargeException;
import org.sitewatch.collectors.spi.http.BoundedAnswers;
import org.sitewatch.collectors.spi.http.HttpFailures;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Citrix Cloud API tokens by client credentials: {@code POST <token-url>} with the form
 * {@code grant_type=client_credentials, client_id, client_secret}; the answer's
 * {@code access_token} lasts {@code expires_in} seconds (Citrix sends it as a string; a number is
 * read too; about an hour when absent). A token is renewed once four fifths of its life have
 * passed (at most five minutes before its end), and at once when the Monitor Service refuses it.
 *
 * <p>Failures: the token endpoint's 400/401/403 are a permanent AUTH (the client id or secret is
 * wrong or revoked), 429 throttled, 5xx retriable, an answer without a token MALFORMED, I/O and
 * time-outs retriable, TLS permanent. Messages never carry the secret or the token.
 */
final class CloudTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final URI tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final Duration timeout;
    private final Clock clock;
    private final String block;
    private final HttpClient http;
    private String token;
    private Instant renewAt = Instant.MIN;

    CloudTokens(URI tokenUrl, String clientId, Secret clientSecret, SSLContext tls, Duration timeout, Clock clock,
                String block) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
        this.clock = clock;
        this.block = block;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** The token in use, renewed first when it is close to its end. */
    synchronized String current() throws CollectorException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            renew();
        }
        return token;
    }

    /** Asks for a new token (the Monitor Service refused the last one). */
    synchronized String renew() throws CollectorException {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret.reveal());
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        Instant asked = clock.instant();
        HttpResponse<byte[]> response;
        try {
            response = BoundedAnswers.send(http, request, BoundedAnswers.LOGIN_MAX_BYTES, null, timeout);
        } catch (AnswerTooLargeException e) {
            throw HttpFailures.tooLarge(what(), e);
        } catch (HttpTimeoutException e) {
            throw CollectorException.retriable(CollectorErrorKind.TIMEOUT, what() + ": no answer in time", e);
        } catch (SSLException e) {
            throw CollectorException.permanent(CollectorErrorKind.TLS, what() + ": TLS failed: " + e.getMessage(),
                    "Set " + block + ".ca-file to the PEM of the CA that signed the token endpoint's certificate", e);
        } catch (IOException e) {
            throw CollectorException.retriable(CollectorErrorKind.CONNECT, what() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CollectorException.retriable(CollectorErrorKind.INTERNAL, what() + " was interrupted", e);
        }
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status == 400 || status == 401 || status == 403) {
            throw CollectorException.permanent(CollectorErrorKind.AUTH, what() + " was refused with HTTP " + status
                    + error(body), "Check " + block + ".client-id and client-secret: they must be an "
                    + "existing, unexpired Citrix Cloud API client of the customer in " + block + ".customer-id", null);
        }
        if (status == 429) {
            throw CollectorException.throttled(what() + " answered HTTP 429", response.headers()
                    .firstValue("Retry-After").filter(v -> v.trim().matches("\\d{1,6}"))
                    .map(v -> Duration.ofSeconds(Long.parseLong(v.trim()))).orElse(null));
        }
        if (status >= 500) {
            throw CollectorException.retriable(CollectorErrorKind.HTTP_5XX, what() + " answered HTTP " + status, null);
        }
        if (status != 200) {
            throw CollectorException.permanent(CollectorErrorKind.HTTP_4XX, what() + " answered HTTP " + status,
                    "Check " + block + ".token-url: it must be the Citrix Cloud token endpoint, e.g. "
                    + "https://api-eu.cloud.com" + CitrixSettings.TOKEN_PATH, null);
        }
        accept(body, asked);
        return token;
    }

    private void accept(String body, Instant asked) throws CollectorException {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            answer = null;
        }
        JsonNode accessToken = answer == null ? null : answer.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED, what() + " answered without an access_token",
                    null);
        }
        Duration lifetime = lifetime(answer.get("expires_in"));
        Duration margin = lifetime.dividedBy(5).compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : lifetime.dividedBy(5);
        token = accessToken.asText();
        renewAt = asked.plus(lifetime).minus(margin);
    }

    /** {@code expires_in} in seconds, as a number or a string; {@link #DEFAULT_LIFETIME} when absent or unreadable. */
    static Duration lifetime(JsonNode expiresIn) {
        if (expiresIn == null || expiresIn.isNull()) {
            return DEFAULT_LIFETIME;
        }
        String text = expiresIn.asText().trim();
        if (!text.matches("\\d{1,9}") || Long.parseLong(text) == 0) {
            return DEFAULT_LIFETIME;
        }
        return Duration.ofSeconds(Long.parseLong(text));
    }

    private String what() {
        return "POST " + tokenUrl.getPath() + " (Citrix Cloud token)";
    }

    private static String error(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            JsonNode error = answer == null ? null : answer.get("error");
            return error != null && error.isTextual() ? ": " + error.asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
