package org.sitewatch.bench.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.state.AlertsTopicHistory;
import org.sitewatch.audit.state.AsOfViewBuilder;
import org.sitewatch.audit.state.AsOfViews;
import org.sitewatch.audit.state.HealthConfig;
import org.sitewatch.audit.state.RebuiltState;
import org.sitewatch.audit.state.StateFormat;
import org.sitewatch.audit.state.StateRebuilder;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;

/**
 * {@code state-at}: {@code sitewatch state --at now} over every raw event, with the classes the
 * command uses: {@link StateRebuilder} folds all events through the core's estate, then
 * {@link AsOfViewBuilder} builds the site views (alerts from the alerts topic) and they are rendered
 * as JSON. Timed end to end; the target is for 1,000,000 events.
 */
public final class StateAtScenario implements Scenario {

    public static final String NAME = "state-at";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "'sitewatch state --at now' over all raw events (StateRebuilder + AsOfViewBuilder, default health rules)";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        ProgressLine.Task progress = context.progress(NAME);
        KafkaSettings settings = KafkaSettings.of(context.bootstrapServers());
        HealthConfig health = HealthConfig.defaults();
        long start = System.nanoTime();
        RebuiltState state;
        byte[] rendered;
        try (KafkaSource source = KafkaSource.connect(settings)) {
            // As the command's default --max-lateness of 1h.
            state = new StateRebuilder(source, health.rules(), health.limits())
                    .rebuild(Instant.now(), Duration.ofHours(1), false, new ReadProgress(progress));
            AsOfViews views = new AsOfViewBuilder(health.rules(), new AlertsTopicHistory(settings)).build(state, null);
            rendered = StateFormat.parse("json").render(views);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long folded = state.stats().eventsFolded();
        if (folded == 0) {
            throw new IllegalStateException("the state was rebuilt from no event");
        }
        progress.say(String.format(Locale.ROOT, "state of %,d sites rebuilt from %,d events (%,d bytes of JSON) in %.2f s",
                state.estate().sites().size(), folded, rendered.length, seconds));
        return List.of(Figure.of(NAME, "s", seconds).withTarget("< 30 s"),
                Figure.of(NAME, "events folded/s", folded / seconds));
    }
}
