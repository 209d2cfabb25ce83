package org.sitewatch.collectors.vmware.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.AnswerTooLargeException;
import org.sitewatch.collectors.spi.http.BoundedAnswers;
import org.sitewatch.collectors.spi.http.HttpFailures;
import org.sitewatch.collectors.spi.http.HttpRemedies;
import org.sitewatch.collectors.spi.http.JsonHttpClient;
import org.sitewatch.collectors.spi.http.NotAvailableException;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.events.CollectorErrorKind;

/**
 * One session with a DR REST gateway, vSphere Replication's or SRM's (both work alike):
 * {@code POST <base>/session} with HTTP Basic answers {@code {"session_id": ...}}, later calls send
 * it as {@code x-dr-session}. A 401 means the gateway dropped the session (expired, appliance
 * restarted): one new login, then the request once more; a second 401 is a permanent AUTH failure.
 *
 * <p>Reads go through the SPI's {@link JsonHttpClient} (one per session, since its headers are
 * fixed), so GET failures are classified as for every REST vendor. The login is a POST, which that
 * client does not do, so it is sent here on the JDK client with the same TLS context and time-out,
 * and classified the same way. Not thread-safe: one poll at a time.
 */
final class DrSession {

    static final String SESSION_HEADER = "x-dr-session";
    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String baseText;
    private final UserPassword login;
    private final Duration timeout;
    private final SSLContext tls;
    private final HttpRemedies remedies;
    private final HttpClient http;
    private JsonHttpClient session;

