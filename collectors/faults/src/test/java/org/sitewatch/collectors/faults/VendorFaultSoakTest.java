package org.sitewatch.collectors.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.runtime.CollectorMetrics;
import org.sitewatch.collectors.runtime.EndpointRunner;
import org.sitewatch.collectors.runtime.InMemoryEventSink;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.Platform;
import org.sitewatch.testsupport.TestCertificates;

/**
 * The soak of fault suite 5: 1,000 faulty polls, mixed faults (every fault of {@link VendorFault},
 * the time-outs included), at a fast poll interval, against five collectors at once, leave the live
 * thread count and the heap used after GC flat. Measured once the runners are warm (the first 100
 * polls, which load classes and fill the TLS session caches) and again after 1,000 more; then once
 * more after every runner stopped, against the count before any started. Every poll is classified:
 * none ends as INTERNAL. Run with {@code -Psoak} (about half a minute, outside the default build).
 */
@Tag("soak")
class VendorFaultSoakTest {

    private static final int WARM_UP_POLLS = 100;
    private static final int SOAK_POLLS = 1_000;
    private static final int THREAD_TOLERANCE = 8;
    private static final long HEAP_TOLERANCE_BYTES = 24L * 1024 * 1024;
    private static final VendorFault[] MIX = {VendorFault.HTTP_5XX, VendorFault.HTTP_401, VendorFault.HTTP_403,
        VendorFault.HTTP_429, VendorFault.MALFORMED, VendorFault.TRUNCATED, VendorFault.OVER_CAP, VendorFault.TIME_OUT,
        VendorFault.SLOW_DRIP};

    @TempDir
    Path dir;

    @Test
    void aThousandFaultyPollsLeaveThreadsAndHeapFlat() {
        TestCertificates trusted = TestCertificates.create(dir.resolve("trusted"));
        TestCertificates untrusted = TestCertificates.create(dir.resolve("untrusted"));
        AtomicLong next = new AtomicLong();
        MeterRegistry registry = new SimpleMeterRegistry();
        int threadsBeforeStart = liveThreadsAfterGc();
        java.util.Set<String> namesBeforeStart = threadNames();
        List<EndpointRunner> runners = new ArrayList<>();
        try (FaultServer mixed = new FaultServer("127.0.0.1", trusted, () -> MIX[(int) (next.getAndIncrement() % MIX.length)]);
             FaultServer wrongCertificate = new FaultServer("127.0.0.1", untrusted, () -> VendorFault.HTTP_5XX)) {
            Platform[] platforms = {Platform.PROXMOX, Platform.VSPHERE, Platform.OVIRT, Platform.ORACLEVM, Platform.CITRIX};
            for (Platform p : platforms) {
                runners.add(runner(p.wire() + "-soak", p, mixed.origin(), trusted, registry));
            }
            runners.add(runner("proxmox-soak-certificate", Platform.PROXMOX, wrongCertificate.origin(), trusted, registry));
            runners.add(runner("oraclevm-soak-refused", Platform.ORACLEVM,
                    "https://127.0.0.1:" + FaultServer.refusedPort(), trusted, registry));
            runners.forEach(EndpointRunner::start);

            await().atMost(Duration.ofSeconds(60)).until(() -> failedPolls(registry) >= WARM_UP_POLLS);
            int threadsBefore = liveThreadsAfterGc();
            long heapBefore = usedHeapAfterGc();
            long pollsBefore = failedPolls(registry);

            await().atMost(Duration.ofSeconds(120)).until(() -> failedPolls(registry) >= pollsBefore + SOAK_POLLS);
            long polls = failedPolls(registry) - pollsBefore;
            // Threads of finished exchanges (an HTTP client's selector, a cancelled read) end on their own: wait for them.
            await().atMost(Duration.ofSeconds(15)).until(() -> liveThreadsAfterGc() <= threadsBefore + THREAD_TOLERANCE);
            int threadsAfter = liveThreadsAfterGc();
            long heapAfter = usedHeapAfterGc();

            // One println of a finished line: printf writes in pieces, which the collectors' log lines cut apart.
            System.out.println(String.format("VendorFaultSoakTest: %d faulty polls (%d requests served); live threads "
                    + "%d -> %d; used heap after GC %.1f MiB -> %.1f MiB", polls, mixed.requests() + wrongCertificate.requests(),
                    threadsBefore, threadsAfter, heapBefore / 1048576.0, heapAfter / 1048576.0));
            assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + THREAD_TOLERANCE);
            assertThat(heapAfter).isLessThanOrEqualTo(heapBefore + HEAP_TOLERANCE_BYTES);
            assertThat(errorsOfKind(registry, CollectorErrorKind.INTERNAL)).as("polls that ended unclassified").isZero();
            for (CollectorErrorKind kind : new CollectorErrorKind[] {CollectorErrorKind.HTTP_5XX, CollectorErrorKind.AUTH,
                CollectorErrorKind.HTTP_4XX, CollectorErrorKind.MALFORMED, CollectorErrorKind.CONNECT,
                CollectorErrorKind.TIMEOUT, CollectorErrorKind.TLS}) {
                assertThat(errorsOfKind(registry, kind)).as("polls failed as " + kind).isPositive();
            }
        } finally {
            runners.forEach(EndpointRunner::stop);
            // Java 17's HttpClient has no close(): its threads end once the client is unreachable and collected.
            runners.clear();
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> liveThreadsAfterGc() <= threadsBeforeStart + THREAD_TOLERANCE);
        } finally {
            System.out.println(String.format("VendorFaultSoakTest: live threads before any runner started %d, after all "
                    + "stopped %d%s", threadsBeforeStart, liveThreadsAfterGc(), newThreads(namesBeforeStart)));
        }
    }

    private EndpointRunner runner(String id, Platform platform, String origin, TestCertificates trusted,
                                  MeterRegistry registry) {
        EndpointConfig endpoint = FaultTargets.endpoint(id, platform, origin, trusted.caPem(), dir,
                Duration.ofMillis(20), Duration.ofMillis(400));
        // Fast retries of every kind, permanent ones too, so the soak is a thousand polls, not a thousand waits.
        RetryPolicy fast = new RetryPolicy(Duration.ofMillis(40), Duration.ofMillis(40));
        return new EndpointRunner(endpoint, FaultTargets.factory(platform), new InMemoryEventSink(), registry,
                Clock.systemUTC(), fast);
    }

    private static long failedPolls(MeterRegistry registry) {
        return (long) registry.find(CollectorMetrics.POLLS).tag("outcome", "error").counters().stream()
                .mapToDouble(Counter::count).sum()
                + (long) registry.find(CollectorMetrics.POLLS).tag("outcome", "auth_failed").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static long errorsOfKind(MeterRegistry registry, CollectorErrorKind kind) {
        return (long) registry.find(CollectorMetrics.ERRORS).tag("kind", kind.name()).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static java.util.Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(t -> t.getName() + "#" + t.getId())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String newThreads(java.util.Set<String> before) {
        java.util.Set<String> now = new java.util.TreeSet<>(threadNames());
        now.removeAll(before);
        return now.isEmpty() ? "" : "; new threads: " + now;
    }

    private static int liveThreadsAfterGc() {
        System.gc();
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
