package org.sitewatch.audit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.sitewatch.audit.AuditDurations;
import org.sitewatch.audit.TimeExpressions;
import org.sitewatch.audit.export.Manifests;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.state.AsOfViewBuilder;
import org.sitewatch.audit.state.AsOfViews;
import org.sitewatch.audit.state.AlertsTopicHistory;
import org.sitewatch.audit.state.HealthConfig;
import org.sitewatch.audit.state.RebuiltState;
import org.sitewatch.audit.state.StateExport;
import org.sitewatch.audit.state.StateFormat;
import org.sitewatch.audit.state.StateRebuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sitewatch state --at}: the views as they were at an instant, rebuilt from the raw events. */
@Command(name = "state", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rebuilds the site views as they were at an instant by folding every retained event up to it",
                "with the streams app's own logic; prints what GET /api/sites and /api/sites/{site} answered then.",
                "Written to a file, the export gets a manifest beside it for 'sitewatch verify'.",
                "Exit codes: 0 done, 2 bad instant, unknown site or instant before retention, 3 Kafka unreachable."})
public final class StateCommand extends AuditCommand {

    @Option(names = "--at", required = true, paramLabel = "TIME", description = "The instant (ISO-8601, a date, now, or -2h ...).")
    String at;

    @Option(names = "--site", paramLabel = "SITE", description = "One site's detail instead of every site.")
    String site;

    @Option(names = "--format", paramLabel = "json|table", defaultValue = "json", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-", description = "Output file; - for stdout (default).")
    String output;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Manifest file (default: <output>.manifest.json; none for stdout unless given).")
    Path manifest;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The streams app's YAML or properties file, for its sitewatch.health.* rules and limits (default: the defaults).")
    Path config;

    @Option(names = "--max-lateness", paramLabel = "DURATION", defaultValue = "1h",
            description = "Read this far past --at for events that arrived late; 'unlimited' reads to the end (default ${DEFAULT-VALUE}).")
    String maxLateness;

    @Option(names = "--allow-truncated", description = "Rebuild from what is left when the instant is before the oldest retained event.")
    boolean allowTruncated;

    @Mixin
    ProgressOptions progress;

    @Mixin
    KafkaOptions kafka;

    @Override
    String name() {
        return "state";
    }

    @Override
    int execute() throws IOException {
        Instant instant = TimeExpressions.parse(at, Instant.now(), "--at");
        StateFormat stateFormat = StateFormat.parse(format);
        HealthConfig health = HealthConfig.load(config);
        Duration lateness = AuditDurations.parseOrUnlimited(maxLateness, "--max-lateness");
        try (KafkaSource source = KafkaSource.connect(kafka.settings());
             ExportTarget target = ExportTarget.open(output)) {
            RebuiltState state = new StateRebuilder(source, health.rules(), health.limits())
                    .rebuild(instant, lateness, allowTruncated, progress.listener("state", System.err));
            AsOfViews views = new AsOfViewBuilder(health.rules(), new AlertsTopicHistory(kafka.settings())).build(state, site);
            byte[] rendered = stateFormat.render(views);
            target.stream().write(rendered);
            target.commit();
            Path manifestFile = manifest != null ? manifest : target.file() == null ? null : Manifests.besides(target.file());
            if (manifestFile != null) {
                Manifests.write(manifestFile, StateExport.manifest(state, site, stateFormat,
                        target.file() == null ? "-" : target.file().getFileName().toString(), rendered, lateness, health,
                        source.bootstrapServers(), Instant.now()));
            }
            System.err.printf(Locale.ROOT, "state at %s rebuilt from %,d events%s%s%n", instant, state.stats().eventsFolded(),
                    target.file() == null ? "" : "; written to " + target.file(),
                    manifestFile == null ? "" : "; manifest " + manifestFile);
        }
        return 0;
    }
}
