package org.sitewatch.collectors.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.PushSource;
import org.sitewatch.events.CollectorErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one endpoint in isolation: its own scheduler thread, its own source, detector and meters,
 * so one endpoint's failure or hang never delays another. It creates the source (retrying slowly
 * while that fails, e.g. an unreadable CA file, with heartbeats saying so), then hands over to a
 * {@link PollLoop} or a {@link PushLoop} depending on what the plug-in returned.
 */
public final class EndpointRunner {

    private static final Logger log = LoggerFactory.getLogger(EndpointRunner.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final CollectorFactory factory;
    private final CollectorContext context;
    private final EndpointServices services;
    private volatile CollectorSource source;
    private volatile EndpointLoop loop;
    private volatile boolean running;

    public EndpointRunner(EndpointConfig endpoint, CollectorFactory factory, EventSink sink, MeterRegistry registry,
                          Clock clock, RetryPolicy retry) {
        this(endpoint, factory, sink, registry, clock, retry, Checkpoints.empty(), RuntimeSettings.DEFAULT);
    }

    /**
     * @param checkpoints every endpoint's checkpoints as read at start-up; this endpoint resumes from its own
     */
    public EndpointRunner(EndpointConfig endpoint, CollectorFactory factory, EventSink sink, MeterRegistry registry,
                          Clock clock, RetryPolicy retry, Checkpoints checkpoints, RuntimeSettings settings) {
        this.factory = factory;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                EndpointThreads.named("sitewatch-collector-" + endpoint.id()));
        this.services = new EndpointServices(endpoint, clock, retry, scheduler,
                new CollectorMetrics(registry, endpoint), sink, checkpoints, settings);
        this.context = new CollectorContext(clock, services.sourceCheckpoints());
    }

    public EndpointConfig endpoint() {
        return services.endpoint;
    }

    public void start() {
        running = true;
        if (services.endpoint.insecureSkipTlsVerify()) {
            log.warn("collector {}: TLS verification is OFF (insecure-skip-tls-verify) for {}; anyone on the path "
                    + "can read its API token. Use ca-file instead outside of tests.", services.endpoint.id(),
                    services.endpoint.address());
        }
        PlainHttpCredentials.find(services.endpoint, factory.settingsType()).ifPresent(finding -> {
            if (finding.loopbackOnly()) {
                log.info(finding.text());
            } else {
                log.warn(finding.text());
            }
        });
        log.info("collector {} starting: {} site {} at {}, every {} s", services.endpoint.id(),
                services.endpoint.platform().wire(), services.endpoint.site(), services.endpoint.address(),
                services.endpoint.pollInterval().toMillis() / 1000.0);
        services.scheduler.execute(this::createSource);
    }

    private void createSource() {
        if (!running) {
            return;
        }
        Instant startedAt = services.clock.instant();
        try {
            CollectorSource created = factory.create(services.endpoint, context);
            source = created;
            // Java 17: no pattern matching in switch; the sealed interface has exactly these two kinds.
            loop = created instanceof PollingSource polling
                    ? new PollLoop(services, polling) : new PushLoop(services, (PushSource) created);
            loop.start();
        } catch (CollectorException e) {
            retryCreation(startedAt, e);
        } catch (RuntimeException e) {
            retryCreation(startedAt, CollectorException.permanent(CollectorErrorKind.CONFIG,
                    "the " + factory.platform().wire() + " collector could not be created: " + e,
                    "Check this endpoint's settings.", e));
        }
    }

    private void retryCreation(Instant startedAt, CollectorException e) {
        // Failing because stop() shut the threads down is not a failure of the endpoint.
        if (running) {
            Duration next = services.failed(startedAt, e, null);
            services.scheduler.schedule(this::createSource, next.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** {@link #stop(Duration)} waiting up to 5 s for the endpoint's thread. */
    public void stop() {
        stop(STOP_WAIT);
    }

    /**
     * Stops polling or the subscription and interrupts the endpoint's thread (a write to Kafka it is
     * blocked in fails, uncommitted), waits up to {@code wait} for it, closes the source.
     */
    public void stop(Duration wait) {
        running = false;
        EndpointLoop current = loop;
        if (current != null) {
            current.stop();
        }
        services.scheduler.shutdownNow();
        try {
            if (!services.scheduler.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                log.warn("collector {} did not stop within {} ms; its thread is left to end by itself",
                        services.endpoint.id(), wait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CollectorSource created = source;
        if (created != null) {
            created.close();
        }
        services.stopped();
        services.metrics.close();
    }
}
