package org.sitewatch.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running inside this
 * JVM, built from Kafka's own server classes.
 *
 * <p>Used as Sitewatch's all-in-one default when no bootstrap servers are configured, and by
 * integration tests. The data dir survives restarts: a new instance on the same dir reuses the
 * cluster id, topics, records, committed offsets and transaction state. It is formatted only the
 * first time. Clients connect to {@link #bootstrapServers()} over PLAINTEXT, or to the address of an
 * extra listener ({@link Builder#listener}, e.g. SASL_SSL for tests of a secured cluster).
 *
 * <p>Layout of the data dir: {@code kafka-logs/} (Kafka log dir and KRaft metadata log, with
 * {@code meta.properties}) and {@code sitewatch-broker.lock}, held while running.
 *
 * <p>Limits: one node, replication factor 1, loopback by default; the PLAINTEXT listener is always
 * there (between broker and itself, and for the readiness probe), so security on extra listeners is
 * for tests of clients, not a secured broker. An instance is
 * single-use: after {@link #close()} (or a failed {@link #start()}) build a new one to restart.
 * Like a standalone Kafka, the broker halts the JVM on fatal storage faults (e.g. its log dir
 * becomes unusable). No JVM shutdown hook is installed; the owner must call {@link #close()}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    static final String LOG_DIR_NAME = "kafka-logs";

    private enum State { NEW, RUNNING, CLOSED }

    private final Path dataDir;
    private final String host;
    private final int requestedPort;
    private final int requestedControllerPort;
    private final Optional<String> requestedClusterId;
    private final Map<String, String> overrides;
    private final Map<String, String> extraListeners;
    private final Duration startupTimeout;

    private final Object lifecycle = new Object();
    private State state = State.NEW;
    private KafkaRaftServer server;
    private DataDirLock lock;
    private volatile String bootstrapServers;
    private volatile String clusterId;
    private volatile Map<String, String> listenerAddresses = Map.of();

    private EmbeddedKafkaBroker(Builder builder) {
        this.dataDir = builder.dataDir;
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.requestedControllerPort = builder.controllerPort;
        this.requestedClusterId = Optional.ofNullable(builder.clusterId);
        this.overrides = Map.copyOf(builder.properties);
        this.extraListeners = Map.copyOf(builder.listeners);
        this.startupTimeout = builder.startupTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the data dir if needed, starts the broker and blocks until it answers clients.
     *
     * @throws IllegalStateException if already started or closed, if another broker holds the data
     *         dir, if the data dir belongs to another cluster than requested, or if the broker is not
     *         ready within the startup timeout (the broker is then shut down)
     */
    public EmbeddedKafkaBroker start() {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("EmbeddedKafkaBroker is single-use; it is already " + state);
            }
            state = State.CLOSED; // unless start succeeds below
            long startedAt = System.nanoTime();
            createDirectories(dataDir);
            lock = DataDirLock.acquire(dataDir);
            try {
                startLocked(startedAt);
            } catch (RuntimeException | Error e) {
                stopServer();
                lock.close();
                throw e;
            }
            state = State.RUNNING;
            return this;
        }
    }

    private void startLocked(long startedAt) {
        KraftStorage storage = new KraftStorage(dataDir.resolve(LOG_DIR_NAME));
        String id = storage.resolveClusterId(requestedClusterId);
        int[] free = FreePorts.pick(host, 2 + extraListeners.size());
        int port = requestedPort != 0 ? requestedPort : free[0];
        int controllerPort = requestedControllerPort != 0 ? requestedControllerPort : free[1];
        List<SingleNodeConfig.Listener> listeners = new ArrayList<>();
        Map<String, String> addresses = new LinkedHashMap<>();
        int next = 2;
        for (Map.Entry<String, String> extra : new TreeMap<>(extraListeners).entrySet()) {
            listeners.add(new SingleNodeConfig.Listener(extra.getKey(), extra.getValue(), free[next]));
            addresses.put(extra.getKey(), host + ":" + free[next++]);
        }
        Properties props = SingleNodeConfig.build(storage.logDir(), host, port, controllerPort, listeners, overrides);
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        boolean formatted = storage.isFormatted();
        if (!formatted) {
            storage.format(id, SingleNodeConfig.NODE_ID, SingleNodeConfig.CONTROLLER_LISTENER);
        }
        String servers = host + ":" + port;

        server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Kafka broker failed to start on " + servers
                    + " (controller port " + controllerPort + ", data dir " + dataDir + ")", e);
        }
        Duration remaining = startupTimeout.minusNanos(System.nanoTime() - startedAt);
        ReadinessProbe.awaitReady(servers, id, remaining.isNegative() ? Duration.ofSeconds(1) : remaining);
        bootstrapServers = servers;
        listenerAddresses = Map.copyOf(addresses);
        clusterId = id;
        log.info("Embedded Kafka broker ready at {} (cluster {}, data dir {}, {} in {} ms)", servers, id,
                dataDir, formatted ? "reused" : "formatted", Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
    }

    /** {@code host:port} of the client (PLAINTEXT) listener; set once {@link #start()} succeeded. */
    public String bootstrapServers() {
        requireStarted();
        return bootstrapServers;
    }

    /**
     * {@code host:port} of the extra listener {@code name} ({@link Builder#listener}); set once
     * {@link #start()} succeeded.
     */
    public String bootstrapServers(String listenerName) {
        requireStarted();
        String address = listenerAddresses.get(listenerName);
        if (address == null) {
            throw new IllegalArgumentException("no listener " + listenerName + " (extra listeners: "
                    + listenerAddresses.keySet() + ")");
        }
        return address;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The KRaft cluster id, as recorded in the data dir; set once {@link #start()} succeeded. */
    public String clusterId() {
        requireStarted();
        return clusterId;
    }

    /** Shuts the broker down cleanly and waits for it; releases the data dir. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (state != State.RUNNING) {
                state = State.CLOSED;
                return;
            }
            state = State.CLOSED;
            try {
                stopServer();
                log.info("Embedded Kafka broker at {} stopped", bootstrapServers);
            } finally {
                lock.close();
            }
        }
    }

    private void stopServer() {
        if (server == null) {
            return;
        }
        try {
            // Broker first (controlled shutdown against the still running controller), then controller.
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Error while shutting down the embedded Kafka broker", e);
        } finally {
            server = null;
        }
    }

    private void requireStarted() {
        if (clusterId == null) {
            throw new IllegalStateException("EmbeddedKafkaBroker has not been started");
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data dir " + dir, e);
        }
    }

    /** Configures an {@link EmbeddedKafkaBroker}; only {@link #dataDir(Path)} is required. */
    public static final class Builder {

        private Path dataDir;
        private String host = "127.0.0.1";
        private int port;
        private int controllerPort;
        private String clusterId;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> listeners = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Directory for all broker state; created if missing, reused if formatted before. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** Client listener port; 0 (default) picks a free port on each start. */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** Controller listener port; 0 (default) picks a free port on each start. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /** Address both listeners bind to and advertise; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Cluster id used when formatting a new data dir; must match the recorded one on an existing
         * dir. Default: the recorded one, or a new random id.
         */
        public Builder clusterId(String clusterId) {
            this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
            return this;
        }

        /**
         * An extra client listener {@code name} speaking {@code securityProtocol} ({@code SSL},
         * {@code SASL_SSL}, {@code SASL_PLAINTEXT}) on a free port of the host. Its TLS and SASL
         * settings are ordinary {@link #property properties} under {@code listener.name.<name in
         * lower case>.}, e.g. {@code listener.name.sasl_ssl.ssl.keystore.location}.
         */
        public Builder listener(String name, String securityProtocol) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(securityProtocol, "securityProtocol");
            if (!name.matches("[A-Z][A-Z0-9_]*") || name.equals(SingleNodeConfig.CLIENT_LISTENER)
                    || name.equals(SingleNodeConfig.CONTROLLER_LISTENER)) {
                throw new IllegalArgumentException("listener name '" + name + "': upper case letters, digits and _, "
                        + "not " + SingleNodeConfig.CLIENT_LISTENER + " or " + SingleNodeConfig.CONTROLLER_LISTENER);
            }
            listeners.put(name, securityProtocol);
            return this;
        }

        /** Overrides a broker property (e.g. {@code log.retention.hours}); listener/quorum/dir keys are fixed. */
        public Builder property(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (SingleNodeConfig.RESERVED_KEYS.contains(key)) {
                throw new IllegalArgumentException("Broker property '" + key
                        + "' is set by EmbeddedKafkaBroker and cannot be overridden");
            }
            properties.put(key, value);
            return this;
        }

        /** Upper bound for {@link EmbeddedKafkaBroker#start()}; default 60 s. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
            return this;
        }

        public EmbeddedKafkaBroker build() {
            if (dataDir == null) {
                throw new IllegalStateException("dataDir is required");
            }
            return new EmbeddedKafkaBroker(this);
        }

        /** Shortcut for {@code build().start()}. */
        public EmbeddedKafkaBroker start() {
            return build().start();
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            return port;
        }
    }
}
