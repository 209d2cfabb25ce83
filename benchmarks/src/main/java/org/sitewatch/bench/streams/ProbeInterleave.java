package org.sitewatch.bench.streams;

import java.util.Iterator;
import org.sitewatch.events.SitewatchEvent;

/**
 * The latency run's events: the load's own changes with a probe in place of every {@code every}-th one. A probe's
 * send time is taken when the producer asks for it, i.e. right before it is handed to the producer.
 */
final class ProbeInterleave implements Iterator<SitewatchEvent> {

    private final Iterator<SitewatchEvent> load;
    private final ProbeSites probes;
    private final ProbeLatencies latencies;
    private final int every;
    private long count;

    ProbeInterleave(Iterator<SitewatchEvent> load, ProbeSites probes, ProbeLatencies latencies, int every) {
        this.load = load;
        this.probes = probes;
        this.latencies = latencies;
        this.every = every;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public SitewatchEvent next() {
        if (++count % every != 0) {
            return load.next();
        }
        ProbeSites.Probe probe = probes.next();
        latencies.sent(probe, System.nanoTime());
        return probe.event();
    }
}
