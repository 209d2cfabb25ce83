package org.sitewatch.bench.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.bench.load.EstateLoad;
import org.sitewatch.bench.load.EstateShape;
import org.sitewatch.bench.load.EventClock;
import org.sitewatch.bench.load.LoadProducer;
import org.sitewatch.bench.load.SendOutcome;
import org.sitewatch.bench.load.SendPlan;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;

/**
 * The delay from an event to what it changes, at a steady rate: a fresh app caught up on an estate, then the load's
 * typical change mix at a steady rate with one event in ten a {@link ProbeSites probe} that changes a site's
 * verdict and fires or resolves an alert; the delay from sending each probe to its site view on
 * {@code sitewatch.site-health} and to its alert record on {@code sitewatch.alerts}, both read read_committed.
 */
public final class StreamsLatencyScenario implements Scenario {

    public static final String NAME = "streams-latency";

    /**
     * @param estate the load's estate, caught up on before the steady run
     * @param probeSites sites the probes change (besides the estate)
     * @param eventsPerSecond the steady rate, probes included
     * @param duration how long the steady rate runs
     * @param probeEvery one event in this many is a probe
     */
    record Size(EstateShape estate, int probeSites, double eventsPerSecond, Duration duration, int probeEvery) {
        static final Size FULL = new Size(EstateShape.of(100, 100, 20), 100, 10_000, Duration.ofSeconds(60), 10);
        static final Size SMOKE = new Size(EstateShape.of(4, 20, 5), 4, 1_000, Duration.ofSeconds(5), 10);
    }

