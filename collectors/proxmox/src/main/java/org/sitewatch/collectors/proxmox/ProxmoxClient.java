package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import javax.net.ssl.SSLException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.TlsContexts;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Reads the Proxmox VE REST API with an API token ({@code Authorization: PVEAPIToken=USER@REALM!TOKENID=SECRET},
 * no CSRF token needed for reads) and unwraps PVE's {@code {"data": ...}} envelope. Every failure
 * is a classified {@link CollectorException}: I/O, time-outs, 5xx and malformed answers are
 * retriable; a rejected token (401/403), a TLS failure and other 4xx answers are permanent.
 *
 * <p>Limits: GET only; no ticket (password) login; answers are read fully into memory.
 */
final class ProxmoxClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 200;

    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    ProxmoxClient(EndpointConfig endpoint) throws CollectorException {
        String url = endpoint.url().toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.authorization = "PVEAPIToken=" + endpoint.apiToken().trim();
        this.timeout = endpoint.timeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(TlsContexts.forEndpoint(endpoint))
                .build();
    }

    /**
     * GETs a path below the API root (e.g. {@code /cluster/status}) and returns its {@code data}.
     *
     * @throws CollectorException classified; its message names the path and never the token
     */
    JsonNode get(String path) throws CollectorException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw classify(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Only the runtime interrupts (poll deadline or stop) and reports that itself; the
            // kind just has to end the poll rather than look like one slow node.
            throw CollectorException.retriable(CollectorErrorKind.INTERNAL, "GET " + path + " was interrupted", e);
        }
        return unwrap(path, response.statusCode(), response.body());
    }

    static JsonNode unwrap(String path, int status, String body) throws CollectorException {
        if (status == 401 || status == 403) {
            throw CollectorException.permanent(CollectorErrorKind.AUTH,
                    "GET " + path + " was refused with HTTP " + status + message(body),
                    status == 401
                            ? "Check api-token: it must be USER@REALM!TOKENID=SECRET of an existing, unexpired token."
                            : "Give the token the PVEAuditor role on / (Sys.Audit, VM.Audit); with privilege "
                            + "separation the token itself needs the role, not only its user.", null);
        }
        if (status >= 500) {
            throw CollectorException.retriable(CollectorErrorKind.HTTP_5XX,
                    "GET " + path + " answered HTTP " + status + message(body), null);
        }
        if (status < 200 || status >= 300) {
            throw CollectorException.permanent(CollectorErrorKind.HTTP_4XX,
                    "GET " + path + " answered HTTP " + status + message(body),
                    "Check url: it must be the API root, e.g. https://pve1:8006/api2/json.", null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    "GET " + path + " answered something that is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || data.isNull()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    "GET " + path + " answered without the \"data\" envelope", null);
        }
        return data;
    }

    private static CollectorException classify(String path, IOException e) {
        String what = "GET " + path + ": ";
        if (e instanceof HttpConnectTimeoutException) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, what + "connect timed out", e);
        }
        if (e instanceof HttpTimeoutException) {
            return CollectorException.retriable(CollectorErrorKind.TIMEOUT, what + "no answer in time", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return CollectorException.permanent(CollectorErrorKind.TLS, what + "TLS failed: " + t.getMessage(),
                        "Set ca-file to the PEM of the CA that signed the endpoint's certificate (Proxmox VE: "
                                + "/etc/pve/pve-root-ca.pem); the host name in url must match the certificate.", e);
            }
        }
        if (e instanceof ConnectException) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, what + "cannot connect: " + e, e);
        }
        return CollectorException.retriable(CollectorErrorKind.CONNECT, what + "I/O error: " + e, e);
    }

    /** PVE's error text from the body's {@code message} (json format), if any, shortened. */
    private static String message(String body) {
        try {
            JsonNode root = body == null || body.isBlank() ? null : JSON.readTree(body);
            JsonNode message = root == null ? null : root.get("message");
            if (message == null || !message.isTextual() || message.asText().isBlank()) {
                return "";
            }
            String text = message.asText().trim();
            return ": " + (text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text);
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
