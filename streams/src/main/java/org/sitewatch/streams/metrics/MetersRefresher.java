package org.sitewatch.streams.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Refreshes the domain meters on one daemon thread at a fixed delay, from start to stop. */
public final class MetersRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetersRefresher.class);

    private final List<Refreshable> meters;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public MetersRefresher(List<Refreshable> meters, Duration interval) {
        this.meters = List.copyOf(meters);
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitewatch-meters");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refreshAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void refreshAll() {
        for (Refreshable m : meters) {
            try {
                m.refresh();
            } catch (RuntimeException e) {
                // An exception would cancel the schedule; the next run may well succeed.
                log.warn("could not refresh {}", m.getClass().getSimpleName(), e);
            }
        }
    }
}
