package org.sitewatch.collectors.runtime;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names an endpoint's threads after it (visible in thread dumps) and makes them daemons. */
final class EndpointThreads {

    private EndpointThreads() {
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, n.getAndIncrement() == 0 ? prefix : prefix + "-" + n.get());
            t.setDaemon(true);
            return t;
        };
    }
}
