package org.sitewatch.app;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sitewatch.streams.query.SiteQueryService;
import org.sitewatch.core.view.SiteViews.SiteSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints a line on the console whenever a site's health or reasons change, so a user of the
 * embedded default sees the scenario's failures appear and clear without opening a browser.
 * Reads the same views the REST API serves; while they are not ready it waits quietly.
 */
final class HealthChangePrinter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthChangePrinter.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SiteQueryService views;
    private final PrintStream out;
    private final Map<String, String> lastVerdict = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sitewatch-health-printer");
        t.setDaemon(true);
        return t;
    });

    HealthChangePrinter(SiteQueryService views, PrintStream out) {
        this.views = views;
        this.out = out;
    }

    HealthChangePrinter start() {
        timer.scheduleWithFixedDelay(this::printChanges, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    void printChanges() {
        try {
            for (SiteSummary site : views.sites().sites()) {
                String verdict = site.status() + (site.reasons().isEmpty() ? "" : ": " + String.join("; ", site.reasons()));
                String before = lastVerdict.put(site.site(), verdict);
                if (!verdict.equals(before)) {
                    out.printf("%s  %-14s %s%n", LocalTime.now(ZoneId.systemDefault()).format(CLOCK), site.site(), verdict);
                }
            }
        } catch (RuntimeException notReady) {
            // 503-like states while Kafka Streams starts or rebalances: try again on the next tick.
            log.debug("views not ready: {}", notReady.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
