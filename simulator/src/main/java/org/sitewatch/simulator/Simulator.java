package org.sitewatch.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sitewatch.simulator.engine.Engine;
import org.sitewatch.simulator.front.VendorFront;
import org.sitewatch.simulator.front.VendorFronts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator: serves every cluster of a {@link Scenario} from one HTTP(S) server, each under
 * {@code /{cluster}} followed by its vendor front's API root (Proxmox: {@code /{cluster}/api2/json}).
 * The scenario timeline starts when the simulator is constructed (at the clock's time then). A
 * background thread ticks the engine every {@code tickInterval}; each request also ticks first, so
 * answers always reflect the clock's now. With a {@link ManualClock} and no tick interval, tests
 * drive time fully. Plain JDK only (no framework), so it embeds anywhere.
 *
 * <p>A cluster whose front is an {@link OwnHttpsListener} (an API whose clients build absolute
 * paths, such as Azure's token endpoint and ARM) gets an HTTPS listener of its own on another port,
 * serving its front from the root path with a certificate made at start; the other clusters are
 * served as above.
 */
public class Simulator implements AutoCloseable {

    static {
        // The JDK server otherwise waits for delayed ACKs: ~40 ms per request instead of ~1 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final Scenario scenario;
    private final Engine engine;
    private final Builder config;
    private final CountDownLatch closing = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService httpPool;
    private ScheduledExecutorService ticker;
    private final Map<String, HttpsServer> ownListeners = new LinkedHashMap<>();
    private SelfSignedCertificate certificate;
    /** Cluster → why its front cannot serve it in this process; decided at start. */
    private volatile Map<String, String> leftOut = Map.of();

    /**
     * A vendor front whose clusters each get an HTTPS listener of their own, serving the front from
     * the root path (its {@link VendorFront#apiRoot()} is then below that root).
     */
    public interface OwnHttpsListener {

        /**
         * The collector settings of {@code cluster}, replacing {@link VendorFront#collectorSettings(ClusterSpec,
         * String, List)}: as those, plus the PEM file of the listener's certificate for the collector to trust.
         */
        Map<String, String> collectorSettings(ClusterSpec cluster, String baseUrl, Path caCertificatePem);
    }

    protected Simulator(Builder b) {
        this.scenario = b.scenario;
        this.config = b;
        this.engine = new Engine(b.scenario, b.clock);
    }

    public static Builder builder(Scenario scenario) {
        return new Builder(scenario);
    }

    /** Binds the server and starts background ticking. */
    public synchronized Simulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            InetSocketAddress addr = new InetSocketAddress(config.bindAddress, config.port);
            if (config.keystore != null) {
                HttpsServer https = HttpsServer.create(addr, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.fromPkcs12(config.keystore,
                        config.keystorePassword)));
                server = https;
            } else {
                server = HttpServer.create(addr, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind simulator to " + config.bindAddress + ":" + config.port, e);
        }
        // Handlers may block (timeout fault), so they need their own threads.
        httpPool = Executors.newCachedThreadPool(daemonThreads("simulator-http"));
        server.setExecutor(httpPool);
        server.createContext("/", new ClusterDispatcher(scenario, engine, closing, config.faultHold));
        server.start();
        try {
            leftOut = unavailableClusters();
            afterTick();
            startOwnListeners();
            if (config.caCertificateOut != null) {
                certificate().writePem(config.caCertificateOut);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (config.tickInterval != null && !config.tickInterval.isZero()) {
            ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("simulator-tick"));
            long ms = config.tickInterval.toMillis();
            ticker.scheduleAtFixedRate(this::safeTick, ms, ms, TimeUnit.MILLISECONDS);
        }
        LOG.info("simulator listening on {} for clusters {} in sites {}", origin(), clusters(), scenario.sites());
        ownListeners.forEach((cluster, https) -> LOG.info("simulator cluster {} listening on https://{}:{}", cluster,
                host(), https.getAddress().getPort()));
        if (config.caCertificateOut != null) {
            LOG.info("simulator TLS certificate (SAN localhost, 127.0.0.1{}) written to {}",
                    certificate.extraDnsNames().stream().map(n -> ", " + n).reduce("", String::concat),
                    config.caCertificateOut.toAbsolutePath());
        }
        return this;
    }

    /**
     * The clusters whose front cannot serve them in this process (e.g. libvirt without its native
     * library), each with a warning saying what is left out and why: the engine still plays them, but
     * they get no endpoint and no after-tick work, so the rest of the estate runs.
     */
    private Map<String, String> unavailableClusters() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ClusterSpec c : scenario.clusters()) {
            VendorFronts.forPlatform(c.platform()).unavailableReason().ifPresent(reason -> {
                out.put(c.name(), reason);
                LOG.warn("simulator: leaving out {} cluster {} (site {}, {} guests): no collector endpoint is made "
                        + "for it and its guests are not shown to collectors, because {}", c.platform(), c.name(),
                        c.site(), c.vms().size(), reason);
            });
        }
        return Map.copyOf(out);
    }

    /**
     * The clusters left out because their front cannot serve them in this process, each with the
     * reason (what to install); empty when every cluster is served, and before {@link #start()}.
     */
    public Map<String, String> leftOutClusters() {
        return leftOut;
    }

    /**
     * Binds one HTTPS listener per own-listener cluster, in scenario order: on ephemeral ports when
     * the main port is ephemeral, else on the main port + 1, + 2, ... so a fixed deployment (the
     * compose stack) can name them in its collectors' configuration.
     */
    private void startOwnListeners() {
        int index = 0;
        for (ClusterSpec c : scenario.clusters()) {
            if (!(VendorFronts.forPlatform(c.platform()) instanceof OwnHttpsListener)) {
                continue;
            }
            index++;
            int port = config.port == 0 ? 0 : config.port + index;
            if (port > 65535) {
                throw new IllegalArgumentException("cannot give cluster " + c.name() + " its HTTPS listener: port "
                        + config.port + " + " + index + " is above 65535; choose a lower --port");
            }
            try {
                HttpsServer https = HttpsServer.create(new InetSocketAddress(config.bindAddress, port), 0);
                https.setHttpsConfigurator(new HttpsConfigurator(certificate().serverContext()));
                https.setExecutor(httpPool);
                https.createContext("/", ClusterDispatcher.forOneCluster(scenario, engine, closing, config.faultHold, c));
                https.start();
                ownListeners.put(c.name(), https);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind the HTTPS listener of cluster " + c.name() + " to "
                        + config.bindAddress + ":" + (port == 0 ? "an ephemeral port" : port + " (the main port "
                        + config.port + " + " + index + ")") + ": " + e.getMessage(), e);
            }
        }
    }

    private SelfSignedCertificate certificate() {
        if (certificate == null) {
            certificate = SelfSignedCertificate.shared(Set.copyOf(config.tlsHostNames));
        }
        return certificate;
    }

    /** The bound port. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** The cluster's API root, e.g. {@code http://127.0.0.1:41234/paris-dc1/api2/json}. */
    public String baseUrl(String cluster) {
        ClusterSpec c = scenario.cluster(cluster);
        String apiRoot = VendorFronts.forPlatform(c.platform()).apiRoot();
        HttpsServer own;
        synchronized (this) {
            own = ownListeners.get(cluster);
        }
        if (own != null) {
            return "https://" + host() + ":" + own.getAddress().getPort() + apiRoot;
        }
        return origin() + "/" + cluster + apiRoot;
    }

    private String origin() {
        return (config.keystore != null ? "https" : "http") + "://" + host() + ":" + port();
    }

    private String host() {
        String host = config.bindAddress;
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return host;
    }

    /**
     * The PEM of the certificate the {@link OwnHttpsListener} clusters serve with (what their
     * endpoints' {@code ca-file} names); empty when the simulator has made none.
     */
    public synchronized Optional<Path> ownListenerCertificate() {
        return Optional.ofNullable(certificate).map(SelfSignedCertificate::pem);
    }

    /** Cluster (endpoint) names in scenario order. */
    public List<String> clusters() {
        return engine.clusterNames();
    }

    /**
     * One collector endpoint per cluster, in scenario order, described from the scenario itself; a
     * cluster's {@code cloud} and {@code region} become the endpoint's location. A cluster whose
     * front is not {@link VendorFront#servedOverHttp() served over HTTP} has no url; a
     * {@link #leftOutClusters() left out} cluster has no endpoint.
     */
    public List<SimulatedEndpoint> endpoints() {
        List<SimulatedEndpoint> out = new ArrayList<>();
        for (ClusterSpec c : scenario.clusters()) {
            if (leftOut.containsKey(c.name())) {
                continue;
            }
            Map<String, String> nodeSites = new LinkedHashMap<>();
            c.nodes().stream().filter(n -> !n.site().equals(c.site())).forEach(n -> nodeSites.put(n.name(), n.site()));
            VendorFront front = VendorFronts.forPlatform(c.platform());
            String url = front.servedOverHttp() ? baseUrl(c.name()) : null;
            Map<String, String> settings = front instanceof OwnHttpsListener own
                    ? own.collectorSettings(c, url, certificate.pem())
                    : front.collectorSettings(c, url, scenario.clusters());
            out.add(SimulatedEndpoint.of(c, url, nodeSites, settings));
        }
        return out;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Advances all clusters to the clock's current time, applying due scenario steps. */
    public void tick() {
        engine.tick();
        afterTick();
    }

    /** Lets each cluster's front bring what it keeps outside the simulator up to the engine's state. */
    private void afterTick() {
        for (ClusterSpec c : scenario.clusters()) {
            if (leftOut.containsKey(c.name())) {
                continue;
            }
            VendorFront front = VendorFronts.forPlatform(c.platform());
            engine.read(c.name(), (state, now) -> {
                front.afterTick(state, now);
                return null;
            });
        }
    }

    private void safeTick() {
        try {
            engine.tick();
            afterTick();
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
            ownListeners.values().forEach(l -> l.stop(0));
            ownListeners.clear();
            httpPool.shutdownNow();
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

    /** Options for a {@link Simulator}; every option has a default. */
    public static final class Builder {
        private final Scenario scenario;
        private Clock clock = Clock.systemUTC();
        private String bindAddress = "127.0.0.1";
        private int port;
        private Path keystore;
        private char[] keystorePassword;
        private Duration tickInterval = Duration.ofMillis(250);
        private Duration faultHold = Duration.ofSeconds(60);
        private List<String> tlsHostNames = List.of();
        private Path caCertificateOut;

        Builder(Scenario scenario) {
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

        /**
         * Default 0: an ephemeral port, see {@link Simulator#port()}, and ephemeral ports for the
         * {@link OwnHttpsListener} clusters too. Any other port also fixes theirs: port + 1, port + 2,
         * ... in scenario order.
         */
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

        /**
         * DNS names the own HTTPS listeners' certificate holds besides localhost and 127.0.0.1, e.g.
         * the host name collectors in another container use; default none.
         *
         * @throws IllegalArgumentException naming a value that is not a DNS name
         */
        public Builder tlsHostNames(List<String> names) {
            names.forEach(SelfSignedCertificate::checkedDnsName);
            this.tlsHostNames = List.copyOf(names);
            return this;
        }

        /**
         * Writes the own HTTPS listeners' certificate as PEM to this file at start (parent
         * directories created), for collectors elsewhere to trust; the certificate is made even when
         * the scenario has no such cluster. Default: not written.
         */
        public Builder caCertificateOut(Path pemFile) {
            this.caCertificateOut = pemFile;
            return this;
        }

        public Simulator build() {
            return new Simulator(this);
        }
    }
}
