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
 * {@link DeliveryException} carrying the status and the start of the answer. One per target;
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
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "sitewatch-alerting")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 != 2) {
                String body = response.body() == null ? "" : response.body().strip();
                throw new DeliveryException("HTTP " + status + " from " + url
                        + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), MAX_ERROR_BODY))));
            }
            return status;
        } catch (IOException e) {
            throw new DeliveryException("cannot POST to " + url + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + url, e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
