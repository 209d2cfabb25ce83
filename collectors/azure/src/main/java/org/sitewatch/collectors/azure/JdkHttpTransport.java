package org.sitewatch.collectors.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.spi.http.AnswerTooLargeException;
import org.sitewatch.collectors.spi.http.BoundedAnswers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK's HTTP transport over the JDK's {@link java.net.http.HttpClient}, so the SDK (token
 * requests of azure-identity and ARM calls alike) runs without Netty and with the endpoint's own
 * TLS context. {@code azure-core-http-jdk-httpclient} would do this, but it does not resolve from
 * the repository this project builds with; this is the small part of it the collector needs.
 *
 * <p>Answers are read through {@link BoundedAnswers}: whole within the time-out, and only up to
 * {@code max-response-bytes}; past it the read stops and the failure ({@link AnswerTooLargeException},
 * classified by {@link ArmFailures}) names the key. Limits: answers are buffered whole; no proxy support.
 */
final class JdkHttpTransport implements HttpClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final java.net.http.HttpClient client;
    private final Duration timeout;
    private final long maxResponseBytes;
    private final String maxResponseKey;

    JdkHttpTransport(SSLContext tls, Duration timeout, long maxResponseBytes, String maxResponseKey) {
        this.client = java.net.http.HttpClient.newBuilder().sslContext(tls).connectTimeout(timeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.maxResponseKey = maxResponseKey;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> sendSync(request, Context.NONE));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        java.net.http.HttpRequest.Builder builder;
        try {
            builder = java.net.http.HttpRequest.newBuilder(request.getUrl().toURI()).timeout(timeout);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: " + request.getUrl(), e);
        }
        for (HttpHeader header : request.getHeaders()) {
            if (!RESTRICTED.contains(header.getName().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValuesList()) {
                    builder.header(header.getName(), value);
                }
            }
        }
        BinaryData body = request.getBodyAsBinaryData();
        builder.method(request.getHttpMethod().name(), body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toBytes()));
        try {
            java.net.http.HttpResponse<byte[]> answer =
                    BoundedAnswers.send(client, builder.build(), maxResponseBytes, maxResponseKey, timeout);
            HttpHeaders headers = new HttpHeaders();
            answer.headers().map().forEach((name, values) -> headers.set(name, values));
            return new BufferedResponse(request, answer.statusCode(), headers, answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while calling " + request.getUrl()));
        }
    }

    /** A response whose body has been read whole. */
    private static final class BufferedResponse extends HttpResponse {
        private final int status;
        private final HttpHeaders headers;
        private final byte[] body;

        BufferedResponse(HttpRequest request, int status, HttpHeaders headers, byte[] body) {
            super(request);
            this.status = status;
            this.headers = headers;
            this.body = body == null ? new byte[0] : body;
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        @SuppressWarnings("deprecation")
        public String getHeaderValue(String name) {
            return headers.getValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.defer(() -> Flux.just(ByteBuffer.wrap(body)));
        }

        @Override
        public BinaryData getBodyAsBinaryData() {
            return BinaryData.fromBytes(body);
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return getBodyAsString(StandardCharsets.UTF_8);
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }

        @Override
        public HttpResponse buffer() {
            return this;
        }
    }
}
