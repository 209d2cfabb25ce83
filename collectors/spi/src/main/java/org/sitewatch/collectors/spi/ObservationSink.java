package org.sitewatch.collectors.spi;

import java.time.Instant;
import org.sitewatch.events.EventData;

/**
 * Where a {@link PushSource} delivers what it sees. Thread-safe: the runtime serialises the calls
 * onto the endpoint's own thread through a bounded queue, so a slow publisher never blocks a vendor
 * callback. When the queue is full the runtime drops what it holds, counts it and asks the source
 * to {@link PushSource#resync()}: a snapshot then repairs whatever was dropped.
 */
public interface ObservationSink {

    /**
     * One observation. States (VM, host, cluster, replication) are published only when they differ
     * from what was published last for that entity; HA actions are always published.
     *
     * @param time when the vendor observed it; use the receipt time when the vendor gives none
     */
    void observe(Instant time, EventData data);

    /** The full current state: also publishes removals of entities the snapshot no longer has. */
    void snapshot(Snapshot snapshot);

    /** The subscription broke; the runtime reports it in the heartbeat, stops and restarts the source. */
    void failed(CollectorException cause);
}