    /**
     * @param base the gateway's API root, e.g. {@code https://vr-a/api/rest/vr/v2}
     * @param tls from {@code TlsContexts.create}; null for the JVM's default
     * @param remedies what to do after each kind of refusal, naming the block's keys; its
     *     {@code unauthorized} text must differ from the others (it tells a 401 from a 403)
     */
    DrSession(URI base, UserPassword login, Duration timeout, SSLContext tls, HttpRemedies remedies) {
        this.base = Objects.requireNonNull(base, "base");
        String text = base.toString();
        this.baseText = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.login = Objects.requireNonNull(login, "login");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.tls = tls;
        this.remedies = Objects.requireNonNull(remedies, "remedies");
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** GETs a path below the API root, or an absolute URL on its origin, logging in first when needed. */
    JsonNode get(String pathOrUrl) throws CollectorException {
        if (session == null) {
            session = login();
        }
        try {
            return session.get(pathOrUrl);
        } catch (CollectorException e) {
            if (!isUnauthorized(e)) {
                throw e;
            }
            session = login();
            try {
                return session.get(pathOrUrl);
            } catch (CollectorException again) {
                if (!isUnauthorized(again)) {
                    throw again;
                }
                session = null;
                throw CollectorException.permanent(CollectorErrorKind.AUTH,
                        again.getMessage() + ", also with a session just opened", remedies.unauthorized(), again);
            }
        }
    }

    /**
     * Every item of a listing in the gateways' wrapper {@code {"list": [...], "_meta": {"total",
     * "offset", "limit", "links": {"next": {"href"}}}}}: asks {@code ?limit=100&offset=0}, then
     * follows {@code _meta.links.next.href} when given, else the next offset until
     * {@code offset + list size >= total} (without a total: until a page is short). A bare JSON
     * array is taken as the whole listing.
     */
    List<JsonNode> list(String path) throws CollectorException {
        List<JsonNode> all = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        long offset = 0;
        String next = page(path, 0);
        for (int n = 0; next != null; n++) {
            if (n >= MAX_PAGES || !asked.add(next)) {
                throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "GET " + path + ": stopped paging, "
                        + (n >= MAX_PAGES ? "more than " + MAX_PAGES + " pages" : "the next page is one already read"), null);
            }
            JsonNode answer = get(next);
            JsonNode items = answer.isArray() ? answer : answer.get("list");
            if (items == null || !items.isArray()) {
                throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                        "GET " + next + " answered without a \"list\" of items", null);
            }
            items.forEach(all::add);
            if (answer.isArray() || items.isEmpty()) {
                return all;
            }
            offset += items.size();
            next = nextPage(path, answer.path("_meta"), offset, items.size());
        }
        return all;
    }

    private String nextPage(String path, JsonNode meta, long offset, int pageItems) {
        JsonNode href = meta.path("links").path("next").path("href");
        if (href.isTextual() && !href.asText().isBlank()) {
            String link = href.asText().trim();
            // A link is usually host-relative (/api/rest/vr/v2/...): resolve it on the API root's origin.
            return link.startsWith("http://") || link.startsWith("https://") ? link : base.resolve(link).toString();
        }
        JsonNode total = meta.get("total");
        if (total != null && total.canConvertToLong()) {
            return offset < total.asLong() ? page(path, offset) : null;
        }
        return pageItems < PAGE_SIZE ? null : page(path, offset);
    }

    private static String page(String path, long offset) {
        return path + (path.contains("?") ? "&" : "?") + "limit=" + PAGE_SIZE + "&offset=" + offset;
    }

    /** JsonHttpClient reports 401 and 403 alike as AUTH; only the remedy it attaches tells them apart. */
    private boolean isUnauthorized(CollectorException e) {
        return e.kind() == CollectorErrorKind.AUTH && remedies.unauthorized().equals(e.remedy());
    }

    private JsonHttpClient login() throws CollectorException {
        String credentials = login.username() + ":" + login.password().reveal();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseText + "/session")).timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        String what = "POST /session as " + login.username();
        HttpResponse<byte[]> response;
        String body;
        try {
            response = BoundedAnswers.send(http, request, BoundedAnswers.LOGIN_MAX_BYTES, null, timeout);
            body = new String(response.body(), StandardCharsets.UTF_8);
        } catch (AnswerTooLargeException e) {
            throw HttpFailures.tooLarge(what, e);
        } catch (IOException e) {
            throw ioFailure(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CollectorException.retriable(CollectorErrorKind.INTERNAL, what + " was interrupted", e);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw statusFailure(what, status, body);
        }
        String id = sessionId(body);
        if (id == null) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED, what + " answered HTTP " + status
                    + " without a session_id", null);
        }
        JsonHttpClient.Builder client = JsonHttpClient.builder(base).timeout(timeout).header(SESSION_HEADER, id)
                // Pages of PAGE_SIZE items: far below the default cap, which is therefore not a setting here.
                .maxResponseBytes(JsonHttpClient.DEFAULT_MAX_RESPONSE_BYTES, null)
                .remedies(remedies);
        if (tls != null) {
            client.sslContext(tls);
        }
        return client.build();
    }

    private static String sessionId(String body) {
        try {
            JsonNode id = JSON.readTree(body).get("session_id");
            return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private CollectorException statusFailure(String what, int status, String body) {
        String text = what + " answered HTTP " + status + errorText(body);
        if (status == 401 || status == 403) {
            return CollectorException.permanent(CollectorErrorKind.AUTH, what + " was refused with HTTP " + status
                    + errorText(body), status == 401 ? remedies.unauthorized() : remedies.forbidden(), null);
        }
        if (status == 404 || status == 501) {
            return new NotAvailableException("/session", status, text, remedies.wrongUrl());
        }
        if (status == 429) {
            return CollectorException.throttled(text, null);
        }
        if (status >= 500) {
            return CollectorException.retriable(CollectorErrorKind.HTTP_5XX, text, null);
        }
        return CollectorException.permanent(CollectorErrorKind.HTTP_4XX, text, remedies.wrongUrl(), null);
    }

    private CollectorException ioFailure(String what, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return CollectorException.permanent(CollectorErrorKind.TLS, what + ": TLS failed: " + t.getMessage(),
                        remedies.tls(), e);
            }
        }
        if (e instanceof HttpConnectTimeoutException) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, what + ": connect timed out", e);
        }
        if (e instanceof HttpTimeoutException) {
            return CollectorException.retriable(CollectorErrorKind.TIMEOUT, what + ": no answer in time", e);
        }
        String why = e instanceof ConnectException ? ": cannot connect: " : ": I/O error: ";
        return CollectorException.retriable(CollectorErrorKind.CONNECT, what + why + e, e);
    }

    /** The gateways' error body {@code {"error_code", "message", "op_id"}} in words; empty when there is none. */
    static String errorText(String body) {
        try {
            JsonNode root = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (root == null || !root.isObject()) {
                return "";
            }
            String message = root.path("message").asText("").trim();
            String code = root.path("error_code").asText("").trim();
            String op = root.path("op_id").asText("").trim();
            if (message.isEmpty() && code.isEmpty()) {
                return "";
            }
            String text = message.length() > 200 ? message.substring(0, 200) + "…" : message;
            String ids = (code.isEmpty() ? "" : "error_code " + code) + (!code.isEmpty() && !op.isEmpty() ? ", " : "")
                    + (op.isEmpty() ? "" : "op_id " + op);
            return ": " + text + (ids.isEmpty() ? "" : (text.isEmpty() ? "" : " ") + "(" + ids + ")");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
