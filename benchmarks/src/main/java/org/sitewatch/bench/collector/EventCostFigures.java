package org.sitewatch.bench.collector;

import java.util.List;
import java.util.Locale;
import org.sitewatch.bench.harness.Figure;

/**
 * What an event-cost scenario measured of a push collector, and its figures, the same for every vendor.
 *
 * @param vms the benchmark's VMs at the source
 * @param firstListingWallNanos from the collector's start until the state of every VM reached the sink
 * @param firstListingCpuNanos CPU of the collector's threads meanwhile
 * @param firstListingStates VM states of the benchmark's VMs that reached the sink then
 * @param changes lifecycle changes the benchmark made in the burst, each one event by the source's contract
 * @param makingNanos how long the benchmark took to make them (the rate cannot exceed what the source is given)
 * @param handlingNanos from the first change until the last of its VM states reached the sink
 * @param burstCpuNanos CPU of the collector's threads over the same stretch
 * @param received VM states of the burst that reached the sink
 * @param lost changes whose VM state never reached the sink within the wait
 */
record EventCostFigures(int vms, long firstListingWallNanos, long firstListingCpuNanos, int firstListingStates,
                        int changes, long makingNanos, long handlingNanos, long burstCpuNanos, int received, int lost) {

    List<Figure> figures(String scenario) {
        double seconds = handlingNanos / 1e9;
        return List.of(
                Figure.of(scenario, "VMs", vms),
                Figure.of(scenario, "wall ms, first full listing", firstListingWallNanos / 1e6),
                Figure.of(scenario, "cpu ms, first full listing", firstListingCpuNanos / 1e6),
                Figure.of(scenario, "VM states in first listing", firstListingStates).withTarget(">= " + vms),
                Figure.of(scenario, "changes in burst", changes),
                Figure.of(scenario, "ms to make the changes (benchmark side)", makingNanos / 1e6),
                Figure.of(scenario, "events per second handled", seconds > 0 ? received / seconds : 0),
                Figure.of(scenario, "cpu µs per event", received > 0 ? burstCpuNanos / 1e3 / received : 0),
                Figure.of(scenario, "events lost", lost).withTarget("<= 0"));
    }

    String describeBurst() {
        return String.format(Locale.ROOT, "burst: %,d changes made in %.0f ms, %,d events handled in %.0f ms, %.0f ms cpu, "
                + "%,d lost", changes, makingNanos / 1e6, received, handlingNanos / 1e6, burstCpuNanos / 1e6, lost);
    }
}
