package org.sitewatch.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the parts of a process in the reverse order they started (Spring context before the
 * simulator, the simulator before the broker) on Ctrl-C or SIGTERM, and lets the main thread wait
 * for it. One hook for everything, so no part is closed while another still uses it.
 */
final class ShutdownOrder {

    private static final Logger log = LoggerFactory.getLogger(ShutdownOrder.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    synchronized void started(AutoCloseable part) {
        started.add(part);
    }

    synchronized void closeAll() {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (AutoCloseable part : reverse) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", part, e.toString());
            }
        }
        started.clear();
        closed.countDown();
    }

    /** Registers the JVM hook and blocks until it has closed everything. */
    void awaitShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "sitewatch-shutdown"));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void awaitShutdown(AutoCloseable single) {
        ShutdownOrder order = new ShutdownOrder();
        order.started(single);
        order.awaitShutdownHook();
    }
}
