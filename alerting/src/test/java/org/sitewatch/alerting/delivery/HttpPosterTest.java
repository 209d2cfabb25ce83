package org.sitewatch.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a receiver answers is read with a cap: an endless or huge answer costs at most
 * {@link HttpPoster#MAX_BODY} bytes and the time-out, never memory without bound or a stuck worker.
 */
class HttpPosterTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private static final long ENDLESS = 64L * 1024 * 1024;

    private final AtomicLong bytesWritten = new AtomicLong();
    private final CountDownLatch handlerDone = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }

    @Test
    void shouldKeepOnlyTheStartOfAHugeErrorAnswer() throws Exception {
        URI url = serve(exchange -> {
            exchange.sendResponseHeaders(500, 0);
            writeEndlessly(exchange, "overloaded ");
        });
        assertThatThrownBy(() -> new HttpPoster(Duration.ofSeconds(10)).post(url, "{}".getBytes(), Map.of()))
                .isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("HTTP 500 from http://127.0.0.1:")
                .hasMessageContaining("overloaded")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
        assertStoppedReadingEarly();
    }

    @Test
    void shouldAcceptA2xxWhateverItsBodyWithoutReadingItAll() throws Exception {
        URI url = serve(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            writeEndlessly(exchange, "ok ");
        });
        assertThat(new HttpPoster(Duration.ofSeconds(10)).post(url, "{}".getBytes(), Map.of())).isEqualTo(200);
        assertStoppedReadingEarly();
    }

    /** The sender hung up after the cap: the server's writing failed long before its 64 MiB. */
    private void assertStoppedReadingEarly() throws InterruptedException {
        assertThat(handlerDone.await(10, TimeUnit.SECONDS)).as("the server noticed the hang-up").isTrue();
        assertThat(bytesWritten.get()).isLessThan(ENDLESS);
    }

    @Test
    void shouldGiveUpOnAnAnswerThatDripsPastTheTimeout() throws Exception {
        URI url = serve(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (!release.await(200, TimeUnit.MILLISECONDS)) {
                out.write('.');
                out.flush();
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> new HttpPoster(Duration.ofSeconds(1)).post(url, "{}".getBytes(), Map.of()))
                        .isInstanceOf(DeliveryException.class)
                        .hasMessageContaining("within PT1S"));
    }

    private void writeEndlessly(HttpExchange exchange, String text) throws IOException, InterruptedException {
        byte[] chunk = new byte[64 * 1024];
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = t[i % t.length];
        }
        OutputStream out = exchange.getResponseBody();
        // Up to 64 MiB, or until the client hangs up (the write fails) or the test ends.
        while (bytesWritten.get() < ENDLESS && release.getCount() > 0) {
            out.write(chunk);
            bytesWritten.addAndGet(chunk.length);
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private URI serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.handle(exchange);
            } catch (IOException e) {
                // the client hung up: what a capped reader does
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                handlerDone.countDown();
            }
        });
        server.setExecutor(executor);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }
}
