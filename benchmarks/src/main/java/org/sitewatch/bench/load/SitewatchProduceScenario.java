package org.sitewatch.bench.load;

import java.util.List;
import java.util.Locale;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.bench.kafka.ProducerPerformanceScenario;

/**
 * {@code sitewatch-produce}: the load generator sending {@code events} events (initial inventory,
 * then changes) to the raw topics as fast as it can through the collectors' producer; building the
 * events (deterministic ids hash the JSON data) and serializing them count, as they do in a collector.
 * What it writes is what the consuming scenarios read.
 */
public final class SitewatchProduceScenario implements Scenario {

    public static final String NAME = "sitewatch-produce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "The load generator: N Sitewatch events, inventory then changes, through the collectors' KafkaEventSink";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        ProgressLine.Task progress = context.progress(NAME);
        EstateShape shape = EstateShape.benchmarkDefault();
        double recordBytes = RecordSize.meanOfRun(shape, context.events(), 5_000);
        SendOutcome outcome;
        try (LoadProducer producer = LoadProducer.connect(context.bootstrapServers())) {
            outcome = producer.send(new EstateLoad(shape, EventClock.wall()).events(),
                    SendPlan.asFastAsPossible(context.events(), context.scenarioLimit()), progress, LoadProducer.AckListener.NONE);
        }
        if (outcome.failed() > 0) {
            throw new IllegalStateException(outcome.failed() + " of " + outcome.sent() + " sends failed", outcome.firstError());
        }
        if (outcome.sent() < context.events()) {
            progress.say(String.format(Locale.ROOT, "stopped by the scenario limit after %,d of %,d events", outcome.sent(),
                    context.events()));
        }
        double rate = outcome.eventsPerSecond();
        return List.of(Figure.of(NAME, "records/s", rate).comparedWith(ProducerPerformanceScenario.NAME),
                Figure.of(NAME, "MB/s", rate * recordBytes / (1 << 20)).comparedWith(ProducerPerformanceScenario.NAME));
    }
}