    /** How long, after the steady run, the last probes' views and alerts are waited for (within the scenario limit). */
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        Size s = Size.FULL;
        return String.format(Locale.ROOT, "a fresh sitewatch streams (child JVM, commit interval %d ms) caught up on %d sites x %d VMs, "
                        + "then %,.0f events/s for %d s: the load's typical mix plus 1 event in %d a probe failing or recovering "
                        + "a replicated item or an HA host on %d probe sites (a verdict change, published at once; count-only "
                        + "changes wait for the punctuation and are not measured); delay from send to the site view and to the "
                        + "alert record, read_committed; a probe still unanswered at the end counts with its wait so far",
                StreamsAppProcess.COMMIT_INTERVAL.toMillis(), s.estate().sites(), s.estate().vmsPerSite(), s.eventsPerSecond(),
                s.duration().toSeconds(), s.probeEvery(), s.probeSites());
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Size size = context.smoke() ? Size.SMOKE : Size.FULL;
        ProgressLine.Task task = context.progress(NAME);
        long deadline = System.nanoTime() + context.scenarioLimit().toNanos();
        Path work = Files.createDirectories(context.workDir().resolve(NAME));
        Path jar = AppJar.locate();
        String applicationId = ScenarioIds.fresh("bench-latency");
        String bootstrap = context.bootstrapServers();
        ProbeSites probes = new ProbeSites(size.probeSites());
        ProbeLatencies latencies = new ProbeLatencies(probes);
        try (StreamsGroupProgress group = new StreamsGroupProgress(bootstrap, applicationId);
             TopicTail<?> views = new TopicTail<>(bootstrap, Topics.SITE_HEALTH, latencies::viewReceived);
             TopicTail<?> alerts = new TopicTail<>(bootstrap, Topics.ALERTS, latencies::alertReceived);
             LoadProducer producer = LoadProducer.connect(bootstrap)) {
            // Only this scenario's estate: the app starts where the raw topics end now.
            Map<TopicPartition, Long> from = group.rawEnds();
            group.startAt(from);
            task.say("starting the app (log " + work.resolve("streams.log") + ")");
            try (StreamsAppProcess app = StreamsAppProcess.start(new StreamsAppProcess.Settings(jar, bootstrap, applicationId,
                    work.resolve("state"), work.resolve("streams.log")))) {
                EstateLoad estate = new EstateLoad(size.estate(), EventClock.wall());
                List<SitewatchEvent> probeInventory = probes.inventory();
                long inventory = size.estate().inventorySize() + probeInventory.size();
                send(producer, concat(estate.initialInventory(), probeInventory.iterator()),
                        SendPlan.asFastAsPossible(inventory, context.scenarioLimit()), task);
                DrainWatch.Result caughtUp = DrainWatch.await(group, app.process(), from, group.rawEnds(), deadline, task,
                        "inventory records processed");
                if (!caughtUp.drained()) {
                    task.say(String.format(Locale.ROOT, "stopped by the scenario limit (%s): the app had processed %,d of the "
                            + "%,d inventory events, no steady run", context.scenarioLimit(), caughtUp.processed(), inventory));
                    return List.of(Figure.of(NAME, "inventory records", caughtUp.processed()),
                            Figure.of(NAME, "peak RSS MB", caughtUp.peakMemory().peakRssMb()));
                }
                latencies.startMeasuring();
                Duration steady = min(size.duration(), Duration.ofNanos(deadline - System.nanoTime()));
                task.say(String.format(Locale.ROOT, "caught up; sending %,.0f events/s for %d s", size.eventsPerSecond(),
                        steady.toSeconds()));
                SendOutcome outcome = send(producer, new ProbeInterleave(estate.changeEvents(), probes, latencies, size.probeEvery()),
                        SendPlan.steady(size.eventsPerSecond(), 0, steady), task);
                long cutoff = settle(latencies, app.process(), views, alerts, Math.min(deadline, System.nanoTime() + SETTLE.toNanos()), task);
                task.say(String.format(Locale.ROOT, "%,d probes: %,d views and %,d alerts matched, %,d views unexpected, "
                                + "%,d views and %,d alerts still awaited at the end (counted with their wait so far)",
                        latencies.sent(), latencies.viewsMatched(), latencies.alertsMatched(), latencies.unexpectedViews(),
                        latencies.viewsWaiting(), latencies.alertsWaiting()));
                List<Figure> figures = figures(outcome, latencies.views(cutoff), latencies.alerts(cutoff));
                figures.add(Figure.of(NAME, "peak RSS MB", app.process().memory().peakRssMb()));
                return figures;
            }
        }
    }

    private static List<Figure> figures(SendOutcome outcome, Percentiles view, Percentiles alert) {
        if (view.count() == 0 || alert.count() == 0) {
            throw new IllegalStateException("no probe was sent: nothing to measure");
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(NAME, "events/s", outcome.eventsPerSecond()));
        figures.add(Figure.of(NAME, "view p50 ms", view.p50()));
        figures.add(Figure.of(NAME, "view p99 ms", view.p99()).withTarget("< 250"));
        figures.add(Figure.of(NAME, "view max ms", view.max()));
        figures.add(Figure.of(NAME, "alert p50 ms", alert.p50()));
        figures.add(Figure.of(NAME, "alert p99 ms", alert.p99()).withTarget("< 500"));
        figures.add(Figure.of(NAME, "alert max ms", alert.max()));
        return figures;
    }

    /** Waits until every probe's view and alert came, or {@code until}; returns the instant the figures are cut at. */
    private static long settle(ProbeLatencies latencies, AppProcess app, TopicTail<?> views, TopicTail<?> alerts, long until,
                               ProgressLine.Task task) throws InterruptedException {
        while (!latencies.allMatched() && System.nanoTime() < until) {
            app.requireAlive("while its last views and alerts were awaited");
            views.requireHealthy();
            alerts.requireHealthy();
            task.update("probe views matched", latencies.viewsMatched(), latencies.sent());
            Thread.sleep(100);
        }
        return System.nanoTime();
    }

    private static SendOutcome send(LoadProducer producer, Iterator<SitewatchEvent> events, SendPlan plan, ProgressLine.Task task) {
        SendOutcome outcome = producer.send(events, plan, task, LoadProducer.AckListener.NONE);
        if (outcome.failed() > 0) {
            throw new IllegalStateException(outcome.failed() + " events were not written", outcome.firstError());
        }
        return outcome;
    }

    private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public T next() {
                return first.hasNext() ? first.next() : second.next();
            }
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
