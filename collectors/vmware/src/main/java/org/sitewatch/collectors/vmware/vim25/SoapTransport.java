package org.sitewatch.collectors.vmware.vim25;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.xml.stream.XMLStreamException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.AnswerTooLargeException;
import org.sitewatch.collectors.spi.http.BoundedAnswers;
import org.sitewatch.collectors.spi.http.HttpFailures;
import org.sitewatch.collectors.spi.http.HttpRemedies;
import org.sitewatch.events.CollectorErrorKind;

/**
 * POSTs SOAP envelopes to one vCenter's {@code /sdk} and keeps its session cookie
 * ({@code vmware_soap_session}). Every failure is a classified {@link CollectorException}: a SOAP
 * fault (vCenter answers them with HTTP 500) is a {@link VimFault}; 401/403 permanent AUTH; another
 * 4xx permanent (the URL is wrong); 5xx without a fault, connect failures and time-outs retriable;
 * TLS failures permanent, naming the CA file key; an answer that is not a SOAP envelope, or is
 * larger than the cap, retriable MALFORMED. Messages name the method, never a header or a body.
 */
final class SoapTransport {

    /** Reads a proxy's {@code Retry-After} (seconds or an HTTP date); only its clock is used. */
    private static final HttpFailures THROTTLE =
            new HttpFailures(HttpRemedies.generic("the vSphere endpoint's settings", "ca-file"), Clock.systemUTC());

    static final String SESSION_COOKIE = "vmware_soap_session";

    private final URI sdk;
    private final Duration timeout;
    private final long maxResponseBytes;
    private final String settingsBlock;
    private final HttpClient http;
    private volatile String sessionCookie;

    SoapTransport(URI sdk, Duration timeout, SSLContext sslContext, long maxResponseBytes, String settingsBlock) {
        this.sdk = sdk;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.settingsBlock = settingsBlock;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
    }

    /** Sends one call under {@code urn:vim25/<apiVersion>} and returns its response element. */
    DataObject post(SoapRequest request, String apiVersion) throws CollectorException {
        HttpRequest.Builder post = HttpRequest.newBuilder(sdk)
                .timeout(timeout.plus(request.serverWait()))
                .header("Content-Type", "text/xml; charset=\"utf-8\"")
                .header("SOAPAction", "urn:vim25/" + apiVersion)
                .POST(HttpRequest.BodyPublishers.ofString(request.xml(), StandardCharsets.UTF_8));
        String cookie = sessionCookie;
        if (cookie != null) {
            post.header("Cookie", cookie);
        }
        HttpResponse<byte[]> response;
        Duration wait = timeout.plus(request.serverWait());
        try {
            response = BoundedAnswers.send(http, post.build(), maxResponseBytes, settingsBlock + ".max-response-bytes", wait);
        } catch (AnswerTooLargeException e) {
            throw HttpFailures.tooLarge(request.method(), e);
        } catch (IOException e) {
            throw ioFailure(request.method(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CollectorException.retriable(CollectorErrorKind.TIMEOUT, request.method() + ": interrupted", e);
        }
        keepSessionCookie(response);
        return read(request.method(), response.statusCode(), response.body(), response.headers());
    }

    private DataObject read(String method, int status, byte[] body, HttpHeaders headers) throws CollectorException {
        if (status == 429) {
            // vCenter itself does not throttle, but a proxy or load balancer in front of it may.
            throw CollectorException.throttled(method + " answered HTTP 429", THROTTLE.retryAfter(
                    headers.firstValue("Retry-After").orElse(null)));
        }
        if (status == 401 || status == 403) {
            throw CollectorException.permanent(CollectorErrorKind.AUTH, method + " was refused with HTTP " + status,
                    "Check " + settingsBlock + ".login", null);
        }
        if (status >= 300 && status < 500) {
            throw CollectorException.permanent(CollectorErrorKind.HTTP_4XX, method + " answered HTTP " + status,
                    "Point " + settingsBlock + ".url at the vCenter (https://vcenter.example.org; /sdk is added)", null);
        }
        try {
            return SoapResponseReader.read(method, body);
        } catch (XMLStreamException e) {
            if (status >= 500) {
                throw CollectorException.retriable(CollectorErrorKind.HTTP_5XX, method + " answered HTTP " + status, e);
            }
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    method + ": the answer is not a SOAP envelope: " + e.getMessage(), e);
        }
    }

    private void keepSessionCookie(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0].trim();
            if (pair.startsWith(SESSION_COOKIE + "=")) {
                sessionCookie = pair;
            }
        }
    }

    /** Drops the session cookie: the next call is anonymous until a Login sets a new one. */
    void forgetSession() {
        sessionCookie = null;
    }

    private CollectorException ioFailure(String method, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return CollectorException.permanent(CollectorErrorKind.TLS, method + ": TLS failed: " + t.getMessage(),
                        "Set " + settingsBlock + ".ca-file to the CA that signed the vCenter certificate", e);
            }
        }
        // A connect time-out is also an HttpTimeoutException: only a request time-out is TIMEOUT.
        boolean answerTimedOut = e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException);
        CollectorErrorKind kind = answerTimedOut ? CollectorErrorKind.TIMEOUT : CollectorErrorKind.CONNECT;
        return CollectorException.retriable(kind, method + " to " + sdk + ": " + e, e);
    }
}
