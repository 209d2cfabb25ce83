package org.sitewatch.bench.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;

/**
 * What Kafka Streams itself costs on this machine, before any of Sitewatch's processing: the ceiling for every
 * topology, so the streams app's ratio can be split into "Kafka Streams" and "what the topology does". Each pass
 * is a Kafka Streams app in this JVM (one stream thread, commit interval as the app's) reading the raw topics
 * from the start with a fresh application id, timed from its start until its committed offsets reach the ends:
 * <ol>
 *   <li>records passed through as bytes, at-least-once;</li>
 *   <li>the same under exactly-once v2, as the app runs;</li>
 *   <li>exactly-once, each record decoded into a Sitewatch event by the app's own serde;</li>
 *   <li>exactly-once, decoded and re-keyed by site through one repartition topic (the hop the app's site
 *       aggregation takes), read back and dropped.</li>
 * </ol>
 */
public final class StreamsFloorScenario implements Scenario {

    public static final String NAME = "streams-floor";

    private enum Pass {
        BYTES_AT_LEAST_ONCE("bytes, at-least-once", StreamsConfig.AT_LEAST_ONCE, false, false),
        BYTES_EXACTLY_ONCE("bytes, exactly-once", StreamsConfig.EXACTLY_ONCE_V2, false, false),
        EVENTS_EXACTLY_ONCE("decoded, exactly-once", StreamsConfig.EXACTLY_ONCE_V2, true, false),
        EVENTS_REPARTITIONED("decoded + site repartition, exactly-once", StreamsConfig.EXACTLY_ONCE_V2, true, true);

        final String label;
        final String guarantee;
        final boolean decode;
        final boolean repartition;

        Pass(String label, String guarantee, boolean decode, boolean repartition) {
            this.label = label;
            this.guarantee = guarantee;
            this.decode = decode;
            this.repartition = repartition;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Kafka Streams with no Sitewatch processing (in this JVM, one stream thread, commit interval "
                + StreamsAppProcess.COMMIT_INTERVAL.toMillis() + " ms) on the raw topics: bytes at-least-once, bytes "
                + "exactly-once, decoded events exactly-once, decoded and re-keyed by site through a repartition topic; "
                + "the ceiling any topology starts from";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        ProgressLine.Task task = context.progress(NAME);
        Path work = Files.createDirectories(context.workDir().resolve(NAME));
        long deadline = System.nanoTime() + context.scenarioLimit().toNanos();
        List<Figure> figures = new ArrayList<>();
        for (Pass pass : Pass.values()) {
            double perSecond = drain(context, pass, work, deadline, task);
            // One row per pass, each with the consumer's own measure name, so the table gives its ratio.
            figures.add(Figure.of(NAME + " (" + pass.label + ")", "records/s", perSecond).comparedWith("kafka-consumer"));
        }
        return figures;
    }

    private static double drain(BenchContext context, Pass pass, Path work, long deadline, ProgressLine.Task task)
            throws Exception {
        String applicationId = ScenarioIds.fresh("bench-floor");
        try (StreamsGroupProgress group = new StreamsGroupProgress(context.bootstrapServers(), applicationId)) {
            Map<TopicPartition, Long> ends = group.rawEnds();
            long total = StreamsGroupProgress.sum(ends) - StreamsGroupProgress.sum(group.rawBeginnings());
            task.say(String.format(Locale.ROOT, "%s: %,d records", pass.label, total));
            Properties properties = properties(context.bootstrapServers(), applicationId, pass, work.resolve(applicationId));
            try (KafkaStreams streams = new KafkaStreams(topology(pass).build(properties), properties)) {
                long start = System.nanoTime();
                streams.start();
                Map<TopicPartition, Long> target = ends;
                boolean rawDone = false;
                while (true) {
                    Map<TopicPartition, Long> committed = group.committed();
                    task.update(pass.label, group.rawProgress(committed, Map.of()), total);
                    if (group.reached(committed, target)) {
                        if (!pass.repartition || rawDone) {
                            return total / ((System.nanoTime() - start) / 1e9);
                        }
                        rawDone = true;
                        target = group.repartitionEnds();
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(pass.label + " did not drain within the scenario limit "
                                + context.scenarioLimit() + " (state " + streams.state() + ")");
                    }
                    if (streams.state() == KafkaStreams.State.ERROR) {
                        throw new IllegalStateException(pass.label + ": Kafka Streams stopped with an error; see the log");
                    }
                    Thread.sleep(DrainWatch.POLL_MILLIS);
                }
            }
        }
    }

    private static StreamsBuilder topology(Pass pass) {
        StreamsBuilder builder = new StreamsBuilder();
        if (!pass.decode) {
            for (TopicSpec<String, SitewatchEvent> topic : Topics.RAW) {
                builder.stream(topic.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())).foreach((k, v) -> { });
            }
            return builder;
        }
        KStream<String, SitewatchEvent> events = null;
        for (TopicSpec<String, SitewatchEvent> topic : Topics.RAW) {
            KStream<String, SitewatchEvent> stream = builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()));
            events = events == null ? stream : events.merge(stream);
        }
        if (!pass.repartition) {
            events.foreach((k, v) -> { });
            return builder;
        }
        Serde<String> strings = Serdes.String();
        events.map((k, e) -> KeyValue.pair(e.site(), e.key()))
                .repartition(Repartitioned.with(strings, strings).withName("floor-site"))
                .foreach((k, v) -> { });
        return builder;
    }

    private static Properties properties(String bootstrapServers, String applicationId, Pass pass, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, pass.guarantee);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, StreamsAppProcess.COMMIT_INTERVAL.toMillis());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        return p;
    }
}
