package org.sitewatch.simulator.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.sitewatch.simulator.TrustingPem;

/** A plain JDK HTTP client of the simulated API server: GETs and watches read line by line. */
final class JdkKubeClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    JdkKubeClient(String base, Path caPem) throws Exception {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(TrustingPem.context(caPem)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path, String token) throws Exception {
        HttpResponse<String> r = get(path, token);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Opens a watch; its events arrive in {@link Watch#next()}. */
    Watch watch(String path, String token) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build();
        HttpResponse<Stream<String>> r = http.send(req, HttpResponse.BodyHandlers.ofLines());
        Watch w = new Watch(r.statusCode(), r.body());
        Thread reader = new Thread(w::read, "watch-reader");
        reader.setDaemon(true);
        reader.start();
        return w;
    }

    static final class Watch implements AutoCloseable {
        final int status;
        private final Stream<String> lines;
        private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        private volatile boolean ended;

        Watch(int status, Stream<String> lines) {
            this.status = status;
            this.lines = lines;
        }

        private void read() {
            try {
                lines.forEach(l -> {
                    try {
                        events.add(JSON.readTree(l));
                    } catch (Exception e) {
                        throw new IllegalStateException("not a JSON line: " + l, e);
                    }
                });
            } catch (RuntimeException closed) {
                // the stream was closed
            } finally {
                ended = true;
            }
        }

        /** The next event, waiting up to 5 s. */
        JsonNode next() throws InterruptedException {
            JsonNode e = events.poll(5, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no watch event within 5 s" + (ended ? " (the stream ended)" : ""));
            }
            return e;
        }

        /** The next event that is not a BOOKMARK. */
        JsonNode nextChange() throws InterruptedException {
            JsonNode e = next();
            while (e.path("type").asText().equals("BOOKMARK")) {
                e = next();
            }
            return e;
        }

        JsonNode poll(long millis) throws InterruptedException {
            return events.poll(millis, TimeUnit.MILLISECONDS);
        }

        boolean ended() {
            return ended;
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    @Override
    public void close() {
        // HttpClient has no close on Java 17; its threads are daemons.
    }
}
