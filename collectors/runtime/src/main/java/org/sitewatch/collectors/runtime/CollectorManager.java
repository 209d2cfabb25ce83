package org.sitewatch.collectors.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts one {@link EndpointRunner} per configured endpoint and stops them cleanly, then flushes
 * and closes the {@link EventSink}. It checks the whole configuration up front (unique ids, a
 * registered plug-in per platform, each plug-in's own checks) and refuses to be built with a
 * readable list of every problem, so a bad configuration fails start-up instead of a collector.
 *
 * <p>As a {@link SmartLifecycle} in the default phase it starts after, and stops before, the other
 * beans; it can also be driven by hand ({@link #start()} / {@link #stop()}).
 */
public final class CollectorManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CollectorManager.class);

    private final List<EndpointConfig> endpoints;
    private final CollectorRegistry registry;
    private final EventSink sink;
    private final MeterRegistry meters;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Supplier<Checkpoints> checkpoints;
    private final RuntimeSettings settings;
    private List<EndpointRunner> runners = List.of();
    private volatile boolean running;
    private boolean stopped;

    /** Checkpoints read back from the sink ({@link EventSink#loadCheckpoints()}), default runtime settings. */
    public CollectorManager(List<EndpointConfig> endpoints, CollectorRegistry registry, EventSink sink,
                            MeterRegistry meters, Clock clock, RetryPolicy retry) {
        this(endpoints, registry, sink, meters, clock, retry, RuntimeSettings.DEFAULT);
    }

    public CollectorManager(List<EndpointConfig> endpoints, CollectorRegistry registry, EventSink sink,
                            MeterRegistry meters, Clock clock, RetryPolicy retry, RuntimeSettings settings) {
        this(endpoints, registry, sink, meters, clock, retry, sink::loadCheckpoints, settings);
    }

    /**
     * @param checkpoints reads every endpoint's checkpoints (e.g. {@link KafkaCheckpointLoader}); called
     *     once in {@link #start()}, before any source is created
     */
    public CollectorManager(List<EndpointConfig> endpoints, CollectorRegistry registry, EventSink sink,
                            MeterRegistry meters, Clock clock, RetryPolicy retry, Supplier<Checkpoints> checkpoints,
                            RuntimeSettings settings) {
        List<String> problems = problems(endpoints, registry);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid collector configuration:\n - " + String.join("\n - ", problems));
        }
        this.endpoints = List.copyOf(endpoints);
        this.registry = registry;
        this.sink = sink;
        this.meters = meters;
        this.clock = clock;
        this.retry = retry;
        this.checkpoints = checkpoints;
        this.settings = settings;
    }

    /** Every problem of the endpoint list, each naming its endpoint; empty when it can run. */
    static List<String> problems(List<EndpointConfig> endpoints, CollectorRegistry registry) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (EndpointConfig endpoint : endpoints) {
            String name = "endpoint '" + endpoint.id() + "'";
            if (!ids.add(endpoint.id())) {
                problems.add(name + ": the id is used twice; ids must be unique, they name the collector in events");
            }
            Optional<CollectorFactory> factory = registry.find(endpoint.platform());
            if (factory.isEmpty()) {
                problems.add(name + ": no collector is installed for platform '" + endpoint.platform().wire()
                        + "' (installed: " + registry.platforms().stream().map(p -> p.wire()).sorted()
                        .collect(Collectors.joining(", ")) + ")");
                continue;
            }
            factory.get().validate(endpoint).forEach(p -> problems.add(name + ": " + p));
        }
        return problems;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (stopped) {
            // The sink is closed and the endpoint threads are gone: build a new manager instead.
            throw new IllegalStateException("a stopped CollectorManager cannot be started again");
        }
        if (endpoints.isEmpty()) {
            log.warn("no collector endpoints are configured (sitewatch.collectors.endpoints); nothing will be collected");
        }
        // Every checkpoint is read before any source starts, and only once this process has taken
        // over the endpoints' writers: a predecessor's half-done write must not change them afterwards.
        if (!endpoints.isEmpty()) {
            sink.takeOver(endpoints.stream().map(EndpointConfig::id).toList());
        }
        Checkpoints loaded = endpoints.isEmpty() ? Checkpoints.empty() : checkpoints.get();
        runners = endpoints.stream().map(e -> new EndpointRunner(e, registry.find(e.platform()).orElseThrow(), sink,
                meters, clock, retry, loaded, settings)).toList();
        runners.forEach(EndpointRunner::start);
        running = true;
    }

    /**
     * Stops within the shutdown time ({@link RuntimeSettings#shutdownTimeout()}, see {@link ShutdownBudget}),
     * Kafka reachable or not: the endpoints first, each on its own thread, then the sink, which gives
     * up what Kafka has not acknowledged by the deadline. Only committed writes are acknowledged, and
     * their checkpoints alone moved, so what is given up is read from the vendor again after a restart.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopped = true;
        ShutdownBudget budget = ShutdownBudget.startingNow(settings.shutdownTimeout());
        stopEndpoints(budget);
        sink.close(ShutdownBudget.until(budget.deadline()));
        log.info("collectors stopped in {} ms (shutdown time {} s); {} endpoint(s)", budget.elapsed().toMillis(),
                budget.total().toMillis() / 1000.0, runners.size());
    }

    /** Each endpoint stops on its own thread: a source that hangs while closing holds back no other. */
    private void stopEndpoints(ShutdownBudget budget) {
        List<Thread> stopping = new ArrayList<>();
        for (EndpointRunner runner : runners) {
            Thread thread = new Thread(() -> runner.stop(ShutdownBudget.until(budget.endpointsStopBy())),
                    "sitewatch-collector-" + runner.endpoint().id() + "-stop");
            thread.setDaemon(true);
            thread.start();
            stopping.add(thread);
        }
        for (int i = 0; i < stopping.size(); i++) {
            try {
                stopping.get(i).join(Math.max(1, ShutdownBudget.until(budget.endpointsStopBy()).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (stopping.get(i).isAlive()) {
                log.warn("collector {} is still stopping after its share of the shutdown time; closing the sink without it",
                        runners.get(i).endpoint().id());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The endpoints this manager runs, in configuration order. */
    public List<EndpointConfig> endpoints() {
        return endpoints;
    }
}
