package org.sitewatch.collectors.spi.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * JSON over HTTP GET for REST vendors, on {@code java.net.http}: one client per endpoint, requests
 * below an API root, every failure a classified {@link CollectorException} (see
 * {@link HttpFailures}), answers read up to a size cap and parsed with Jackson.
 *
 * <p>Absolute URLs (paging links) are followed only to the API root's own scheme, host and port,
 * so credentials in the headers never go to another host.
 *
 * <p>Each answer is read through {@link BoundedAnswers}: whole within the time-out (headers and
 * body), and only up to the size cap (default 32 MiB), past which reading stops and the request
 * fails naming the size read and the key that raises the cap.
 *
 * <p>Limits: GET only; HTTP/1.1; no redirects followed (a redirect is reported as a 3xx answer);
 * the answer is held in memory, hence the cap.
 */
public final class JsonHttpClient {

    public static final long DEFAULT_MAX_RESPONSE_BYTES = BoundedAnswers.DEFAULT_MAX_BYTES;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String baseText;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final long maxResponseBytes;
    private final String maxResponseKey;
    private final HttpFailures failures;
    private final HttpClient http;

    private JsonHttpClient(Builder b) {
        this.base = b.base;
        String text = b.base.toString();
        this.baseText = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.timeout = b.timeout;
        this.headers = Map.copyOf(b.headers);
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxResponseKey = b.maxResponseKey;
        this.failures = new HttpFailures(b.remedies, b.clock);
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (b.sslContext != null) {
            http.sslContext(b.sslContext);
        }
        if (b.cookieHandler != null) {
            http.cookieHandler(b.cookieHandler);
        }
        this.http = http.build();
    }

    /** @param base the API root, e.g. {@code https://pve1:8006/api2/json}; paths are appended to it */
    public static Builder builder(URI base) {
        return new Builder(base);
    }

    /**
     * GETs a path below the API root ({@code /cluster/status}) or an absolute URL on the same
     * origin, and returns the parsed answer.
     *
     * @throws CollectorException classified; the message names the path, never a credential
     */
    public JsonNode get(String pathOrUrl) throws CollectorException {
        URI uri = resolve(pathOrUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        headers.forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = BoundedAnswers.send(http, request.build(), maxResponseBytes, maxResponseKey, timeout);
        } catch (IOException e) {
            throw failures.forIo(pathOrUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Only the runtime interrupts (poll deadline or stop) and reports that itself; the kind
            // just has to end the poll rather than look like one slow request.
            throw CollectorException.retriable(CollectorErrorKind.INTERNAL, "GET " + pathOrUrl + " was interrupted", e);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw failures.forStatus(pathOrUrl, status, body, response.headers().firstValue("Retry-After").orElse(null));
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "GET " + pathOrUrl + " answered nothing", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    "GET " + pathOrUrl + " answered something that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private URI resolve(String pathOrUrl) throws CollectorException {
        if (!pathOrUrl.startsWith("http://") && !pathOrUrl.startsWith("https://")) {
            return URI.create(baseText + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl);
        }
        URI uri = URI.create(pathOrUrl);
        if (!Objects.equals(uri.getScheme(), base.getScheme()) || !Objects.equals(uri.getHost(), base.getHost())
                || uri.getPort() != base.getPort()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "the endpoint sent a link to another host ("
                    + uri.getScheme() + "://" + uri.getHost() + "); not followed, it would carry the credentials there", null);
        }
        return uri;
    }

    /** Configures one endpoint's client. Not thread-safe; the built client is. */
    public static final class Builder {
        private final URI base;
        private Duration timeout = Duration.ofSeconds(10);
        private SSLContext sslContext;
        private CookieHandler cookieHandler;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private String maxResponseKey = "max-response-bytes";
        private HttpRemedies remedies;
        private Clock clock = Clock.systemUTC();

        private Builder(URI base) {
            this.base = Objects.requireNonNull(base, "base");
            this.remedies = HttpRemedies.generic("the endpoint's settings", "ca-file");
        }

        /** Connect time-out and the longest one request may take, its whole answer included. */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** From {@link TlsContexts#create}; null for the JVM's default. */
        public Builder sslContext(SSLContext value) {
            this.sslContext = value;
            return this;
        }

        /**
         * Keeps the cookies answers set and sends them back (a vendor's session cookie after a login);
         * clients given the same handler share the session. Null (the default): no cookies kept or sent.
         */
        public Builder cookieHandler(CookieHandler value) {
            this.cookieHandler = value;
            return this;
        }

        /** A header sent with every request, e.g. {@code Authorization}; its value is never logged. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * @param value the largest answer read; larger ones fail as permanent MALFORMED (see {@link HttpFailures#tooLarge})
         * @param key the full key of the setting, named in that failure; null when the cap is not a setting
         */
        public Builder maxResponseBytes(long value, String key) {
            if (value < 1) {
                throw new IllegalArgumentException(key + " must be at least 1 but was " + value);
            }
            this.maxResponseBytes = value;
            this.maxResponseKey = key;
            return this;
        }

        public Builder remedies(HttpRemedies value) {
            this.remedies = Objects.requireNonNull(value, "remedies");
            return this;
        }

        /** The clock {@code Retry-After} dates are measured against. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public JsonHttpClient build() {
            return new JsonHttpClient(this);
        }
    }
}
