package org.sitewatch.app;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.testsupport.MutableClock;

/**
 * A simulator whose scenario time moves only when the test says so, so its steps happen exactly in the phase of
 * the test that needs them (while Kafka or a collector is down), whatever the start-up time of the app was. The
 * test sets a target ({@link #moveTo}); the time moves there one simulated second per {@code pace} of real time,
 * so the vendor's changes arrive while the collectors keep reading.
 */
final class SimulatedTime implements AutoCloseable {

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final Simulator simulator;
    private final ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong second = new AtomicLong();
    private final AtomicLong target = new AtomicLong();

    SimulatedTime(String scenarioYaml, Duration pace) {
        simulator = Simulator.builder(Scenario.parse(scenarioYaml)).clock(clock).bindAddress("127.0.0.1").port(0).build()
                .start();
        driver.scheduleAtFixedRate(() -> {
            if (second.get() < target.get()) {
                clock.advance(Duration.ofSeconds(1));
                simulator.tick();
                second.incrementAndGet();
            }
        }, pace.toMillis(), pace.toMillis(), TimeUnit.MILLISECONDS);
    }

    Simulator simulator() {
        return simulator;
    }

    /** Lets the scenario time run on to {@code target} seconds. */
    void moveTo(long targetSecond) {
        target.set(targetSecond);
    }

    /** The scenario time reached so far, in seconds. */
    long second() {
        return second.get();
    }

    @Override
    public void close() {
        driver.shutdownNow();
        simulator.close();
    }
}
