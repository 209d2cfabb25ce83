package org.sitewatch.bench.replay;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.sitewatch.audit.EventFilter;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.TimeRange;
import org.sitewatch.audit.export.ExportFormat;
import org.sitewatch.audit.export.ExportOutcome;
import org.sitewatch.audit.export.Exporter;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.replay.ReplayResult;
import org.sitewatch.audit.replay.Replayer;
import org.sitewatch.audit.replay.TimeMerge;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.bench.kafka.ConsumerPerformanceScenario;

/**
 * {@code replay-export}: {@code sitewatch replay --format jsonl -o FILE} over every raw event, done
 * as the command does it: the audit {@link Replayer} (read, decode and validate, sort by event time
 * with spilled runs) and {@link Exporter} (canonical JSON Lines, SHA-256, hash chain) into a file.
 * Timed from connecting to the last byte written; compared with {@code kafka-consumer}.
 */
public final class ReplayExportScenario implements Scenario {

    public static final String NAME = "replay-export";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "The audit replay of all raw events to JSON Lines (Replayer + Exporter, as 'sitewatch replay')";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        ProgressLine.Task progress = context.progress(NAME);
        Path dir = Files.createDirectories(context.workDir().resolve(NAME));
        Path file = dir.resolve("replay.jsonl");
        // Everything the run wrote: the generator stamps events with the wall clock of this run.
        TimeRange range = new TimeRange(Instant.EPOCH, Instant.now().plusSeconds(1));
        long start = System.nanoTime();
        ExportOutcome outcome;
        try (KafkaSource source = KafkaSource.connect(KafkaSettings.of(context.bootstrapServers()));
             ReplayResult result = new Replayer(source, TimeMerge.DEFAULT_BUFFER_RECORDS, dir)
                     .replay(ReplayRequest.of(range, EventFilter.none()), new ReadProgress(progress));
             OutputStream out = Files.newOutputStream(file)) {
            outcome = Exporter.export(result, ExportFormat.JSONL, out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.deleteIfExists(file);
        if (outcome.records() == 0) {
            throw new IllegalStateException("the replay exported no event");
        }
        progress.say(String.format(Locale.ROOT, "%,d events to %.1f MB of JSON Lines in %.2f s", outcome.records(),
                outcome.bytes() / 1e6, seconds));
        return List.of(Figure.of(NAME, "records/s", outcome.records() / seconds)
                        .comparedWith(ConsumerPerformanceScenario.NAME).withTarget(">= 0.5x"),
                Figure.of(NAME, "JSONL MB/s written", outcome.bytes() / (double) (1 << 20) / seconds));
    }
}
