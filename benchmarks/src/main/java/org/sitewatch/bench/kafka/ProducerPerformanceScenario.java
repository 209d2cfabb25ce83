package org.sitewatch.bench.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.tools.ProducerPerformance;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.bench.load.EstateShape;
import org.sitewatch.bench.load.RecordSize;

/**
 * {@code kafka-producer}: Kafka's own ProducerPerformance sending {@code events} records of the load
 * generator's mean record size (key, CloudEvents headers and JSON value together), unthrottled, with
 * the collectors' producer settings, to a scratch topic partitioned like the raw topics. The yardstick
 * of {@code sitewatch-produce}.
 */
public final class ProducerPerformanceScenario implements Scenario {

    public static final String NAME = "kafka-producer";

    /** ProducerPerformance's final line: {@code 1000 records sent, 123.4 records/sec (0.06 MB/sec), ... ms 99.9th.} */
    static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th\\.");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Kafka's ProducerPerformance: N records of Sitewatch's mean record size, acks=all, idempotent, zstd, linger 20 ms";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        ProgressLine.Task progress = context.progress(NAME);
        int recordSize = (int) Math.round(RecordSize.meanOfRun(EstateShape.benchmarkDefault(), context.events(), 5_000));
        String topic = ScratchTopic.create(context.bootstrapServers(), "bench.kafka-producer");
        progress.say(String.format(Locale.ROOT, "%,d records of %d bytes to %s", context.events(), recordSize, topic));
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(context.events()),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + context.bootstrapServers()));
        args.addAll(CollectorProducerSettings.PROPS);
        List<String> output = KafkaTool.run("ProducerPerformance", ProducerPerformance::main, args.toArray(String[]::new),
                line -> progress.say(line), context.scenarioLimit());
        Matcher summary = summary(output);
        return List.of(Figure.of(NAME, "records/s", Double.parseDouble(summary.group(2))),
                Figure.of(NAME, "MB/s", Double.parseDouble(summary.group(3))),
                Figure.of(NAME, "p99 ms", Double.parseDouble(summary.group(8))));
    }

    static Matcher summary(List<String> output) {
        for (int i = output.size() - 1; i >= 0; i--) {
            Matcher m = SUMMARY.matcher(output.get(i));
            if (m.find()) {
                return m;
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary line; its output: " + output);
    }
}
