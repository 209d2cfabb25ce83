package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;
import org.sitewatch.collectors.spi.http.AnswerTooLargeException;

/**
 * The size cap of the SPI's HTTP clients for fabric8, which reads answers with its own client: a
 * body consumer that counts what arrives and, past {@code max-response-bytes}, stops the body by
 * failing with {@link AnswerTooLargeException} (classified by {@link KubevirtFailures} as the other
 * collectors' over-cap answers are). A watch ({@code watch=true}) is a stream without end, read one
 * event at a time by fabric8, so it is not capped as a whole; every list page and other request is.
 */
final class AnswerCapInterceptor implements Interceptor {

    static final String NAME = "sitewatch-answer-cap";

    private final long maxBytes;
    private final String limitKey;

    AnswerCapInterceptor(long maxBytes, String limitKey) {
        this.maxBytes = maxBytes;
        this.limitKey = limitKey;
    }

    @Override
    public AsyncBody.Consumer<List<ByteBuffer>> consumer(AsyncBody.Consumer<List<ByteBuffer>> consumer, HttpRequest request) {
        String query = request.uri().getRawQuery();
        if (query != null && query.contains("watch=true")) {
            return consumer;
        }
        return new Capped(consumer);
    }

    private final class Capped implements AsyncBody.Consumer<List<ByteBuffer>> {
        private final AsyncBody.Consumer<List<ByteBuffer>> delegate;
        private long received;

        Capped(AsyncBody.Consumer<List<ByteBuffer>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void consume(List<ByteBuffer> buffers, AsyncBody body) throws Exception {
            for (ByteBuffer b : buffers) {
                received += b.remaining();
            }
            if (received > maxBytes) {
                // Thrown, not body.cancel(): fabric8 then ends the exchange with this failure (a cancel would
                // surface as a bare CancellationException and lose what happened).
                throw new AnswerTooLargeException(received, false, maxBytes, limitKey);
            }
            delegate.consume(buffers, body);
        }

        @Override
        public <U> U unwrap(Class<U> target) {
            return delegate.unwrap(target);
        }
    }
}
