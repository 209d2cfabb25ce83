package org.sitewatch.collectors.spi;

import java.util.Optional;

/**
 * A source that reads the vendor's full current state when asked (Proxmox, oVirt, REST APIs).
 * The runtime calls {@link #poll()} on its own schedule, one call at a time per endpoint, and
 * works out what changed since the previous snapshot; the source only describes what it sees.
 *
 * <p>Limits: {@code poll()} must finish within the endpoint's timeouts; the runtime interrupts a
 * poll that overruns its deadline, so blocking calls should honour interruption.
 */
public non-sealed interface PollingSource extends CollectorSource {

    /**
     * Reads everything the endpoint exposes now.
     *
     * @return the complete current state; records that could not be mapped are left out and
     *     listed in {@link Snapshot#skipped()}, they never fail the poll
     * @throws CollectorException when the endpoint could not be read at all, classified so the
     *     runtime knows whether to back off and retry or to report a permanent problem
     */
    Snapshot poll() throws CollectorException;

    /**
     * Optional capability: the vendor's event history (HA actions and other one-off events), read
     * by cursor after each poll and published exactly once across restarts; see {@link EventHistory}.
     * Default: none.
     */
    default Optional<EventHistory> eventHistory() {
        return Optional.empty();
    }
}
