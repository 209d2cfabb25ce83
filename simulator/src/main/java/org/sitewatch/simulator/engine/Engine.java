package org.sitewatch.simulator.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.Durations;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.ScenarioTimeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every simulated cluster through time, whatever its vendor. {@link #tick()} reads the
 * clock, applies every due scenario step at its own scheduled time (advancing the models to that
 * time first), then advances the models to now; so the result does not depend on how often ticks
 * happen. All state access goes through this object's monitor; vendor fronts read with
 * {@link #read}.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Clock clock;
    private final Map<String, ClusterState> clusters = new LinkedHashMap<>();
    private final ScenarioTimeline timeline;
    private Instant lastTick;

    public Engine(Scenario scenario, Clock clock) {
        this.clock = clock;
        Instant start = clock.instant();
        for (ClusterSpec c : scenario.clusters()) {
            clusters.put(c.name(), new ClusterState(c, start));
        }
        this.timeline = new ScenarioTimeline(scenario, start);
        this.lastTick = start;
    }

    /** Cluster (endpoint) names in scenario order. */
    public List<String> clusterNames() {
        return List.copyOf(clusters.keySet());
    }

    /** Brings every cluster up to the clock's current time; returns that time. */
    public synchronized Instant tick() {
        Instant now = clock.instant();
        if (now.isBefore(lastTick)) {
            // A clock moved backwards: keep the model where it is rather than rewind it.
            return now;
        }
        for (ScenarioTimeline.Occurrence o : timeline.due(now)) {
            ClusterState cluster = clusters.get(o.step().cluster());
            advance(cluster, o.time());
            LOG.info("scenario step {} at {}: {}{}", o.step().index(), Durations.format(o.step().at()),
                    o.step().describe(), o.iteration() > 0 ? " (loop " + o.iteration() + ")" : "");
            StepApplier.apply(cluster, o.step().action(), o.time());
        }
        clusters.values().forEach(c -> advance(c, now));
        lastTick = now;
        return now;
    }

    /** Ticks, then runs {@code reader} on the cluster's state under the lock. */
    public synchronized <T> T read(String cluster, BiFunction<ClusterState, Instant, T> reader) {
        Instant now = tick();
        return reader.apply(clusters.get(cluster), now);
    }

    /** Ticks, then tells which injected fault, if any, hits a call to {@code apiPath} of the cluster. */
    public synchronized ApiFaultKind faultFor(String cluster, List<String> apiPath) {
        Instant now = tick();
        return clusters.get(cluster).faults.faultFor(apiPath, now);
    }

    private static void advance(ClusterState cluster, Instant t) {
        cluster.faults.expire(t);
        HaManager.advanceTo(cluster, t);
        // HA first: a recovered guest changes where its replication links run from.
        for (ReplicationLinkState link : cluster.links.values()) {
            link.advanceTo(t, cluster);
        }
    }
}
