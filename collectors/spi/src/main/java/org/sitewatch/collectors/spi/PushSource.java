package org.sitewatch.collectors.spi;

/**
 * A source the vendor pushes to: libvirt lifecycle callbacks, Kubernetes watches, vCenter event
 * collectors. After {@link #start(ObservationSink)} it reports individual observations as they
 * arrive and, from time to time (at start and after every reconnect at least), a full
 * {@link Snapshot} so removals are noticed and the state is resynchronised.
 *
 * <p>Limits: the source owns its vendor threads; it may call the sink from any thread it likes
 * but never after {@link #stop()} returned. The runtime queues callbacks in a bounded queue: a
 * source that floods it loses the queued observations and is asked to {@link #resync()}.
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

    /**
     * Asked by the runtime when what it published may have a hole: a send to Kafka failed, or the
     * callback queue overflowed and was dropped. The source should deliver a fresh
     * {@link ObservationSink#snapshot(Snapshot)} soon, from any thread.
     *
     * @return true when the source will deliver a snapshot; false (the default) when it cannot, and
     *     the runtime then re-subscribes ({@link #stop()}, {@link #start(ObservationSink)}), which
     *     delivers one by this interface's contract
     */
    default boolean resync() {
        return false;
    }
}
