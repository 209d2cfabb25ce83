package org.sitewatch.audit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.sitewatch.audit.AuditDurations;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.TimeRange;
import org.sitewatch.audit.export.ExportFormat;
import org.sitewatch.audit.export.ExportOutcome;
import org.sitewatch.audit.export.Exporter;
import org.sitewatch.audit.export.Manifest;
import org.sitewatch.audit.export.Manifests;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.replay.Replayer;
import org.sitewatch.audit.replay.ReplayResult;
import org.sitewatch.audit.replay.TimeMerge;
import org.sitewatch.audit.replay.Undecodable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sitewatch replay}: the raw events of a time range, in event-time order, with a manifest. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays the raw events of a time range from Kafka, in event-time order, as JSON Lines, CSV or a timeline.",
                "Written to a file, the export gets a manifest beside it (<file>.manifest.json) for 'sitewatch verify'.",
                "Times: ISO-8601 (2026-11-27T03:00:00Z), a date (2026-11-27 = start of day UTC), now, or relative (-7d, -12h, -30m).",
                "Exit codes: 0 done, 2 bad range, filter, unknown site or range before retention, 3 Kafka unreachable."})
public final class ReplayCommand extends AuditCommand {

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start of the range (inclusive).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", defaultValue = "now", description = "End of the range (exclusive; default ${DEFAULT-VALUE}).")
    String to;

    @Mixin
    FilterOptions filters;

    @Option(names = "--format", paramLabel = "jsonl|csv|timeline", defaultValue = "jsonl", description = "Export format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-", description = "Export file; - for stdout (default).")
    String output;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Manifest file (default: <output>.manifest.json; none for stdout unless given).")
    Path manifest;

    @Option(names = "--max-lateness", paramLabel = "DURATION", defaultValue = "1h",
            description = "Read each partition this far past --to, to find events that arrived late; 'unlimited' reads to the end (default ${DEFAULT-VALUE}).")
    String maxLateness;

    @Option(names = "--allow-truncated", description = "Replay what is left when the range starts before the oldest retained event.")
    boolean allowTruncated;

    @Option(names = "--sort-buffer", paramLabel = "RECORDS", defaultValue = "" + TimeMerge.DEFAULT_BUFFER_RECORDS,
            description = "Records sorted in memory before spilling sorted runs to temp files (default ${DEFAULT-VALUE}).")
    int sortBuffer;

    @Mixin
    ProgressOptions progress;

    @Mixin
    KafkaOptions kafka;

    @Override
    String name() {
        return "replay";
    }

    @Override
    int execute() throws IOException {
        ExportFormat exportFormat = ExportFormat.parse(format);
        ReplayRequest request = new ReplayRequest(TimeRange.parse(from, to, Instant.now()), filters.filter(),
                AuditDurations.parseOrUnlimited(maxLateness, "--max-lateness"), allowTruncated);
        try (KafkaSource source = KafkaSource.connect(kafka.settings());
             ReplayResult result = new Replayer(source, sortBuffer, null).replay(request, progress.listener("replay", System.err));
             ExportTarget target = ExportTarget.open(output)) {
            ExportOutcome outcome = Exporter.export(result, exportFormat, target.stream());
            target.commit();
            Path manifestFile = manifest != null ? manifest : target.file() == null ? null : Manifests.besides(target.file());
            if (manifestFile != null) {
                String fileName = target.file() == null ? "-" : target.file().getFileName().toString();
                Manifests.write(manifestFile, Manifest.forReplay(result, exportFormat, fileName, outcome,
                        source.bootstrapServers(), Instant.now()));
            }
            report(result, outcome, target.file(), manifestFile);
        }
        return 0;
    }

    private static void report(ReplayResult r, ExportOutcome outcome, Path file, Path manifestFile) {
        System.err.printf(Locale.ROOT, "replayed %,d events of %s (filters: %s) from %,d records read%s%s%n",
                outcome.records(), r.request().range(), r.request().filter().describe(), r.read(),
                r.late() == 0 ? "" : String.format(Locale.ROOT, "; %,d arrived late and were put in event-time order", r.late()),
                r.truncated() ? "; WARNING: the range starts before the oldest retained event (" + r.oldestAvailable() + ")" : "");
        if (r.undecodable().count() > 0) {
            System.err.printf(Locale.ROOT, "%,d records are not valid Sitewatch events and were left out, e.g.:%n", r.undecodable().count());
            for (Undecodable u : r.undecodable().samples().subList(0, Math.min(3, r.undecodable().samples().size()))) {
                System.err.println("  " + u.coordinates() + ": " + u.reason());
            }
        }
        if (file != null) {
            System.err.println("export:   " + file + " (" + outcome.bytes() + " bytes, sha256 " + outcome.sha256() + ")");
        }
        if (manifestFile != null) {
            System.err.println("manifest: " + manifestFile + " (hash chain head " + outcome.chainHead() + ")");
        }
    }
}
