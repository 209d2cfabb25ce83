package org.sitewatch.collectors.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.AnswerTooLargeException;
import org.sitewatch.collectors.spi.http.BoundedAnswers;
import org.sitewatch.collectors.spi.http.HttpFailures;
import org.sitewatch.collectors.spi.http.HttpRemedies;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.events.CollectorErrorKind;

/**
 * The engine's SSO login: {@code POST <engine>/sso/oauth/token} with the password grant and the
 * mandatory {@code scope=ovirt-app-api}, answered with {@code access_token}. The SPI's HTTP client
 * only GETs, so this one POST is made here, with the same time-out and TLS context and failures
 * classified the same way: a refused login (400/401/403 with the SSO's {@code error}) is a
 * permanent AUTH failure, 5xx, time-outs and connect failures retriable, an answer without a token
 * MALFORMED. Messages never carry the password or the token.
 */
final class OvirtSso {

    static final String TOKEN_PATH = "/sso/oauth/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenUri;
    private final UserPassword login;
    private final Duration timeout;
    private final HttpClient http;
    private final String block;

    OvirtSso(URI engineRoot, UserPassword login, Duration timeout, SSLContext tls, String block) {
        this.tokenUri = URI.create(engineRoot + TOKEN_PATH);
        this.login = login;
        this.timeout = timeout;
        this.block = block;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** A new access token; oVirt's tokens cannot be refreshed, so each expiry means a new login. */
    String login() throws CollectorException {
        String form = "grant_type=password&scope=ovirt-app-api&username=" + encode(login.username()) + "&password="
                + encode(login.password().reveal());
        HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> response;
        try {
            response = BoundedAnswers.send(http, request, BoundedAnswers.LOGIN_MAX_BYTES, null, timeout);
        } catch (AnswerTooLargeException e) {
            throw HttpFailures.tooLarge(what(), e);
        } catch (IOException e) {
            throw forIo(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CollectorException.retriable(CollectorErrorKind.INTERNAL, what() + " was interrupted", e);
        }
        JsonNode answer = parse(new String(response.body(), StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403) {
            throw CollectorException.permanent(CollectorErrorKind.AUTH, what() + " refused the login of "
                    + login.username() + " with HTTP " + status + errorText(answer),
                    "Check " + block + ".login: username as user@domain (e.g. admin@internal) and its password ("
                            + login.password().origin() + ")", null);
        }
        if (status == 429) {
            throw CollectorException.throttled(what() + " answered HTTP 429" + errorText(answer), new HttpFailures(
                    HttpRemedies.generic(block, "ca-file"), Clock.systemUTC())
                    .retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status >= 500) {
            throw CollectorException.retriable(CollectorErrorKind.HTTP_5XX, what() + " answered HTTP " + status
                    + errorText(answer), null);
        }
        if (status < 200 || status >= 300) {
            throw CollectorException.permanent(CollectorErrorKind.HTTP_4XX, what() + " answered HTTP " + status
                    + errorText(answer), "Check " + block + ".url: it must be the engine's address", null);
        }
        JsonNode token = answer == null ? null : answer.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED, what() + " answered without an access_token"
                    + errorText(answer), null);
        }
        return token.asText();
    }

    private String what() {
        return "POST " + tokenUri.getPath();
    }

    private CollectorException forIo(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return CollectorException.permanent(CollectorErrorKind.TLS, what() + ": TLS failed: " + t.getMessage(),
                        "Set " + block + ".ca-file to the PEM of the engine's CA (/etc/pki/ovirt-engine/ca.pem on the "
                                + "engine); the host name in the URL must match the certificate", e);
            }
        }
        if (e instanceof HttpConnectTimeoutException) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, what() + ": connect timed out", e);
        }
        if (e instanceof HttpTimeoutException) {
            return CollectorException.retriable(CollectorErrorKind.TIMEOUT, what() + ": no answer in time", e);
        }
        String kind = e instanceof ConnectException ? "cannot connect: " : "I/O error: ";
        return CollectorException.retriable(CollectorErrorKind.CONNECT, what() + ": " + kind + e, e);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The SSO's {@code error} and {@code error_description}, when it sent them. */
    private static String errorText(JsonNode answer) {
        if (answer == null || !answer.has("error")) {
            return "";
        }
        String description = answer.path("error_description").asText("");
        return ": " + answer.get("error").asText() + (description.isBlank() ? "" : " (" + description + ")");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
