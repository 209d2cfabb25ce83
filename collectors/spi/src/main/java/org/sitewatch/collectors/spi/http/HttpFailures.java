package org.sitewatch.collectors.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.net.ssl.SSLException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Turns an HTTP status or an I/O failure into a classified {@link CollectorException}:
 * 401/403 permanent AUTH; 404/501 {@link NotAvailableException}; 429 retriable with the
 * {@code Retry-After} it carried; 5xx retriable; other 4xx permanent; connect failures and
 * time-outs retriable; TLS handshake and certificate failures permanent, with a remedy naming the
 * CA file key; an answer over the size cap permanent MALFORMED naming the key to raise
 * ({@link #tooLarge}). Messages name the method and path, never a header. Public for a vendor transport that
 * cannot use {@link JsonHttpClient} (e.g. one that logs in per connection, as NTLM does), so every
 * HTTP failure is classified the same way.
 */
public final class HttpFailures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 200;

    private final HttpRemedies remedies;
    private final Clock clock;

    public HttpFailures(HttpRemedies remedies, Clock clock) {
        this.remedies = remedies;
        this.clock = clock;
    }

    /** The failure for a non-2xx answer. */
    public CollectorException forStatus(String path, int status, String body, String retryAfterHeader) {
        String what = "GET " + path + " answered HTTP " + status + message(body);
        if (status == 401 || status == 403) {
            return CollectorException.permanent(CollectorErrorKind.AUTH,
                    "GET " + path + " was refused with HTTP " + status + message(body),
                    status == 401 ? remedies.unauthorized() : remedies.forbidden(), null);
        }
        if (status == 404 || status == 501) {
            return new NotAvailableException(path, status, what, remedies.wrongUrl());
        }
        if (status == 429) {
            return CollectorException.throttled(what, retryAfter(retryAfterHeader));
        }
        if (status >= 500) {
            return CollectorException.retriable(CollectorErrorKind.HTTP_5XX, what, null);
        }
        return CollectorException.permanent(CollectorErrorKind.HTTP_4XX, what, remedies.wrongUrl(), null);
    }

    /** The failure for an exception thrown while sending or reading. */
    public CollectorException forIo(String path, IOException e) {
        String what = "GET " + path + ": ";
        if (e instanceof AnswerTooLargeException tooLarge) {
            return tooLarge("GET " + path, tooLarge);
        }
        // The JDK reports a failed handshake inside a connect time-out's cause chain: look for TLS first.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return CollectorException.permanent(CollectorErrorKind.TLS, what + "TLS failed: " + t.getMessage(),
                        remedies.tls(), e);
            }
        }
        if (e instanceof HttpConnectTimeoutException) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, what + "connect timed out", e);
        }
        if (e instanceof HttpTimeoutException) {
            return CollectorException.retriable(CollectorErrorKind.TIMEOUT, what + "no answer in time (" + e.getMessage() + ")", e);
        }
        if (e instanceof ConnectException) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, what + "cannot connect: " + e, e);
        }
        return CollectorException.retriable(CollectorErrorKind.CONNECT, what + "I/O error: " + e, e);
    }

    /**
     * An answer over the size cap: permanent MALFORMED. Permanent, because an inventory that outgrew
     * the cap is as large on the next poll; retrying at the retriable back-off would download up to
     * the cap again every few seconds and only repeat the error. The runtime logs the remedy (the key
     * to raise) once at ERROR and tries again every permanent-failure interval, so an answer that
     * shrinks back is picked up; the heartbeat is ERROR, so CollectorFailing still pages.
     *
     * @param what the request, e.g. {@code GET /cluster/resources}
     */
    public static CollectorException tooLarge(String what, AnswerTooLargeException e) {
        String remedy = e.limitKey() == null
                ? "An answer this large is not what this request expects: check the endpoint's URL and what answers there"
                : "Raise " + e.limitKey() + " (now " + e.limit() + " bytes) if the endpoint's answers really are that large,"
                        + " or find what makes them grow";
        return CollectorException.permanent(CollectorErrorKind.MALFORMED, what + ": " + e.getMessage(), remedy, e);
    }

    /**
     * {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110); null when absent or
     * unreadable, zero for a date in the past.
     */
    public Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            if (value.matches("\\d{1,9}")) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The vendor's error text ({@code message}, or {@code error.message} / {@code error} as some APIs nest it), shortened. */
    static String message(String body) {
        try {
            JsonNode root = body == null || body.isBlank() ? null : JSON.readTree(body);
            JsonNode message = root == null ? null : root.get("message");
            JsonNode error = root == null ? null : root.get("error");
            if ((message == null || !message.isTextual()) && error != null) {
                message = error.isTextual() ? error : error.get("message");
            }
            if (message == null || !message.isTextual() || message.asText().isBlank()) {
                return "";
            }
            String text = message.asText().trim();
            return ": " + (text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text);
        } catch (IOException e) {
            return "";
        }
    }
}
