package org.sitewatch.simulator.proxmox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sitewatch.simulator.Durations;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.ScenarioTimeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives all simulated sites through time. {@link #tick()} reads the clock, applies every due
 * scenario step at its own scheduled time (advancing the models to that time first), then advances
 * the models to now; so the result does not depend on how often ticks happen. All state access
 * goes through this object's monitor.
 */
final class ProxmoxEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ProxmoxEngine.class);

    private final Clock clock;
    private final Map<String, SiteState> sites = new LinkedHashMap<>();
    private final ScenarioTimeline timeline;
    private Instant lastTick;

    ProxmoxEngine(Scenario scenario, Clock clock) {
        this.clock = clock;
        Instant start = clock.instant();
        scenario.sites().forEach(s -> sites.put(s.name(), new SiteState(s, start)));
        this.timeline = new ScenarioTimeline(scenario, start);
        this.lastTick = start;
    }

    List<String> siteNames() {
        return List.copyOf(sites.keySet());
    }

    /** Brings every site up to the clock's current time; returns that time. */
    synchronized Instant tick() {
        Instant now = clock.instant();
        if (now.isBefore(lastTick)) {
            // A clock moved backwards: keep the model where it is rather than rewind it.
            return now;
        }
        for (ScenarioTimeline.Occurrence o : timeline.due(now)) {
            SiteState site = sites.get(o.step().site());
            advance(site, o.time());
            LOG.info("scenario step {} at {}: {}{}", o.step().index(), Durations.format(o.step().at()),
                    o.step().describe(), o.iteration() > 0 ? " (loop " + o.iteration() + ")" : "");
            StepApplier.apply(site, o.step().action(), o.time());
        }
        sites.values().forEach(s -> advance(s, now));
        lastTick = now;
        return now;
    }

    /** Ticks, then runs {@code reader} on the site's state under the lock. */
    synchronized <T> T read(String site, BiFunction<SiteState, Instant, T> reader) {
        Instant now = tick();
        return reader.apply(sites.get(site), now);
    }

    private static void advance(SiteState site, Instant t) {
        site.activeFault(t);
        HaManager.advanceTo(site, t);
        // HA first: a recovered guest changes where its replication jobs run from.
        for (ReplicationJob job : site.jobs.values()) {
            job.advanceTo(t, site);
        }
    }
}
