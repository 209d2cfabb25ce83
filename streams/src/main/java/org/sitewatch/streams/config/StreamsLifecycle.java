package org.sitewatch.streams.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.sitewatch.streams.query.RestorationTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Creates, starts and closes Kafka Streams. It is created at start, not as a bean: its
 * {@code application.server} (the address other instances forward queries to) needs the web server's
 * actual port, known only once the web server started ({@link WebServerInitializedEvent}); Spring
 * starts the web server in an earlier lifecycle phase, so {@code server.port=0} works. Without a web
 * server and without {@code sitewatch.streams.advertised-port}, no address is advertised and the views
 * answer from this instance alone.
 *
 * <p>Static membership: the stream threads join with this instance's {@code group.instance.id}
 * ({@link StreamsInstanceId}: {@code sitewatch.streams.instance-id}, else the id kept in the state directory),
 * so a process restarted after a crash or a kill takes its own tasks back at once instead of waiting out
 * its dead predecessor's session ({@code sitewatch.streams.session-timeout}).
 *
 * <p>Closing is bounded by the close timeout and safe when never started. It leaves the consumer group
 * by default ({@code sitewatch.streams.leave-group-on-close}; a static member is removed from the group
 * by Kafka Streams' admin client), so other instances take the partitions over at once instead of after
 * the session timeout during which those keys answer 503. The uncaught-exception handler keeps what
 * made the client shut itself down ({@link #failure()}) for the health indicator. Topics must exist before
 * start: the launcher creates them; a missing source topic makes Kafka Streams stop with an error,
 * which the views then report (503).
 *
 * <p>When nobody chose the internal topics' replication factor, {@link #start()} counts the brokers
 * first and sizes it min(3, brokers) ({@link StreamsConfigFactory#withReplicationDefaults}).
 */
public final class StreamsLifecycle implements SmartLifecycle, DisposableBean, Supplier<KafkaStreams>,
        ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StreamsLifecycle.class);
    private static final Duration BROKER_COUNT_TIMEOUT = Duration.ofSeconds(60);

    private final Topology topology;
    private final Properties properties;
    private final StreamsProperties settings;
    private final RestorationTracker restoration;
    private final MeterRegistry registry;
    private volatile Integer webPort;
    private volatile KafkaStreams streams;
    private volatile HostInfo advertised;
    private volatile boolean running;
    private volatile boolean started;
    private volatile Throwable failure;
    private volatile String instanceId;
    private KafkaStreamsMetrics metrics;
    private boolean closed;

    /** @param registry where Kafka Streams client metrics are bound; null: not bound */
    public StreamsLifecycle(Topology topology, Properties properties, StreamsProperties settings,
                            RestorationTracker restoration, MeterRegistry registry) {
        this.topology = topology;
        this.properties = properties;
        this.settings = settings;
        this.restoration = restoration;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // Only the main server: a separate management server has its own namespace.
        if (event.getApplicationContext().getServerNamespace() == null) {
            webPort = event.getWebServer().getPort();
        }
    }

    /** Creates Kafka Streams without starting it (idempotent). */
    public synchronized KafkaStreams create() {
        if (streams != null) {
            return streams;
        }
        Properties props = new Properties();
        props.putAll(properties);
        Integer port = settings.advertisedPort() != null ? settings.advertisedPort() : webPort;
        if (port != null && port > 0) {
            advertised = new HostInfo(settings.advertisedHost(), port);
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
        }
        if (settings.staticMembership()) {
            instanceId = StreamsInstanceId.resolve(settings.instanceId(), settings.stateDir());
            StreamsConfigFactory.withInstanceId(props, instanceId);
        }
        KafkaStreams ks = new KafkaStreams(topology, props);
        ks.setStateListener((next, previous) -> log.info("Kafka Streams {} -> {}", previous, next));
        ks.setGlobalStateRestoreListener(restoration);
        ks.setUncaughtExceptionHandler(e -> {
            // Not a bad record nor a record whose processing threw (those go to the DLQ): an unreadable store,
            // an unwritable DLQ, a broken transaction. Stop visibly, the views answer 503.
            log.error("Kafka Streams failed; shutting the streams client down", e);
            failure = e;
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        if (registry != null) {
            metrics = new KafkaStreamsMetrics(ks);
            metrics.bindTo(registry);
        }
        streams = ks;
        return ks;
    }

    @Override
    public void start() {
        if (streams == null && StreamsConfigFactory.needsBrokerCount(properties)) {
            // Only a started Kafka Streams creates internal topics, so only here are the brokers counted.
            StreamsConfigFactory.withReplicationDefaults(properties, BrokerCount.of(properties, BROKER_COUNT_TIMEOUT));
            log.info("internal topics: replication factor {}, min.insync.replicas {}",
                    properties.get(StreamsConfig.REPLICATION_FACTOR_CONFIG),
                    properties.get(StreamsConfigFactory.INTERNAL_TOPICS_MIN_INSYNC_REPLICAS));
        }
        create().start();
        started = true;
        running = true;
        log.info("Kafka Streams started{}{}", advertised == null ? " (no address advertised: single instance)"
                : ", queries from other instances reach it at " + advertised.host() + ":" + advertised.port(),
                instanceId == null ? "; dynamic group membership" : "; static group membership as " + instanceId);
    }

    /** The instance, or null before {@link #create()}. */
    @Override
    public KafkaStreams get() {
        return streams;
    }

    /** Whether {@link #start()} ran: a NOT_RUNNING client after it is one that stopped. */
    public boolean started() {
        return started;
    }

    /** What made Kafka Streams shut itself down (its uncaught exception), null while nothing did. */
    public Throwable failure() {
        return failure;
    }

    /** This instance's {@code group.instance.id} (without Streams' thread suffix), null for dynamic membership. */
    public String instanceId() {
        return instanceId;
    }

    /** The address other instances reach this one at, or null when none is advertised. */
    public HostInfo advertised() {
        return advertised;
    }

    @Override
    public void stop() {
        close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.autoStartup();
    }

    @Override
    public void destroy() {
        close();
    }

    private synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Meters first: Micrometer polls RocksDB gauges on its own thread, and reading a store that Kafka
        // Streams is closing crashed the JVM in native code (seen closing while a rebalance was running).
        if (metrics != null) {
            metrics.close();
        }
        // Leaving the group lets the other instances take over at once, not after the session timeout. A static member
        // leaves through an admin request that waits for the broker: only a started client has a membership to end.
        KafkaStreams.CloseOptions options = new KafkaStreams.CloseOptions().timeout(settings.closeTimeout())
                .leaveGroup(settings.leaveGroupOnClose() && started);
        if (streams != null && !streams.close(options)) {
            log.warn("Kafka Streams did not close within {}; exiting anyway", settings.closeTimeout());
        }
    }
}
