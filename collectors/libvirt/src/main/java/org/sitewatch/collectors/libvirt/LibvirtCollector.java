package org.sitewatch.collectors.libvirt;

import java.time.Clock;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.ObservationSink;
import org.sitewatch.collectors.spi.PushSource;

/**
 * The libvirt push source of one endpoint (one site's KVM hosts). Each {@link #start} opens a new
 * {@link LibvirtSubscription} and waits for its first round of connections (at most the endpoint's
 * poll deadline): when no host opens, {@code start} throws, as a poll that cannot reach its
 * endpoint fails. See {@link LibvirtSubscription} for threads, reconnection and what is reported.
 */
final class LibvirtCollector implements PushSource {

    private final EndpointConfig endpoint;
    private final LibvirtSettings settings;
    private final Clock clock;
    private volatile LibvirtSubscription subscription;

    LibvirtCollector(EndpointConfig endpoint, LibvirtSettings settings, Clock clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void start(ObservationSink sink) throws CollectorException {
        stop();
        LibvirtEventLoop.ensureRunning();
        LibvirtSubscription next = new LibvirtSubscription(endpoint, settings, clock, sink);
        subscription = next;
        try {
            next.start(endpoint.effectivePollDeadline());
        } catch (CollectorException e) {
            stop();
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        LibvirtSubscription current = subscription;
        subscription = null;
        if (current != null) {
            current.stop();
        }
    }

    /** Lists every connected host again and delivers the snapshot from the subscription's thread. */
    @Override
    public boolean resync() {
        LibvirtSubscription current = subscription;
        return current != null && current.resync();
    }

    @Override
    public void close() {
        stop();
    }

    /** See {@link LibvirtSubscription#dropConnection}: for tests. */
    void dropConnection(String host) {
        LibvirtSubscription current = subscription;
        if (current != null) {
            current.dropConnection(host);
        }
    }
}
