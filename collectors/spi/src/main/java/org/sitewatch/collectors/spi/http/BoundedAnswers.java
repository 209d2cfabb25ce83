package org.sitewatch.collectors.spi.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one request and reads its whole answer, bounded in size and in time: the body is read up
 * to a limit and reading stops there (the exchange is cancelled, nothing past it is buffered), and
 * the whole exchange, headers and body, must end within a deadline. {@code java.net.http}'s own
 * request time-out only covers the headers, so without the deadline a body trickled a byte at a
 * time would hold the poll until its deadline, and one without end would never let go.
 *
 * <p>Every vendor transport built on {@code java.net.http} reads through here, so the limit and
 * the deadline mean the same everywhere. Failures are {@link IOException}s for the transport's
 * classifier: {@link AnswerTooLargeException}, or an {@link HttpTimeoutException} for the deadline.
 */
public final class BoundedAnswers {

    /** The default limit of an answer: room for a large inventory, bounded so a runaway answer cannot exhaust the heap. */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
    /** The fixed limit of a login or token answer: a few hundred bytes of JSON when it is what was asked for. */
    public static final long LOGIN_MAX_BYTES = 1024L * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private BoundedAnswers() {
    }

    /**
     * @param maxBytes the largest body read
     * @param limitKey the full key of the setting that raises {@code maxBytes}, named in the failure; null
     *     when the limit is fixed ({@link #LOGIN_MAX_BYTES})
     * @param deadline how long the whole exchange may take, from now
     * @throws AnswerTooLargeException when the body is (or says it is) longer than {@code maxBytes}
     * @throws HttpTimeoutException when the answer did not arrive in full within {@code deadline}
     * @throws IOException any other failure of the exchange, as {@code java.net.http} reports it
     * @throws InterruptedException when the calling thread was interrupted; the exchange is cancelled
     */
    public static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, long maxBytes, String limitKey,
                                            Duration deadline) throws IOException, InterruptedException {
        if (maxBytes < 1 || maxBytes > MAX_ARRAY) {
            throw new IllegalArgumentException(limitKey + " must be between 1 and " + MAX_ARRAY + " but was " + maxBytes);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange =
                http.sendAsync(request, info -> new CappedBody(info, maxBytes, limitKey));
        try {
            return exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("the answer did not arrive in full within " + deadline.toMillis()
                    + " ms (a stalled or trickling body)");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                // The JDK wraps a body subscriber's failure in an IOException of its own; ours is more telling.
                throw io.getCause() instanceof AnswerTooLargeException tooLarge ? tooLarge : io;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    /** Buffers the body up to the limit; past it, cancels the exchange and fails. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final long maxBytes;
        private final String limitKey;
        private final long declared;
        private Flow.Subscription subscription;
        private long received;

        CappedBody(HttpResponse.ResponseInfo info, long maxBytes, String limitKey) {
            this.maxBytes = maxBytes;
            this.limitKey = limitKey;
            this.declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > maxBytes) {
                s.cancel();
                result.completeExceptionally(new AnswerTooLargeException(declared, true, maxBytes, limitKey));
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : item) {
                received += b.remaining();
                if (received > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new AnswerTooLargeException(received, false, maxBytes, limitKey));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
