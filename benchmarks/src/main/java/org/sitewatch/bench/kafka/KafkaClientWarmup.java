package org.sitewatch.bench.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.tools.ProducerPerformance;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.ProgressLine;

/**
 * Runs Kafka's producer and consumer clients once through ProducerPerformance and
 * ConsumerPerformance on a throw-away topic before any figure is taken, so the first Kafka figures
 * are not those of a cold JVM. Sitewatch's own code gets no such warm-up: its figures are of its
 * first pass, which favours Kafka if anything.
 */
public final class KafkaClientWarmup {

    private KafkaClientWarmup() {
    }

    public static void run(BenchContext context) throws Exception {
        ProgressLine.Task progress = context.progress("warm-up");
        long records = Math.max(1_000, Math.min(100_000, context.events() / 10));
        String topic = ScratchTopic.create(context.bootstrapServers(), "bench.warmup");
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(records), "--record-size",
                "500", "--throughput", "-1", "--producer-props", "bootstrap.servers=" + context.bootstrapServers()));
        args.addAll(CollectorProducerSettings.PROPS);
        KafkaTool.run("ProducerPerformance", ProducerPerformance::main, args.toArray(String[]::new), line -> { },
                context.scenarioLimit());
        ConsumerPerformanceScenario.readAll(context, topic);
        progress.say(String.format(Locale.ROOT, "Kafka's producer and consumer clients warmed up with %,d records", records));
    }
}
