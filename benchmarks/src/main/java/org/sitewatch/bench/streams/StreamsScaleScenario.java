package org.sitewatch.bench.streams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
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

/**
 * One streams instance holding a large estate in 2 GiB of heap: the inventory of 1,000 sites x 1,000 VMs with 200
 * replicated items each loaded into a fresh app; its memory; {@code /api/sites} at that size; then a restart on
 * the same local state and a rebuild from the changelogs after the local state is wiped, each until the views
 * answer with every site. Steps the scenario limit leaves no time for are skipped and said so.
 */
public final class StreamsScaleScenario implements Scenario {

    public static final String NAME = "streams-scale";

    /** Requests before the timed ones, not counted: the first requests of a JVM pay for class loading and JIT. */
    private static final int WARM_UP_REQUESTS = 10;
    /** At most this long for the timed requests, so restart and rebuild keep their share of the scenario limit. */
    private static final Duration REQUEST_BUDGET = Duration.ofMinutes(2);

    record Size(EstateShape estate, int requests) {
        static final Size FULL = new Size(EstateShape.of(1_000, 1_000, 200), 500);
        static final Size SMOKE = new Size(EstateShape.of(20, 100, 20), 50);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        EstateShape full = Size.FULL.estate();
        return String.format(Locale.ROOT, "%,d sites x %,d VMs with %,d replicated items each (%,d inventory events) loaded into a "
                        + "fresh sitewatch streams (-Xmx2g, commit interval %d ms): once it answers, seconds from the first event "
                        + "sent until drained, peak RSS (VmHWM), heap used after a full GC (jcmd GC.run, actuator jvm.memory.used area=heap), "
                        + "/api/sites latency over %d sequential loopback requests after %d warm-up ones, restart on the same "
                        + "state and rebuild after wiping it, each from launch until /api/sites answers with every site",
                full.sites(), full.vmsPerSite(), full.replicatedPerSite(), full.inventorySize(),
                StreamsAppProcess.COMMIT_INTERVAL.toMillis(), Size.FULL.requests(), WARM_UP_REQUESTS);
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Size size = context.smoke() ? Size.SMOKE : Size.FULL;
        int sites = size.estate().sites();
        ProgressLine.Task task = context.progress(NAME);
        long deadline = System.nanoTime() + context.scenarioLimit().toNanos();
        Path work = Files.createDirectories(context.workDir().resolve(NAME));
        String applicationId = ScenarioIds.fresh("bench-scale");
        StreamsAppProcess.Settings settings = new StreamsAppProcess.Settings(AppJar.locate(), context.bootstrapServers(),
                applicationId, work.resolve("state"), work.resolve("streams.log"));
        List<Figure> figures = new ArrayList<>();
        try (StreamsGroupProgress group = new StreamsGroupProgress(context.bootstrapServers(), applicationId)) {
            Map<TopicPartition, Long> from = group.rawEnds();
            group.startAt(from);
            task.say("starting the app (log " + settings.log() + ")");
            StreamsAppProcess app = StreamsAppProcess.start(settings);
            try {
                // Up first, so the load's figure is the app's folding and not its JVM's start.
                app.awaitViews(n -> true, remaining(deadline));
                long loadStarted = System.nanoTime();
                load(context, size.estate(), task);
                DrainWatch.Result load = DrainWatch.await(group, app.process(), from, group.rawEnds(), deadline, task,
                        "inventory records processed");
                figures.add(Figure.of(NAME, "records", load.processed()));
                figures.add(Figure.of(NAME, "load+drain s", (load.endNanos() - loadStarted) / 1e9));
                if (!load.drained()) {
                    task.say(String.format(Locale.ROOT, "stopped by the scenario limit (%s) after %,d of %,d inventory records; "
                            + "memory as reached then, later steps skipped", context.scenarioLimit(), load.processed(),
                            size.estate().inventorySize()));
                }
                app.process().runFullGc();
                double heapAfterGcMb = app.http().heapUsedBytes() / (1024.0 * 1024.0);
                figures.add(Figure.of(NAME, "heap after GC MB", heapAfterGcMb));
                task.say(String.format(Locale.ROOT, "loaded and drained in %.1f s; heap after a full GC %.0f MB, RSS now %.0f MB",
                        (load.endNanos() - loadStarted) / 1e9, heapAfterGcMb, app.process().memory().rssMb()));
                if (!load.drained()) {
                    figures.add(Figure.of(NAME, "peak RSS MB", load.peakMemory().max(app.process().memory()).peakRssMb()));
                    return figures;
                }
                Percentiles requests = timeSiteList(app.http(), sites, size.requests(),
                        Math.min(deadline, System.nanoTime() + REQUEST_BUDGET.toNanos()));
                task.say(String.format(Locale.ROOT, "/api/sites: %d requests, p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                        requests.count(), requests.p50(), requests.p99(), requests.max()));
                figures.add(Figure.of(NAME, "/api/sites p50 ms", requests.p50()));
                figures.add(Figure.of(NAME, "/api/sites p99 ms", requests.p99()).withTarget("< 200"));
                figures.add(Figure.of(NAME, "peak RSS MB", load.peakMemory().max(app.process().memory()).peakRssMb()));

                app.stop();
                task.say("restarting on the same local state");
                app = app.startAgain();
                double restartSeconds = app.awaitViews(n -> n == sites, remaining(deadline)).toMillis() / 1e3;
                figures.add(Figure.of(NAME, "restart s", restartSeconds).withTarget("< 15"));
                task.say(String.format(Locale.ROOT, "restarted: /api/sites lists every site %.1f s after launch", restartSeconds));

                app.stop();
                deleteTree(settings.stateDir());
                task.say("local state wiped; starting again to rebuild it from the changelogs");
                app = app.startAgain();
                figures.add(Figure.of(NAME, "rebuild s", app.awaitViews(n -> n == sites, remaining(deadline)).toMillis() / 1e3)
                        .withTarget("< 120"));
                return figures;
            } catch (java.util.concurrent.TimeoutException e) {
                task.say("stopped by the scenario limit (" + context.scenarioLimit() + "): " + e.getMessage());
                return figures;
            } finally {
                app.close();
            }
        }
    }

    private static void load(BenchContext context, EstateShape estate, ProgressLine.Task task) {
        try (LoadProducer producer = LoadProducer.connect(context.bootstrapServers())) {
            SendOutcome outcome = producer.send(new EstateLoad(estate, EventClock.wall()).initialInventory(),
                    SendPlan.asFastAsPossible(estate.inventorySize(), context.scenarioLimit()), task, LoadProducer.AckListener.NONE);
            if (outcome.failed() > 0) {
                throw new IllegalStateException(outcome.failed() + " events were not written", outcome.firstError());
            }
        }
    }

    /**
     * {@code GET /api/sites} one after the other, each required to list every site, until {@code requests} were
     * timed or {@code untilNanos}.
     */
    private static Percentiles timeSiteList(AppHttp http, int sites, int requests, long untilNanos) throws InterruptedException {
        double[] millis = new double[requests];
        int timed = 0;
        for (int i = -WARM_UP_REQUESTS; i < requests && System.nanoTime() < untilNanos; i++) {
            long started = System.nanoTime();
            AppHttp.Answer answer = http.get("/api/sites");
            long took = System.nanoTime() - started;
            int listed = AppHttp.siteCount(answer);
            if (listed != sites) {
                throw new IllegalStateException("/api/sites listed " + listed + " sites instead of " + sites);
            }
            if (i >= 0) {
                millis[timed++] = took / 1e6;
            }
        }
        return Percentiles.of(java.util.Arrays.copyOf(millis, timed));
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
