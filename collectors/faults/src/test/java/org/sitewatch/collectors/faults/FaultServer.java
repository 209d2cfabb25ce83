package org.sitewatch.collectors.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.sitewatch.testsupport.TestCertificates;

/**
 * An HTTPS server on a loopback address that answers every request with one {@link VendorFault}
 * (or the fault a supplier picks per connection, for the soak), on raw sockets so it can trickle a
 * body, cut one short or hold a request unanswered. Each connection answers one request and closes.
 * Its threads are daemons and end with {@link #close()}, which also closes every open connection.
 */
final class FaultServer implements AutoCloseable {

    private static final byte[] MALFORMED = "}{<not a vendor answer".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWER_START = "{\"data\":[{\"id\":\"qemu/100\",\"name\":\"web-1\",".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final Supplier<VendorFault> faults;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-server-connection");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param bindAddress the loopback address to listen on (127.0.0.2 for a certificate that names only 127.0.0.1)
     * @param served the certificates whose server key and chain it presents
     */
    FaultServer(String bindAddress, TestCertificates served, Supplier<VendorFault> faults) {
        this.faults = faults;
        try {
            SSLServerSocket socket = (SSLServerSocket) tls(served).getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getByName(bindAddress));
            this.listener = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bindAddress, e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "fault-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The origin, e.g. {@code https://127.0.0.1:40123}. */
    String origin() {
        return "https://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
    }

    long requests() {
        return requests.get();
    }

    /** A port nothing listens on: bound, then released. */
    static int refusedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SSLContext tls(TestCertificates served) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(served.brokerKeystore())) {
                keys.load(in, served.password().toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, served.password().toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    continue; // one failed accept (a client that went away) is not the server's end
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            readRequest(in); // a TLS failure (the untrusted certificates) ends here, as it should
            requests.incrementAndGet();
            answer(faults.get(), in, socket.getOutputStream());
        } catch (IOException e) {
            // the client went away (a time-out, a cancelled read, a refused certificate): expected here
        } finally {
            open.remove(socket);
        }
    }

    private void answer(VendorFault fault, InputStream in, OutputStream out) throws IOException {
        switch (fault) {
            case TIME_OUT -> {
                while (!closed && in.read() >= 0) {
                    // held until the client gives up and closes
                }
            }
            case SLOW_DRIP -> {
                // Under every cap (so the size is no reason to stop): 2000 bytes, 200 s at this pace.
                head(out, "200 OK", "Content-Type: application/json\r\nContent-Length: 2000\r\n");
                for (int i = 0; i < 2000 && !closed; i++) {
                    out.write(' ');
                    out.flush();
                    pause(100);
                }
            }
            case HTTP_5XX -> full(out, "503 Service Unavailable", "", json("injected: the service is unavailable"));
            case HTTP_401 -> full(out, "401 Unauthorized", "", json("injected: credentials rejected"));
            case HTTP_403 -> full(out, "403 Forbidden", "", json("injected: access refused"));
            case HTTP_429 -> full(out, "429 Too Many Requests", "Retry-After: " + VendorFault.RETRY_AFTER_SECONDS + "\r\n",
                    throttled());
            case MALFORMED -> full(out, "200 OK", "", MALFORMED);
            case TRUNCATED -> {
                head(out, "200 OK", "Content-Type: application/json\r\nContent-Length: 4096\r\n");
                out.write(ANSWER_START);
                out.flush();
            }
            case OVER_CAP -> {
                head(out, "200 OK", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
                byte[] chunk = ("[" + "1,".repeat(1023) + "1]").getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 1024 && !closed; i++) { // 2 MiB: past the endpoint caps and the 1 MiB of login answers
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            default -> throw new IllegalStateException(fault + " is not played by answering");
        }
    }

    /** A 429 body every vendor reads its message from, shaped as a Kubernetes Status (which carries the wait too). */
    private static byte[] throttled() {
        return ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":429,"
                + "\"reason\":\"TooManyRequests\",\"message\":\"injected: too many requests\","
                + "\"details\":{\"retryAfterSeconds\":" + VendorFault.RETRY_AFTER_SECONDS + "}}").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] json(String message) {
        return ("{\"message\":\"" + message + "\",\"error\":{\"code\":\"Injected\",\"message\":\"" + message + "\"}}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void head(OutputStream out, String status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void full(OutputStream out, String status, String headers, byte[] body) throws IOException {
        head(out, status, headers + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
        out.write(body);
        out.flush();
    }

    /** Reads the request head and its Content-Length body, so closing never resets an unread request. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new SocketException("closed before the request ended");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 256 * 1024) {
                throw new IOException("request head too long");
            }
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        in.skipNBytes(Math.min(length, 16L * 1024 * 1024));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the fault itself: the pace of the trickle
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
        connections.shutdownNow();
    }
}
