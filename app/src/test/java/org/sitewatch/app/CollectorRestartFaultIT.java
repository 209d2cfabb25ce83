package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.runtime.CollectorMetrics;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.events.VmState;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.testsupport.TestKafka;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault suite 4 (issue 15): a collector killed hard and restarted. {@code sitewatch collectors} runs as a child
 * JVM against a broker in this JVM and the simulator's oVirt engine, whose event list the collector reads as its
 * checkpointed event history (cursor = the engine's event index). The simulator runs on a clock the test moves,
 * so the engine's events and the VM removal happen exactly when the test says: an HA VM live-migrates every
 * simulated 2 s (events 62 VM_MIGRATION_START and 63 VM_MIGRATION_DONE, two per migration, each an
 * {@code ha.action} with the engine's index as its id). The collector is killed (SIGKILL) while events keep
 * coming, a VM is deleted while it is down, and it is started again (in this JVM, assembled as {@code sitewatch
 * collectors} assembles it: a second child JVM would only add start time). Read back from the raw topic with
 * read_committed: every engine event since the collector's first read exactly once (no gap, no repeat), and the
 * deleted VM reported removed. Last, a container stop with Kafka down: the restarted collectors' Spring context
 * closes within Docker's 10 s although heartbeats wait for a broker that is gone.
 */
class CollectorRestartFaultIT {

    private static final String SITE = "rhv-f";
    private static final int MIGRATIONS = 40;
    /** Simulated second at which VM old01 is deleted: while the collector is down. */
    private static final int REMOVAL_AT = 45;
    /** Two per migration, except the two migrations before the collector's first read. */
    private static final int EXPECTED_EVENTS = 2 * (MIGRATIONS - 2);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The collectors' actuator is not what is tested: without a web server they start in half the time. */
    private static final String NO_WEB_SERVER = "spring.main.web-application-type";

    @TempDir
    static Path dir;
    private static TestKafka kafka;
    private static SimulatedTime time;
    private static Simulator simulator;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start(dir.resolve("kafka"));
        time = new SimulatedTime(scenario(), Duration.ofMillis(100));
        simulator = time.simulator();
    }

    @AfterAll
    static void stop() {
        if (time != null) {
            time.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aKilledCollectorResumesItsEventHistoryWithNoGapAndNoRepeatAndReportsWhatWasRemovedWhileDown() throws Exception {
        SimulatedEndpoint endpoint = simulator.endpoints().get(0);
        String source = "/sitewatch/collectors/ovirt/" + endpoint.id();
        Path config = collectorConfig();

        time.moveTo(4); // the engine has history before the collector's first read, which starts after it
        await().atMost(WAIT).until(() -> time.second() >= 4);
        Process first = ChildCollectors.start(dir, "collectors-1", kafka.bootstrapServers(), config);
        long firstCursor;
        try {
            await("the collector's first read of the event history (its cursor stored)").atMost(WAIT)
                    .until(() -> ChildCollectors.alive(first, dir) && historyCursor(endpoint.id()) != null);
            firstCursor = Long.parseLong(historyCursor(endpoint.id()));

            time.moveTo(20);
            await("the events of 8 migrations published").atMost(WAIT)
                    .until(() -> ChildCollectors.alive(first, dir) && engineEventIds(source).size() >= 16);
            time.moveTo(30); // the kill comes while the engine keeps writing events and the collector reads them
            await().atMost(WAIT).until(() -> time.second() >= 24);
        } finally {
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(first.isAlive()).isFalse();
        long publishedBeforeKill = engineEventIds(source).size();

        time.moveTo(2 * MIGRATIONS + 2); // old01 deleted and more migrations, all while the collector is down
        await("the simulation played to its end").atMost(WAIT).until(() -> time.second() >= 2 * MIGRATIONS + 2);

        // Restarted in this JVM, as 'sitewatch collectors' assembles it (a second child JVM would only add start time).
        ConfigurableApplicationContext second = SpringLauncher.start(Map.of(
                "sitewatch.streams.enabled", "false", "sitewatch.alerting.enabled", "false", NO_WEB_SERVER, "none",
                "sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.config.additional-location", "file:" + config,
                // A write to a missing Kafka fails after 3 s, not 15: the polls go on sooner during the outage below.
                "sitewatch.collectors.producer.max.block.ms", "3000"), List.of());
        try {
            await("old01, deleted while the collector was down, reported removed").atMost(WAIT)
                    .until(() -> removedVms().contains("old01"));
            await("every migration's events published").atMost(WAIT)
                    .until(() -> engineEventIds(source).size() >= EXPECTED_EVENTS);
        } catch (RuntimeException | Error e) {
            second.close();
            throw e;
        }
        List<String> ids = engineEventIds(source);
        List<String> removed = removedVms();

        // Then a container stop with Kafka down: heartbeats Kafka cannot take pile up, the stop stays bounded.
        kafka.stopBroker();
        double pollsAtOutage = okPolls(second);
        await("the collector polls on with Kafka down").atMost(WAIT).until(() -> okPolls(second) >= pollsAtOutage + 1);
        long t0 = System.nanoTime();
        second.close();
        Duration stopTook = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("the collectors' Spring context closed with Kafka down in %d ms%n", stopTook.toMillis());
        assertThat(stopTook).as("stop with Kafka down, within Docker's 10 s").isLessThan(Duration.ofSeconds(10));

        Map<String, Long> counts = ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(publishedBeforeKill).as("the kill fell between the first events and the last").isBetween(16L,
                EXPECTED_EVENTS - 1L);
        assertThat(counts.keySet()).as("every engine event after the first read's cursor %d, no gap", firstCursor)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(firstCursor + 1, firstCursor + EXPECTED_EVENTS)
                        .mapToObj(Long::toString).toList());
        assertThat(counts).as("no event twice").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(removed).as("only the deleted VM is removed").containsExactly("old01");
    }

    /** Two migrations of web01 every 4 simulated seconds, old01 deleted at {@value #REMOVAL_AT} s. */
    private static String scenario() {
        StringBuilder timeline = new StringBuilder();
        for (int i = 0; i < MIGRATIONS; i++) {
            timeline.append(String.format("  - { at: %ds, cluster: %s, action: ha-migrate, sid: \"vm:101\", node: %s }%n",
                    2 * i + 1, SITE, i % 2 == 0 ? "rhv-f2" : "rhv-f1"));
        }
        timeline.append(String.format("  - { at: %ds, cluster: %s, action: vm-remove, vmid: 103 }%n", REMOVAL_AT, SITE));
        return """
                clusters:
                  - name: rhv-f
                    platform: ovirt
                    site: rhv-f
                    cluster: rhv-f
                    password: "rhv-f-simulated"
                    ha: { crmRound: 1s }
                    nodes:
                      - { name: rhv-f1 }
                      - { name: rhv-f2 }
                    vms:
                      - { vmid: 100, name: db01, node: rhv-f1, ha: true }
                      - { vmid: 101, name: web01, node: rhv-f1, ha: true }
                      - { vmid: 103, name: old01, node: rhv-f2 }
                timeline:
                """ + timeline;
    }

    private static Path collectorConfig() throws Exception {
        Properties properties = new Properties();
        properties.putAll(SimulatedEndpointProperties.of(simulator.endpoints(), Duration.ofMillis(300)));
        properties.putAll(FastStack.TIMINGS);
        Path file = dir.resolve("collectors.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, null);
        }
        return file;
    }

    /** The ids (engine event indexes) of the HA actions this collector published, as committed. */
    private static List<String> engineEventIds(String source) {
        return kafka.readCommitted(Topics.HA).stream().filter(e -> e.source().toString().equals(source)
                && e.data() instanceof HaAction).map(SitewatchEvent::id).toList();
    }

    /** Successful polls of the collectors in {@code context}. */
    private static double okPolls(ConfigurableApplicationContext context) {
        return context.getBeanProvider(MeterRegistry.class).getIfAvailable(() -> Metrics.globalRegistry).find(CollectorMetrics.POLLS).tag("outcome", "ok").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** The names of the VMs of the site reported removed. */
    private static List<String> removedVms() {
        return kafka.readCommitted(Topics.VM).stream().map(SitewatchEvent::data)
                .filter(d -> d instanceof VmState v && v.site().equals(SITE) && v.removed())
                .map(d -> ((VmState) d).name()).toList();
    }

    /** The collector's stored history cursor, null before its first read. */
    private static String historyCursor(String collectorId) {
        String key = collectorId + "/history/cursor";
        String value = null;
        for (var record : kafka.readCommittedRecords(Topics.COLLECTOR_CHECKPOINTS)) {
            if (record.key().equals(key)) {
                value = record.value();
            }
        }
        return value;
    }

    /** {@code sitewatch collectors} in a JVM of its own, on this test's classpath; its output in {@code <name>.log}. */
    static final class ChildCollectors {

        private ChildCollectors() {
        }

        static Process start(Path dir, String name, String bootstrapServers, Path config) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", classpath, SitewatchCli.class.getName(), "collectors", "--kafka-bootstrap-servers", bootstrapServers,
                    "--port", "0", "--config", config.toString(), "--" + NO_WEB_SERVER + "=none"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("SITEWATCH_"));
            return builder.start();
        }

        /** True while it runs; a child that ended fails the test with its output. */
        static boolean alive(Process process, Path dir) throws Exception {
            if (!process.isAlive()) {
                StringBuilder logs = new StringBuilder();
                try (var files = Files.list(dir)) {
                    for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                        logs.append(log.getFileName()).append(":\n").append(Files.readString(log));
                    }
                }
                throw new AssertionError("the collectors process ended (exit " + process.exitValue() + "):\n" + logs);
            }
            return true;
        }
    }
}
