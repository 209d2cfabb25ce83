package org.sitewatch.collectors.citrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.BoundedAnswers;
import org.sitewatch.collectors.spi.http.HttpFailures;
import org.sitewatch.collectors.spi.http.HttpRemedies;
import org.sitewatch.collectors.spi.http.ntlm.NtlmMessages;
import org.sitewatch.events.CollectorErrorKind;

/**
 * The on-premises Monitor Service (IIS on a Delivery Controller) with an NTLMv2 login of a Windows
 * account (the SPI's {@code http.ntlm}). IIS authenticates the TCP connection, not the request: a
 * GET goes without a header first and is answered on a connection logged in before; a 401 starts
 * the NEGOTIATE / CHALLENGE / AUTHENTICATE exchange under the scheme the service offers
 * ({@code NTLM}, else {@code Negotiate}, whose package takes raw NTLM tokens), repeating the GET with
 * the AUTHENTICATE. The JDK client keeps the connection alive, so later GETs of a poll cost one
 * round trip.
 *
 * <p>The SPI's {@code JsonHttpClient} sends fixed headers and cannot run this exchange, so this
 * transport classifies its answers itself, the way the SPI's HTTP failures are classified: 401/403
 * permanent AUTH, 404/501 not available, 429 throttled with its {@code Retry-After}, 5xx retriable,
 * other 4xx permanent; connect failures and time-outs retriable, TLS permanent, an answer that is
 * not JSON or over the cap MALFORMED. Messages name the path, never the password.
 *
 * <p>Limits: no Kerberos; no channel binding (extended protection must be off for the Monitor
 * Service, or use its HTTPS listener without it); NTLM over plain HTTP exposes the NT response to
 * replay on that connection, so use HTTPS.
 */
final class NtlmTransport implements MonitorTransport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCHEMES = List.of("NTLM", "Negotiate");

    private final URI root;
    private final String rootText;
    private final String domain;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final long maxResponseBytes;
    private final String maxResponseKey;
    private final HttpRemedies remedies;
    private final HttpFailures failures;
    private final Clock clock;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    NtlmTransport(URI root, String domain, String user, String password, SSLContext tls, Duration timeout,
                  long maxResponseBytes, String maxResponseKey, HttpRemedies remedies, Clock clock) {
        this.root = root;
        this.rootText = root.toString().replaceAll("/+$", "");
        this.domain = domain;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.maxResponseKey = maxResponseKey;
        this.remedies = remedies;
        this.failures = new HttpFailures(remedies, clock);
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    @Override
    public synchronized JsonNode get(String pathOrUrl) throws CollectorException {
        URI uri = resolve(pathOrUrl);
        Answer first = send(pathOrUrl, uri, null);
        if (first.status() != 401) {
            return accept(pathOrUrl, first);
        }
        String scheme = SCHEMES.stream().filter(s -> offers(first.headers(), s)).findFirst().orElseThrow(() ->
                refused(pathOrUrl, "the service offers no NTLM login (it offers: "
                        + String.join(", ", first.headers().allValues("WWW-Authenticate")) + "); enable Windows "
                        + "Authentication with the NTLM or Negotiate provider on the Monitor Service's IIS site"));
        Answer offer = send(pathOrUrl, uri, scheme + " " + Base64.getEncoder().encodeToString(NtlmMessages.negotiate()));
        byte[] challengeBytes = offer.status() == 401 ? token(offer.headers(), scheme) : null;
        if (challengeBytes == null) {
            throw refused(pathOrUrl, "the service answered an NTLM NEGOTIATE with HTTP " + offer.status()
                    + " and no challenge");
        }
        NtlmMessages.Challenge challenge;
        try {
            challenge = NtlmMessages.readChallenge(challengeBytes);
        } catch (IllegalArgumentException e) {
            throw refused(pathOrUrl, "the service's NTLM challenge is unreadable: " + e.getMessage());
        }
        byte[] clientChallenge = new byte[8];
        random.nextBytes(clientChallenge);
        byte[] authenticate = NtlmMessages.authenticate(challenge, domain, user, password, "", clientChallenge,
                clock.instant());
        Answer answer = send(pathOrUrl, uri, scheme + " " + Base64.getEncoder().encodeToString(authenticate));
        if (answer.status() == 401) {
            throw refused(pathOrUrl, "the service rejected the NTLM login of " + domain + "\\" + user);
        }
        return accept(pathOrUrl, answer);
    }

    private record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    private Answer send(String path, URI uri, String authorization) throws CollectorException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            // Read whole (or cancelled at the cap, which ends the connection and its NTLM login with it).
            HttpResponse<byte[]> response = BoundedAnswers.send(http, request.build(), maxResponseBytes,
                    maxResponseKey, timeout);
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw failures.forIo(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CollectorException.retriable(CollectorErrorKind.INTERNAL, "GET " + path + " was interrupted", e);
        }
    }

    private JsonNode accept(String path, Answer answer) throws CollectorException {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            try {
                JsonNode root = JSON.readTree(answer.body());
                if (root == null || root.isMissingNode()) {
                    throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "GET " + path + " answered nothing",
                            null);
                }
                return root;
            } catch (JsonProcessingException e) {
                throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "GET " + path
                        + " answered something that is not JSON: " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "GET " + path + ": " + e, e);
            }
        }
        throw failures.forStatus(path, status, new String(answer.body(), StandardCharsets.UTF_8),
                answer.headers().firstValue("Retry-After").orElse(null));
    }

    private CollectorException refused(String path, String problem) {
        return CollectorException.permanent(CollectorErrorKind.AUTH, "GET " + path + ": " + problem,
                remedies.unauthorized(), null);
    }

    /** A path below the OData root, or a link the service sent: followed only to the root's own origin. */
    private URI resolve(String pathOrUrl) throws CollectorException {
        if (!pathOrUrl.startsWith("http://") && !pathOrUrl.startsWith("https://")) {
            return URI.create(rootText + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl);
        }
        URI uri = URI.create(pathOrUrl);
        if (!Objects.equals(uri.getScheme(), root.getScheme()) || !Objects.equals(uri.getHost(), root.getHost())
                || uri.getPort() != root.getPort()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "the Monitor Service sent a link to another "
                    + "host (" + uri.getHost() + "); not followed, the login would go there", null);
        }
        return uri;
    }

    private static boolean offers(HttpHeaders headers, String scheme) {
        return headers.allValues("WWW-Authenticate").stream().anyMatch(v -> v.trim().equalsIgnoreCase(scheme)
                || v.trim().regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1));
    }

    /** The token the service sent under {@code scheme}; null when it sent none or an unreadable one. */
    private static byte[] token(HttpHeaders headers, String scheme) {
        for (String offer : headers.allValues("WWW-Authenticate")) {
            String trimmed = offer.trim();
            if (trimmed.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
                try {
                    return Base64.getDecoder().decode(trimmed.substring(scheme.length() + 1).trim());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
