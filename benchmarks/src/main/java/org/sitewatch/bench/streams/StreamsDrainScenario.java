package org.sitewatch.bench.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * The throughput of the streams app as a new user first meets it: {@code sitewatch streams} started with a fresh
 * application id on raw topics that already hold the run's events (written by the harness's sitewatch-produce
 * scenario; when they hold fewer, this scenario adds the rest with the load generator first). Measured from the
 * app's first commit until it has processed them all, views and alerts included.
 */
public final class StreamsDrainScenario implements Scenario {

    public static final String NAME = "streams-drain";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "sitewatch streams (child JVM, -Xmx2g, exactly-once v2, commit interval "
                + StreamsAppProcess.COMMIT_INTERVAL.toMillis() + " ms) started with a fresh application id on the raw topics "
                + "holding the run's events: records/s from its first commit until its committed offsets reach the raw "
                + "topics' ends and its repartition topics are read to the end; peak RSS (VmHWM) and heap used at the end";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        ProgressLine.Task task = context.progress(NAME);
        long deadline = System.nanoTime() + context.scenarioLimit().toNanos();
        Path work = Files.createDirectories(context.workDir().resolve(NAME));
        Path jar = AppJar.locate();
        String applicationId = ScenarioIds.fresh("bench-drain");
        try (StreamsGroupProgress group = new StreamsGroupProgress(context.bootstrapServers(), applicationId)) {
            Map<TopicPartition, Long> from = group.rawBeginnings();
            long held = StreamsGroupProgress.sum(group.rawEnds()) - StreamsGroupProgress.sum(from);
            if (held < context.events()) {
                produce(context, context.events() - held, task);
            }
            Map<TopicPartition, Long> to = group.rawEnds();
            long total = StreamsGroupProgress.sum(to) - StreamsGroupProgress.sum(from);
            task.say(String.format(Locale.ROOT, "the raw topics hold %,d records; starting the app (log %s)", total,
                    work.resolve("streams.log")));
            try (StreamsAppProcess app = StreamsAppProcess.start(new StreamsAppProcess.Settings(jar, context.bootstrapServers(),
                    applicationId, work.resolve("state"), work.resolve("streams.log")))) {
                DrainWatch.Result result = DrainWatch.await(group, app.process(), from, to, deadline, task, "records processed");
                long heapUsed = app.http().heapUsedBytes();
                if (!result.drained()) {
                    task.say(String.format(Locale.ROOT, "stopped by the scenario limit (%s) after %,d of %,d records: "
                            + "the figures are of that part", context.scenarioLimit(), result.processed(), total));
                }
                List<Figure> figures = new ArrayList<>();
                figures.add(Figure.of(NAME, "records/s", result.recordsPerSecond()).comparedWith("kafka-consumer").withTarget(">= 0.2x"));
                figures.add(Figure.of(NAME, "records", result.processed()));
                figures.add(Figure.of(NAME, "seconds", result.secondsFromFirstCommit()));
                figures.add(Figure.of(NAME, "peak RSS MB", result.peakMemory().peakRssMb()));
                figures.add(Figure.of(NAME, "heap used MB", heapUsed / (1024.0 * 1024.0)));
                return figures;
            }
        }
    }

    /** The missing events, as sitewatch-produce writes them: the harness's estate, inventory then changes. */
    private static void produce(BenchContext context, long events, ProgressLine.Task task) {
        task.say(String.format(Locale.ROOT, "the raw topics hold fewer than %,d events: producing %,d with the load generator",
                context.events(), events));
        try (LoadProducer producer = LoadProducer.connect(context.bootstrapServers())) {
            SendOutcome outcome = producer.send(new EstateLoad(EstateShape.benchmarkDefault(), EventClock.wall()).events(),
                    SendPlan.asFastAsPossible(events, context.scenarioLimit()), task, LoadProducer.AckListener.NONE);
            if (outcome.failed() > 0) {
                throw new IllegalStateException(outcome.failed() + " events were not written", outcome.firstError());
            }
        }
    }
}
