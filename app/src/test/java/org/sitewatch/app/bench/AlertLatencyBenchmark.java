package org.sitewatch.app.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.sitewatch.app.EmbeddedStack;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.proxmox.ProxmoxSimulator;
import org.sitewatch.testsupport.AlertmanagerProcess;
import org.slf4j.LoggerFactory;

/**
 * Closing-note measurement of issue 4: the delay from a simulated vendor change (a Proxmox replication
 * job made to fail) to the {@code ReplicationFailed} alert listed by a real Alertmanager, over many runs.
 * Not a test: run it with {@code bench/alert-latency.sh}.
 *
 * <p>The simulator has no runtime step injection, so it plays a looping scenario: the job fails at
 * {@code FAIL_AT} of every {@code LOOP}, recovers right after, and succeeds at its next retry. The
 * change's wall-clock instant is the step's scheduled time: {@code engineStart + k x LOOP + FAIL_AT},
 * where {@code engineStart} is taken from the simulator's "listening" log line (the engine is created
 * just before, within milliseconds). Alertmanager is polled every 20 ms; a run counts when the alert
 * goes from absent (or resolved) to active. The measured delay includes the vendor's own reaction (the
 * job fails at its next attempt, every 1 s here) and the collector poll interval.
 *
 * <p>Arguments: {@code [runs=20] [pollIntervalMillis=1000] [maxSeconds=240]}.
 */
public final class AlertLatencyBenchmark {

    private static final Duration LOOP = Duration.ofSeconds(9);
    private static final Duration FAIL_AT = Duration.ofSeconds(1);

    private static final String SCENARIO = """
            loop: 9s
            sites:
              - name: bench-a
                cluster: bench-a
                token: "bench@pve!sitewatch=11111111-2222-4333-8444-555555555555"
                nodes: [ { name: pve-a1 }, { name: pve-a2 } ]
                vms:
                  - { vmid: 100, name: a-app, node: pve-a1, ha: true }
                replication:
                  - { guest: 100, target: pve-a2, schedule: "*/1", syncEverySeconds: 1, syncDuration: 100ms, retryUnitSeconds: 1 }
            timeline:
              - { at: 1s, site: bench-a, action: replication-fail, job: 100-0, error: "benchmark failure" }
              - { at: 2s, site: bench-a, action: replication-recover, job: 100-0 }
            """;

    private AlertLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Duration poll = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 1000);
        Duration max = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 240);
        Path dir = Files.createTempDirectory("sitewatch-alert-latency");

        AtomicLong engineStart = new AtomicLong();
        watchSimulatorStart(engineStart);

        List<Long> delays = new ArrayList<>();
        int missed = 0;
        try (AlertmanagerProcess am = AlertmanagerProcess.start(dir.resolve("alertmanager"));
             EmbeddedStack stack = new EmbeddedStack(new EmbeddedStack.Settings(dir.resolve("stack"), null, 0, 0, 0,
                     Scenario.parse(SCENARIO), poll, Map.of(
                             "sitewatch.streams.commit-interval", "100ms",
                             "sitewatch.streams.punctuate-interval", "1s",
                             "sitewatch.collectors.retry.max-backoff", "2s",
                             "sitewatch.collectors.retry.permanent-interval", "2s",
                             "sitewatch.alerting.alertmanager.urls[0]", am.url().toString(),
                             "sitewatch.alerting.alertmanager.resend-interval", "1s",
                             "sitewatch.alerting.poll-interval", "50ms",
                             "logging.level.root", "WARN",
                             "logging.level.org.sitewatch.simulator", "INFO")))) {
            stack.start();
            if (engineStart.get() == 0) {
                throw new IllegalStateException("did not see the simulator start");
            }
            Instant start = Instant.ofEpochMilli(engineStart.get());
            Instant end = Instant.now().plus(max);
            // Skip the iterations that began before the stack was up.
            long iteration = Duration.between(start, Instant.now()).toMillis() / LOOP.toMillis() + 1;
            System.out.printf("stack up %d ms after the simulator; first measured loop %d%n",
                    Duration.between(start, Instant.now()).toMillis(), iteration);
            while (delays.size() < runs && Instant.now().isBefore(end)) {
                Instant change = start.plus(LOOP.multipliedBy(iteration)).plus(FAIL_AT);
                Instant nextChange = change.plus(LOOP);
                // Before the change: the previous run's alert must be gone, else this run cannot be told apart.
                boolean clean = !active(am);
                while (Instant.now().isBefore(change)) {
                    Thread.sleep(5);
                }
                Instant seen = null;
                while (Instant.now().isBefore(nextChange)) {
                    if (active(am)) {
                        seen = Instant.now();
                        break;
                    }
                    Thread.sleep(20);
                }
                if (seen != null && clean) {
                    long ms = Duration.between(change, seen).toMillis();
                    delays.add(ms);
                    System.out.printf("run %2d (loop %d): %5d ms%n", delays.size(), iteration, ms);
                } else {
                    missed++;
                    System.out.printf("loop %d not measured (%s)%n", iteration, clean ? "alert not seen" : "previous alert still active");
                }
                iteration = Duration.between(start, Instant.now()).toMillis() / LOOP.toMillis();
                if (Duration.between(start, Instant.now()).toMillis() % LOOP.toMillis() >= FAIL_AT.toMillis()) {
                    iteration++;
                }
                // Wait for the resolution before the next change.
                Instant nextStart = start.plus(LOOP.multipliedBy(iteration)).plus(FAIL_AT).minusMillis(200);
                while (Instant.now().isBefore(nextStart) && active(am)) {
                    Thread.sleep(50);
                }
            }
        }
        report(delays, missed, poll);
        System.exit(0);
    }

    private static boolean active(AlertmanagerProcess am) throws Exception {
        for (JsonNode a : am.alerts("ReplicationFailed", "bench-a")) {
            String endsAt = a.path("endsAt").asText("");
            if (endsAt.isEmpty() || Instant.parse(endsAt).isAfter(Instant.now())) {
                return true;
            }
        }
        return false;
    }

    private static void report(List<Long> delays, int missed, Duration poll) {
        if (delays.isEmpty()) {
            System.out.println("no run measured");
            return;
        }
        List<Long> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        System.out.printf("%nReplicationFailed: vendor change -> listed by Alertmanager, collector poll interval %d ms%n",
                poll.toMillis());
        System.out.printf("runs %d (not measured %d)  p50 %d ms  p99 %d ms  max %d ms  min %d ms%n", sorted.size(), missed,
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.get(0));
    }

    /** Nearest rank. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Records the instant the simulator logs that it listens: its engine (and timeline) started just before. */
    private static void watchSimulatorStart(AtomicLong at) {
        Logger logger = (Logger) LoggerFactory.getLogger(ProxmoxSimulator.class);
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                if (e.getFormattedMessage().startsWith("Proxmox simulator listening") && at.get() == 0) {
                    at.set(e.getTimeStamp());
                }
            }
        };
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }
}
