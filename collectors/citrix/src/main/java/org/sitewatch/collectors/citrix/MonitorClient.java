package org.sitewatch.collectors.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.JsonPaging;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Lists Monitor Service entity sets under the service's limits: one query at a time per endpoint
 * (Citrix Cloud answers a parallel query of the same customer with HTTP 429), every page of a
 * listing by following {@code @odata.nextLink} verbatim until it is absent, and a 429 waited out
 * once when its {@code Retry-After} is within {@code maxThrottleWait}; a longer wait, none given,
 * or a second 429 fails the poll as throttled (the runtime then waits the {@code Retry-After}).
 */
final class MonitorClient implements AutoCloseable {

    /** Sleeps; replaced in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final MonitorTransport transport;
    private final Duration maxThrottleWait;
    private final int maxPages;
    private final Sleeper sleeper;
    /** Held for a whole listing, so its pages and another caller's queries never overlap. */
    private final ReentrantLock oneQueryAtATime = new ReentrantLock(true);

    MonitorClient(MonitorTransport transport, Duration maxThrottleWait, int maxPages, Sleeper sleeper) {
        this.transport = transport;
        this.maxThrottleWait = maxThrottleWait;
        this.maxPages = maxPages;
        this.sleeper = sleeper;
    }

    /** Every record of a listing, e.g. {@code Machines?$filter=...}, across its pages. */
    List<JsonNode> list(String firstPath) throws CollectorException {
        try {
            oneQueryAtATime.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(firstPath, e);
        }
        try {
            return JsonPaging.odata(this::getWaitingOutThrottling, firstPath, maxPages);
        } finally {
            oneQueryAtATime.unlock();
        }
    }

    private JsonNode getWaitingOutThrottling(String pathOrUrl) throws CollectorException {
        try {
            return transport.get(pathOrUrl);
        } catch (CollectorException e) {
            Duration wait = e.retryAfter().orElse(null);
            if (!throttled(e) || wait == null || wait.compareTo(maxThrottleWait) > 0) {
                throw e;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw interrupted(pathOrUrl, interrupted);
            }
            return transport.get(pathOrUrl);
        }
    }

    /** HTTP 429 as the SPI classifies it: a retriable 4xx (every other 4xx is permanent). */
    static boolean throttled(CollectorException e) {
        return e.kind() == CollectorErrorKind.HTTP_4XX && !e.permanent();
    }

    private static CollectorException interrupted(String path, InterruptedException e) {
        return CollectorException.retriable(CollectorErrorKind.INTERNAL, "GET " + path + " was interrupted", e);
    }

    @Override
    public void close() throws Exception {
        transport.close();
    }
}
