package org.sitewatch.alerting.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a JSON body with the JDK HTTP client and turns anything but a 2xx answer into a
 * {@link DeliveryException} carrying the status and the start of the answer; the URL is shown
 * without user info or query ({@link SafeUrls}), since both may hold a credential. One per target;
 * HTTP/1.1 (Alertmanager and typical webhook receivers speak it; no h2c upgrade dance).
 */
public final class HttpPoster {

    private static final int MAX_ERROR_BODY = 300;

    private final HttpClient client;
    private final Duration timeout;

    public HttpPoster(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Returns the 2xx status, or throws. */
    public int post(URI url, byte[] json, Map<String, String> headers) throws DeliveryException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(url);
        } catch (IllegalArgumentException e) {
            // The JDK quotes the whole URI in this message.
            throw new DeliveryException("cannot POST to " + SafeUrls.show(url) + ": " + SafeUrls.scrub(e.getMessage(), url));
        }
        request.timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "sitewatch-alerting")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 != 2) {
                // Scrubbed before it is cut, so a cut cannot leave part of a token behind.
                String body = response.body() == null ? "" : SafeUrls.scrub(response.body().strip(), url);
                throw new DeliveryException("HTTP " + status + " from " + SafeUrls.show(url)
                        + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), MAX_ERROR_BODY))));
            }
            return status;
        } catch (IOException e) {
            // Not the IOException as cause: its message, printed in a stack trace, may quote the URL.
            throw new DeliveryException("cannot POST to " + SafeUrls.show(url) + ": " + SafeUrls.scrub(describe(e), url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + SafeUrls.show(url), e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
