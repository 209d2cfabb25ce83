package org.sitewatch.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.broker.EmbeddedKafkaBroker;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default in one process: a real KRaft broker (unless an external Kafka is given), the
 * topics, the simulator with one collector endpoint per simulated cluster (as the scenario describes it,
 * node-sites of stretched clusters and a cloud cluster's location included), and the Spring app
 * with collectors and the streams app. Closing it stops the parts in reverse order.
 *
 * <p>Used by {@code sitewatch run} and by the end-to-end tests, so the tests exercise what users run.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final String ADMIN_TOKEN_FILE = "sitewatch.security.admin-token-file";

    private final ShutdownOrder parts = new ShutdownOrder();
    private final Settings settings;
    private EmbeddedKafkaBroker broker;
    private Simulator simulator;
    private ConfigurableApplicationContext context;
    private String bootstrapServers;
    private AdminTokenFile adminToken;

    /**
     * What to start and where.
     *
     * @param dataDir broker data and streams state live below it; reused by the next start
     * @param externalBootstrapServers when set, nothing is embedded and this Kafka is used
     * @param kafkaPort port of the embedded broker (0 = any free port)
     * @param httpPort port of the web server (0 = any free port)
     * @param simulatorPort port of the Proxmox simulator (0 = any free port)
     * @param scenario what the simulator plays
     * @param pollInterval how often the collectors poll the simulated sites
     * @param extraProperties any further Spring properties
     */
    public record Settings(Path dataDir, String externalBootstrapServers, int kafkaPort, int httpPort,
                           int simulatorPort, Scenario scenario, Duration pollInterval,
                           Map<String, String> extraProperties) {
    }

    public EmbeddedStack(Settings settings) {
        this.settings = settings;
    }

    public EmbeddedStack start() {
        try {
            createDataDir();
            // The data folder's admin token, unless the caller names its own admin token file.
            if (!settings.extraProperties().containsKey(ADMIN_TOKEN_FILE)) {
                adminToken = AdminTokenFile.ensure(settings.dataDir());
            }
            bootstrapServers = settings.externalBootstrapServers();
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                broker = EmbeddedKafkaBroker.builder()
                        .dataDir(settings.dataDir().resolve("kafka"))
                        .port(settings.kafkaPort())
                        .start();
                parts.started(broker);
                bootstrapServers = broker.bootstrapServers();
            }
            // The same sitewatch.kafka.* the application's clients get (extra properties, environment).
            KafkaTopics.provision(KafkaSettingsResolver.resolve(settings.extraProperties(), null)
                    .withBootstrapServers(bootstrapServers), Duration.ofSeconds(60));
            simulator = Simulator.builder(settings.scenario())
                    .clock(Clock.systemUTC())
                    .bindAddress("127.0.0.1")
                    .port(settings.simulatorPort())
                    .build()
                    .start();
            parts.started(simulator);
            context = SpringLauncher.start(springProperties(), List.of());
            parts.started(context);
            return this;
        } catch (RuntimeException | Error e) {
            parts.closeAll();
            throw e;
        }
    }

    private void createDataDir() {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the data folder " + settings.dataDir(), e);
        }
    }

    private Map<String, String> springProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sitewatch.kafka.bootstrap-servers", bootstrapServers);
        props.put("sitewatch.streams.state-dir", settings.dataDir().resolve("streams").toString());
        props.put("server.port", Integer.toString(settings.httpPort()));
        // This machine only, unless told otherwise (sitewatch run --bind, or server.address in the extra properties).
        props.put("server.address", "127.0.0.1");
        if (adminToken != null) {
            props.put(ADMIN_TOKEN_FILE, adminToken.file().toString());
        }
        // Simulated sites recover within seconds; back off less than against a real vendor.
        props.put("sitewatch.collectors.retry.max-backoff", "20s");
        props.put("sitewatch.collectors.retry.permanent-interval", "30s");
        props.putAll(SimulatedEndpointProperties.of(simulator.endpoints(), settings.pollInterval()));
        props.putAll(settings.extraProperties());
        return props;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The data folder's admin token (made on the first start), or null when the caller named its own file. */
    public AdminTokenFile adminToken() {
        return adminToken;
    }

    public Simulator simulator() {
        return simulator;
    }

    /** The port the web server listens on (useful when 0 was asked). */
    public int httpPort() {
        String port = context.getEnvironment().getProperty("local.server.port");
        return port == null ? settings.httpPort() : Integer.parseInt(port);
    }

    /** A bean of the running Spring application (tests look at what the app was configured with). */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean embeddedBroker() {
        return broker != null;
    }

    /** Prints site health changes to {@code out} until the stack is closed. */
    public void printHealthChanges(java.io.PrintStream out) {
        parts.started(new HealthChangePrinter(context.getBean(org.sitewatch.streams.query.SiteQueryService.class), out).start());
    }

    /** Blocks until Ctrl-C or SIGTERM, then closes everything in order. */
    public void awaitShutdown() {
        parts.awaitShutdownHook();
    }

    @Override
    public void close() {
        parts.closeAll();
    }
}
