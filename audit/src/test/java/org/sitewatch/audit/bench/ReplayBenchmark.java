package org.sitewatch.audit.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.tools.ConsumerPerformance;
import org.sitewatch.audit.EventFilter;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.TimeRange;
import org.sitewatch.audit.export.ExportFormat;
import org.sitewatch.audit.export.ExportOutcome;
import org.sitewatch.audit.export.Exporter;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.kafka.ProgressListener;
import org.sitewatch.audit.replay.Replayer;
import org.sitewatch.audit.replay.ReplayResult;
import org.sitewatch.audit.replay.TimeMerge;
import org.sitewatch.broker.EmbeddedKafkaBroker;
import org.sitewatch.events.CloudEventSerde;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.Topics;

/**
 * Benchmark (not a test): replays N events (default 1,000,000) to JSON Lines and compares with Kafka's
 * own {@code ConsumerPerformance} reading the same topics in the same run, on one embedded broker.
 *
 * <p>Steps: start a broker in a temp dir; produce N realistic events ({@link BenchEvents}, mixed
 * types over 50 sites, 300-600 bytes each) with an idempotent zstd producer; run ConsumerPerformance
 * on each raw topic (it reads one topic per run; records and fetch time are summed); replay the whole
 * range to a JSON Lines temp file (decode, filter, sort by event time with spilled runs, canonical
 * form, SHA-256 and hash chain); each measurement twice, the second counts (JIT warm). Prints
 * records/s and MB/s of both and the ratio. Run it with {@code bench/replay-benchmark.sh}.
 */
public final class ReplayBenchmark {

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path dir = Files.createTempDirectory("sitewatch-bench-");
        System.out.printf(Locale.ROOT, "Sitewatch replay benchmark: %,d events, %d cores, max heap %d MB, Java %s%n", events,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).port(0).start()) {
            String servers = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                new TopicProvisioner(admin, (short) 1, Duration.ofSeconds(30)).ensure(Topics.ALL);
            }
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            Instant end = produce(servers, events, start);
            Rate cp = null;
            Rate replay = null;
            for (int round = 1; round <= 2; round++) {
                cp = consumerPerformance(servers, round);
                replay = replay(servers, new TimeRange(start, end.plusMillis(1)), dir, round);
            }
            System.out.printf(Locale.ROOT, "%nresult (round 2):%n");
            System.out.printf(Locale.ROOT, "  ConsumerPerformance  %,10.0f records/s  %7.1f MB/s read%n", cp.recordsPerSecond(), cp.mbPerSecond());
            System.out.printf(Locale.ROOT, "  replay to JSON Lines %,10.0f records/s  %7.1f MB/s read, %.1f MB/s written%n",
                    replay.recordsPerSecond(), cp.mbPerSecond() * replay.recordsPerSecond() / cp.recordsPerSecond(), replay.mbPerSecond());
            System.out.printf(Locale.ROOT, "  ratio replay / ConsumerPerformance: %.2f%n", replay.recordsPerSecond() / cp.recordsPerSecond());
        } finally {
            deleteTree(dir);
        }
    }

    /** Records and megabytes over seconds. */
    record Rate(long records, double megabytes, double seconds) {
        double recordsPerSecond() {
            return records / seconds;
        }

        double mbPerSecond() {
            return megabytes / seconds;
        }
    }

    private static Instant produce(String servers, int events, Instant start) {
        long t0 = System.nanoTime();
        BenchEvents generator = new BenchEvents(new Random(7), start);
        Instant last = start;
        long bytes = 0;
        CloudEventSerde serde = new CloudEventSerde();
        try (KafkaProducer<String, SitewatchEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024), new StringSerializer(), serde.serializer())) {
            for (int i = 0; i < events; i++) {
                SitewatchEvent e = generator.next();
                last = e.time();
                producer.send(new ProducerRecord<>(e.type().topic().name(), null, e.time().toEpochMilli(), e.key(), e));
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "produced %,d events in %.1f s (%,.0f/s), event time %s .. %s%n", events, seconds,
                events / seconds, start, last);
        return last;
    }

    /** ConsumerPerformance on each raw topic; its own fetch time (without group join) and bytes, summed. */
    private static Rate consumerPerformance(String servers, int round) throws Exception {
        long records = 0;
        double megabytes = 0;
        double fetchSeconds = 0;
        for (var topic : Topics.RAW) {
            long count = countRecords(servers, topic.name());
            if (count == 0) {
                continue;
            }
            String[] cpArgs = {"--bootstrap-server", servers, "--topic", topic.name(), "--messages", Long.toString(count),
                    "--group", "bench-" + round + "-" + topic.name(), "--hide-header", "--timeout", "30000"};
            String line = captureStdout(() -> ConsumerPerformance.main(cpArgs)).trim();
            // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
            // rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
            String[] f = line.split(",\\s*");
            megabytes += Double.parseDouble(f[2]);
            records += Long.parseLong(f[4]);
            fetchSeconds += Long.parseLong(f[7]) / 1000.0;
        }
        Rate rate = new Rate(records, megabytes, fetchSeconds);
        System.out.printf(Locale.ROOT, "round %d ConsumerPerformance: %,d records, %.1f MB in %.2f s fetch time: %,.0f records/s, %.1f MB/s%n",
                round, records, megabytes, fetchSeconds, rate.recordsPerSecond(), rate.mbPerSecond());
        return rate;
    }

    private static Rate replay(String servers, TimeRange range, Path dir, int round) throws Exception {
        Path out = dir.resolve("replay-" + round + ".jsonl");
        long t0 = System.nanoTime();
        ExportOutcome outcome;
        int spilled;
        double readSeconds;
        try (KafkaSource source = KafkaSource.connect(KafkaSettings.of(servers));
             ReplayResult result = new Replayer(source, TimeMerge.DEFAULT_BUFFER_RECORDS, dir)
                     .replay(new ReplayRequest(range, EventFilter.none(), Duration.ZERO, false), ProgressListener.NONE);
             OutputStream file = Files.newOutputStream(out)) {
            readSeconds = (System.nanoTime() - t0) / 1e9;
            spilled = result.spilledRuns();
            outcome = Exporter.export(result, ExportFormat.JSONL, file);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "  (read, decode, sort: %.2f s; merge, write, hash: %.2f s)%n", readSeconds, seconds - readSeconds);
        Rate rate = new Rate(outcome.records(), outcome.bytes() / 1e6, seconds);
        System.out.printf(Locale.ROOT, "round %d replay: %,d records to %.1f MB of JSON Lines in %.2f s (%d sorted runs spilled): %,.0f records/s%n",
                round, outcome.records(), outcome.bytes() / 1e6, seconds, spilled, rate.recordsPerSecond());
        Files.delete(out);
        return rate;
    }

    private static long countRecords(String servers, String topic) {
        try (KafkaSource source = KafkaSource.connect(KafkaSettings.of(servers))) {
            var partitions = source.partitions(List.of(topic));
            Map<org.apache.kafka.common.TopicPartition, Long> begin = source.beginningOffsets(partitions);
            return source.endOffsets(partitions).entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String captureStdout(Action action) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
