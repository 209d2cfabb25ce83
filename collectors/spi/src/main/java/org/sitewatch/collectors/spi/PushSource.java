package org.sitewatch.collectors.spi;

/**
 * A source the vendor pushes to: libvirt lifecycle callbacks, Kubernetes watches, vCenter event
 * collectors. After {@link #start(ObservationSink)} it reports individual observations as they
 * arrive and, from time to time (at start and after every reconnect at least), a full
 * {@link Snapshot} so removals are noticed and the state is resynchronised.
 *
 * <p>Limits: the source owns its vendor threads; it must call the sink from any thread it likes
 * but never after {@link #stop()} returned.
 */
public non-sealed interface PushSource extends CollectorSource {

    /**
     * Subscribes. Returns once the subscription is set up (observations may arrive before it
     * returns). A failure to subscribe is thrown; a failure later is reported through
     * {@link ObservationSink#failed(CollectorException)}, after which the runtime calls
     * {@link #stop()} and, after a back-off, {@code start} again.
     */
    void start(ObservationSink sink) throws CollectorException;

    /** Unsubscribes and releases vendor threads; idempotent. */
    void stop();
}
