package org.sitewatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a scenario's timeline into due step occurrences: a step is due once the time elapsed since
 * {@code start} reaches its {@code at} (plus {@code k × loop} for the k-th repetition when the
 * scenario loops). Steps with the same {@code at} keep file order. Not thread-safe; the owner
 * serialises calls.
 */
public final class ScenarioTimeline {

    /** One due occurrence of a step: when it was scheduled and in which repetition (0-based). */
    public record Occurrence(ScenarioStep step, Instant time, long iteration) {
    }

    private final List<ScenarioStep> ordered;
    private final Duration loop;
    private final Instant start;
    private long iteration;
    private int next;

    public ScenarioTimeline(Scenario scenario, Instant start) {
        this.ordered = new ArrayList<>(scenario.timeline());
        this.ordered.sort(Comparator.comparing(ScenarioStep::at).thenComparingInt(ScenarioStep::index));
        this.loop = scenario.loop().orElse(null);
        this.start = start;
    }

    public Instant start() {
        return start;
    }

    /** Occurrences that became due since the last call, in time order. */
    public List<Occurrence> due(Instant now) {
        List<Occurrence> out = new ArrayList<>();
        while (!ordered.isEmpty() && (loop != null || iteration == 0)) {
            ScenarioStep step = ordered.get(next);
            Instant time = start.plus(step.at());
            if (loop != null) {
                time = time.plus(loop.multipliedBy(iteration));
            }
            if (time.isAfter(now)) {
                break;
            }
            out.add(new Occurrence(step, time, iteration));
            next++;
            if (next == ordered.size()) {
                next = 0;
                iteration++;
            }
        }
        return out;
    }
}
