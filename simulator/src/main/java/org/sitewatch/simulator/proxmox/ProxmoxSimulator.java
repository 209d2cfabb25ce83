package org.sitewatch.simulator.proxmox;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.sitewatch.simulator.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Proxmox VE API simulator serving every site of a {@link Scenario} from one HTTP(S) server, each
 * under {@code /{site}/api2/json}. The scenario timeline starts when the simulator is constructed
 * (at the clock's time then). A background thread calls {@link #tick()} every
 * {@code tickInterval}; each request also ticks first, so answers always reflect the clock's now.
 * With a {@link org.sitewatch.simulator.ManualClock} and no tick interval, tests drive time fully.
 * Plain JDK only (no framework), so it embeds anywhere.
 */
public final class ProxmoxSimulator implements AutoCloseable {

    static {
        // The JDK server otherwise waits for delayed ACKs: ~40 ms per request instead of ~1 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }


    private static final Logger LOG = LoggerFactory.getLogger(ProxmoxSimulator.class);

    private final Scenario scenario;
    private final ProxmoxEngine engine;
    private final Builder config;
    private final CountDownLatch closing = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService httpPool;
    private ScheduledExecutorService ticker;

    /** A simulator with the defaults: system UTC clock, 127.0.0.1, ephemeral port, plain HTTP. */
    public ProxmoxSimulator(Scenario scenario) {
        this(builder(scenario));
    }

    private ProxmoxSimulator(Builder b) {
        this.scenario = b.scenario;
        this.config = b;
        this.engine = new ProxmoxEngine(b.scenario, b.clock);
    }

    public static Builder builder(Scenario scenario) {
        return new Builder(scenario);
    }

    /** Binds the server and starts background ticking. */
    public synchronized ProxmoxSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            InetSocketAddress addr = new InetSocketAddress(config.bindAddress, config.port);
            if (config.keystore != null) {
                HttpsServer https = HttpsServer.create(addr, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(sslContext(config.keystore, config.keystorePassword)));
                server = https;
            } else {
                server = HttpServer.create(addr, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind simulator to " + config.bindAddress + ":" + config.port, e);
        }
        // Handlers may block (timeout fault), so they need their own threads.
        httpPool = Executors.newCachedThreadPool(daemonThreads("proxmox-sim-http"));
        server.setExecutor(httpPool);
        server.createContext("/", new ProxmoxApiHandler(engine, scenario.sites(), closing, config.faultHold));
        server.start();
        if (config.tickInterval != null && !config.tickInterval.isZero()) {
            ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("proxmox-sim-tick"));
            long ms = config.tickInterval.toMillis();
            ticker.scheduleAtFixedRate(this::safeTick, ms, ms, TimeUnit.MILLISECONDS);
        }
        LOG.info("Proxmox simulator listening on {} for sites {}", origin(), sites());
        return this;
    }

    /** The bound port. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** E.g. {@code http://127.0.0.1:41234/paris-dc1/api2/json}. */
    public String baseUrl(String site) {
        scenario.site(site);
        return origin() + "/" + site + "/api2/json";
    }

    private String origin() {
        String host = config.bindAddress;
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (config.keystore != null ? "https" : "http") + "://" + host + ":" + port();
    }

    /** Site names in scenario order. */
    public List<String> sites() {
        return engine.siteNames();
    }

    /** The site's full API token, {@code USER@REALM!TOKENID=SECRET}. */
    public String apiToken(String site) {
        return scenario.site(site).token();
    }

    /** The {@code Authorization} header value for the site: {@code PVEAPIToken=<token>}. */
    public String authorizationHeader(String site) {
        return "PVEAPIToken=" + apiToken(site);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Advances all sites to the clock's current time, applying due scenario steps. */
    public void tick() {
        engine.tick();
    }

    private void safeTick() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            LOG.error("simulator tick failed", e);
        }
    }

    @Override
    public synchronized void close() {
        closing.countDown();
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (server != null) {
            server.stop(0);
            httpPool.shutdownNow();
        }
    }

    private static SSLContext sslContext(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keystore " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Options for a {@link ProxmoxSimulator}; every option has a default. */
    public static final class Builder {
        private final Scenario scenario;
        private Clock clock = Clock.systemUTC();
        private String bindAddress = "127.0.0.1";
        private int port;
        private Path keystore;
        private char[] keystorePassword;
        private Duration tickInterval = Duration.ofMillis(250);
        private Duration faultHold = Duration.ofSeconds(60);

        private Builder(Scenario scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Default 127.0.0.1. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress);
            return this;
        }

        /** Default 0: an ephemeral port, see {@link ProxmoxSimulator#port()}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serve HTTPS with the key and certificate in a PKCS12 keystore. */
        public Builder tls(Path pkcs12Keystore, String password) {
            this.keystore = Objects.requireNonNull(pkcs12Keystore);
            this.keystorePassword = password == null ? new char[0] : password.toCharArray();
            return this;
        }

        /** Background tick period, default 250 ms; null or zero disables it (tests tick by hand). */
        public Builder tickInterval(Duration tickInterval) {
            this.tickInterval = tickInterval;
            return this;
        }

        /** How long the {@code timeout} fault holds a request before dropping it; default 60 s. */
        public Builder faultHold(Duration faultHold) {
            this.faultHold = Objects.requireNonNull(faultHold);
            return this;
        }

        public ProxmoxSimulator build() {
            return new ProxmoxSimulator(this);
        }
    }
}
