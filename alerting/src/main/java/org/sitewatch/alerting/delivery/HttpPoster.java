package org.sitewatch.alerting.delivery;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs a JSON body with the JDK HTTP client and turns anything but a 2xx answer into a
 * {@link DeliveryException} carrying the status and the start of the answer; the URL is shown
 * without user info or query ({@link SafeUrls}), since both may hold a credential. One per target;
 * HTTP/1.1 (Alertmanager and typical webhook receivers speak it; no h2c upgrade dance).
 *
 * <p>The answer is read with a cap: at most {@link #MAX_BODY} bytes are kept, then the rest is not
 * read (the connection is dropped), and the whole exchange, body included, must end within the
 * timeout, so a receiver that answers endlessly or drips its answer cannot hold the target's worker.
 */
public final class HttpPoster {

    /** Bytes of an answer kept; nothing of a 2xx answer is used, of an error only the start. */
    static final int MAX_BODY = 64 * 1024;
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
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(),
                info -> new CappedBody(MAX_BODY));
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status / 100 != 2) {
                String text = new String(response.body(), StandardCharsets.UTF_8);
                // Scrubbed before it is cut, so a cut cannot leave part of a token behind.
                String body = SafeUrls.scrub(text.strip(), url);
                throw new DeliveryException("HTTP " + status + " from " + SafeUrls.show(url)
                        + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), MAX_ERROR_BODY))));
            }
            return status;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new DeliveryException("no complete answer from " + SafeUrls.show(url) + " within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // Not the exception as cause: its message, printed in a stack trace, may quote the URL.
            throw new DeliveryException("cannot POST to " + SafeUrls.show(url) + ": " + SafeUrls.scrub(describe(cause), url));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + SafeUrls.show(url), e);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    /** Keeps the first {@code cap} bytes of an answer, then cancels the rest (the connection is closed). */
    static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int cap;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                int n = Math.min(b.remaining(), cap - kept.size());
                byte[] chunk = new byte[n];
                b.get(chunk);
                kept.write(chunk, 0, n);
            }
            if (kept.size() >= cap) {
                subscription.cancel();
                result.complete(kept.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toByteArray());
        }
    }
}
