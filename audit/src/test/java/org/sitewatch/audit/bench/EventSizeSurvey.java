package org.sitewatch.audit.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sitewatch.broker.EmbeddedKafkaBroker;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.EventSink;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CloudEventSerde;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.Topics;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.proxmox.ProxmoxSimulator;

/**
 * Measures what one event costs in Kafka, from real collector output: the Proxmox collector polls
 * the simulator playing the built-in three-site scenario (one 4-minute loop, simulated time moved in
 * 5 s steps), every event it publishes is captured, and for each type the average serialized size is
 * reported: key + value + CloudEvents headers. The events are then written to an embedded broker with
 * the collectors' producer settings (zstd) to measure the bytes on disk per event. Not a test: run
 * with {@code bench/replay-benchmark.sh --survey}; the numbers go to {@code docs/audit.md}.
 */
public final class EventSizeSurvey {

    private EventSizeSurvey() {
    }

    public static void main(String[] args) throws Exception {
        List<SitewatchEvent> events = capture();
        Serializer<SitewatchEvent> serde = new CloudEventSerde().serializer();
        Map<String, long[]> byType = new TreeMap<>();
        long total = 0;
        for (SitewatchEvent e : events) {
            RecordHeaders headers = new RecordHeaders();
            byte[] value = serde.serialize(e.type().topic().name(), headers, e);
            long size = e.key().getBytes(StandardCharsets.UTF_8).length + value.length;
            for (Header h : headers) {
                size += h.key().getBytes(StandardCharsets.UTF_8).length + h.value().length;
            }
            long[] acc = byType.computeIfAbsent(e.type().typeName(), k -> new long[2]);
            acc[0]++;
            acc[1] += size;
            total += size;
        }
        System.out.printf(Locale.ROOT, "%-40s %8s %12s%n", "type", "events", "avg bytes");
        byType.forEach((type, acc) -> System.out.printf(Locale.ROOT, "%-40s %8d %12.0f%n", type, acc[0], (double) acc[1] / acc[0]));
        System.out.printf(Locale.ROOT, "%-40s %8d %12.0f   (key + value + header keys and values)%n", "all", events.size(),
                (double) total / events.size());
        System.out.printf(Locale.ROOT, "on disk with zstd, per event: %.0f bytes%n", onDisk(events));
    }

    private static List<SitewatchEvent> capture() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T00:00:00Z"));
        List<SitewatchEvent> captured = Collections.synchronizedList(new ArrayList<>());
        EventSink sink = new EventSink() {
            @Override
            public CompletableFuture<Void> publish(SitewatchEvent event) {
                captured.add(event);
                return CompletableFuture.completedFuture(null);
            }
        };
        try (ProxmoxSimulator simulator = ProxmoxSimulator.builder(Scenario.loadResource("/scenarios/default.yaml"))
                .clock(clock).tickInterval(null).build().start()) {
            List<EndpointConfig> endpoints = new ArrayList<>();
            for (String site : simulator.sites()) {
                endpoints.add(EndpointConfig.builder(site + "-pve", site, Platform.PROXMOX)
                        .setting("url", simulator.baseUrl(site))
                        .setting("api-token", simulator.apiToken(site)).pollInterval(Duration.ofMillis(100))
                        .timeout(Duration.ofSeconds(2)).build());
            }
            CollectorManager manager = new CollectorManager(endpoints, CollectorRegistry.discover(), sink,
                    new SimpleMeterRegistry(), clock, new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(300)));
            manager.start();
            try {
                for (int step = 0; step < 48; step++) {
                    clock.advance(Duration.ofSeconds(5));
                    simulator.tick();
                    long before = heartbeats(captured);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    // Each endpoint heartbeats after every poll: wait for a poll of each after the step.
                    while (heartbeats(captured) < before + endpoints.size() && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                }
            } finally {
                manager.stop();
            }
        }
        return new ArrayList<>(captured);
    }

    private static long heartbeats(List<SitewatchEvent> events) {
        synchronized (events) {
            return events.stream().filter(e -> e.type() == org.sitewatch.events.EventType.COLLECTOR_HEARTBEAT).count();
        }
    }

    private static double onDisk(List<SitewatchEvent> events) throws Exception {
        Path dir = Files.createTempDirectory("sitewatch-survey-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir).port(0).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1, Duration.ofSeconds(30)).ensure(Topics.ALL);
            try (KafkaProducer<String, SitewatchEvent> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd", ProducerConfig.LINGER_MS_CONFIG, 20,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new CloudEventSerde().serializer())) {
                String poll = null;
                for (SitewatchEvent e : events) {
                    // One batch per poll, as a collector publishes: events of one poll share site and time.
                    String thisPoll = e.site() + "@" + e.time();
                    if (poll != null && !poll.equals(thisPoll)) {
                        producer.flush();
                    }
                    poll = thisPoll;
                    producer.send(new ProducerRecord<>(e.type().topic().name(), null, e.time().toEpochMilli(), e.key(), e));
                }
            }
            long bytes = 0;
            Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(List.of(1)).allDescriptions()
                    .get(30, TimeUnit.SECONDS);
            for (LogDirDescription d : dirs.get(1).values()) {
                for (Map.Entry<org.apache.kafka.common.TopicPartition, ReplicaInfo> r : d.replicaInfos().entrySet()) {
                    if (Topics.RAW.stream().anyMatch(t -> t.name().equals(r.getKey().topic()))) {
                        bytes += r.getValue().size();
                    }
                }
            }
            return (double) bytes / events.size();
        }
    }
}
