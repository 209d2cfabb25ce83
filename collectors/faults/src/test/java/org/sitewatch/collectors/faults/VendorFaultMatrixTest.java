package org.sitewatch.collectors.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sitewatch.collectors.runtime.CollectorMetrics;
import org.sitewatch.collectors.runtime.EndpointRunner;
import org.sitewatch.collectors.runtime.InMemoryEventSink;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.Platform;
import org.sitewatch.testsupport.TestCertificates;

/**
 * Fault suite 5 (issue 15): every vendor fault against every HTTP collector, each collector found
 * through its ServiceLoader provider and run by the production {@link EndpointRunner} against a
 * {@link FaultServer} on a loopback address. Each cell proves the three things the issue asks:
 * <ul>
 *   <li><b>classified</b>: the heartbeat's status and error kind are the fault's, and its text says
 *       what happened (for an answer over the cap: the size read and the key to raise);</li>
 *   <li><b>backed off</b>: the heartbeat's planned interval is what the runtime's {@link RetryPolicy}
 *       prescribes: the poll interval after a first retriable failure and twice that after the second,
 *       the permanent-failure interval after a permanent one, at least {@code Retry-After} after a 429;</li>
 *   <li><b>shown</b>: the ERROR / AUTH_FAILED heartbeat with its reason is what reaches the streams
 *       view (site UNKNOWN, CollectorFailing / CollectorAuthFailed: proven by the streams tests named in
 *       docs/reliability.md), and {@code sitewatch_collector_polls_total{outcome}},
 *       {@code sitewatch_collector_errors_total{kind}} count it while {@code sitewatch_collector_up} is 0.</li>
 * </ul>
 */
@Execution(ExecutionMode.CONCURRENT)
class VendorFaultMatrixTest {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** Room for a first TLS handshake on a busy two-core CI machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /**
     * For the cells whose fault is the time-out itself: shorter, so waiting it out (three tries inside
     * the Azure SDK, six request time-outs of fabric8's start) stays short; a slow handshake there ends
     * as the same TIMEOUT.
     */
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(8), Duration.ofSeconds(60));

    @TempDir
    static Path dir;
    private static TestCertificates trusted;
    private static TestCertificates untrusted;

    /** What a fault must come out as. */
    record Expected(CollectorStatus status, CollectorErrorKind kind, boolean permanent, String text) {
    }

    @BeforeAll
    static void certificates() {
        trusted = TestCertificates.create(dir.resolve("trusted"));
        untrusted = TestCertificates.create(dir.resolve("untrusted"));
    }

    @AfterAll
    static void nothingLeftOpen() {
        // each cell closes its server and stops its runner; nothing shared to close
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(FaultTargets.HTTP_PLATFORMS)
                .flatMap(p -> Arrays.stream(VendorFault.values()).map(f -> Arguments.of(p, f)));
    }

    static Expected expected(Platform platform, VendorFault fault) {
        return switch (fault) {
            case CONNECTION_REFUSED -> new Expected(CollectorStatus.ERROR, CollectorErrorKind.CONNECT, false, "");
            case TIME_OUT, SLOW_DRIP -> new Expected(CollectorStatus.ERROR, CollectorErrorKind.TIMEOUT, false, "");
            case HTTP_5XX -> new Expected(CollectorStatus.ERROR, CollectorErrorKind.HTTP_5XX, false, "503");
            case HTTP_401 -> new Expected(CollectorStatus.AUTH_FAILED, CollectorErrorKind.AUTH, true, "401");
            case HTTP_403 -> new Expected(CollectorStatus.AUTH_FAILED, CollectorErrorKind.AUTH, true, "403");
            case HTTP_429 -> new Expected(CollectorStatus.ERROR, CollectorErrorKind.HTTP_4XX, false, "429");
            case MALFORMED -> new Expected(CollectorStatus.ERROR, CollectorErrorKind.MALFORMED, false, "");
            case TRUNCATED -> new Expected(CollectorStatus.ERROR, CollectorErrorKind.CONNECT, false, "");
            case OVER_CAP -> new Expected(CollectorStatus.ERROR, CollectorErrorKind.MALFORMED, true, "over the limit of");
            case UNTRUSTED_CERTIFICATE, WRONG_HOST_NAME -> new Expected(CollectorStatus.ERROR, CollectorErrorKind.TLS, true, "");
        };
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cells")
    void eachFaultIsClassifiedBackedOffAndCounted(Platform platform, VendorFault fault) {
        Expected expected = expected(platform, fault);
        String id = platform.wire() + "-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
        try (FaultServer server = new FaultServer(fault == VendorFault.WRONG_HOST_NAME ? "127.0.0.2" : "127.0.0.1",
                fault == VendorFault.UNTRUSTED_CERTIFICATE ? untrusted : trusted, () -> fault)) {
            String origin = fault == VendorFault.CONNECTION_REFUSED
                    ? "https://127.0.0.1:" + FaultServer.refusedPort() : server.origin();
            boolean timeOutCell = fault == VendorFault.TIME_OUT || fault == VendorFault.SLOW_DRIP;
            EndpointConfig endpoint = FaultTargets.endpoint(id, platform, origin, trusted.caPem(), dir, POLL_INTERVAL,
                    timeOutCell ? SHORT_TIMEOUT : TIMEOUT);
            InMemoryEventSink sink = new InMemoryEventSink();
            MeterRegistry registry = new SimpleMeterRegistry();
            EndpointRunner runner = new EndpointRunner(endpoint, FaultTargets.factory(platform), sink, registry,
                    Clock.systemUTC(), RETRY);
            runner.start();
            try {
                List<CollectorHeartbeat> failures = await().atMost(Duration.ofSeconds(30))
                        .until(() -> failures(sink, id), list -> !list.isEmpty());
                CollectorHeartbeat first = failures.get(0);
                String cell = platform + " × " + fault + ": " + first;

                assertThat(first.status()).as(cell).isEqualTo(expected.status());
                assertThat(first.errorKind()).as(cell).isEqualTo(expected.kind());
                assertThat(first.error()).as(cell).contains(expected.text());
                assertThat(first.intervalSeconds()).as(cell).isEqualTo(expectedWait(platform, fault, expected, 1));
                assertCounted(registry, endpoint, expected, cell);

                if (showsTheDoubling(platform, fault, expected)) {
                    List<CollectorHeartbeat> two = await().atMost(Duration.ofSeconds(30))
                            .until(() -> failures(sink, id), list -> list.size() >= 2);
                    assertThat(two.get(1).errorKind()).as(cell).isEqualTo(expected.kind());
                    assertThat(two.get(1).intervalSeconds()).as("second failure in a row, " + cell)
                            .isEqualTo(expectedWait(platform, fault, expected, 2));
                }
                assertThat(sink.heartbeats(id)).as(cell).noneMatch(h -> h.status() == CollectorStatus.OK);
            } finally {
                runner.stop();
            }
        }
    }

    /**
     * Whether the cell also waits for the second failure in a row to see the back-off double: every
     * fast retriable fault. Not the time-outs (the doubling is the same code, and waiting out a second
     * time-out would double the suite's time), not throttling (its wait is the Retry-After), and not
     * a push source, whose heartbeats repeat its status between attempts rather than show each one.
     */
    private static boolean showsTheDoubling(Platform platform, VendorFault fault, Expected expected) {
        return !expected.permanent() && fault != VendorFault.HTTP_429 && fault != VendorFault.TIME_OUT
                && fault != VendorFault.SLOW_DRIP && platform != Platform.KUBEVIRT;
    }

    /** The interval the runtime plans after the n-th failure in a row, in whole seconds as heartbeats carry it. */
    private static long expectedWait(Platform platform, VendorFault fault, Expected expected, int failuresInARow) {
        if (expected.permanent()) {
            return RETRY.permanentRetryInterval().toSeconds();
        }
        if (fault == VendorFault.HTTP_429 && platform != Platform.AZURE) {
            // MSAL's exception (Azure's first call is the token request) carries no Retry-After (docs: limits)
            return VendorFault.RETRY_AFTER_SECONDS;
        }
        return POLL_INTERVAL.multipliedBy(1L << (failuresInARow - 1)).toSeconds();
    }

    private static void assertCounted(MeterRegistry registry, EndpointConfig endpoint, Expected expected, String cell) {
        double polls = registry.get(CollectorMetrics.POLLS).tag("collector", endpoint.id())
                .tag("outcome", expected.status().name().toLowerCase(Locale.ROOT)).counter().count();
        double errors = registry.get(CollectorMetrics.ERRORS).tag("collector", endpoint.id())
                .tag("kind", expected.kind().name()).counter().count();
        double up = registry.get(CollectorMetrics.UP).tag("collector", endpoint.id()).gauge().value();
        assertThat(polls).as("polls by outcome, " + cell).isGreaterThanOrEqualTo(1);
        assertThat(errors).as("errors by kind, " + cell).isGreaterThanOrEqualTo(1);
        assertThat(up).as("up, " + cell).isZero();
    }

    private static List<CollectorHeartbeat> failures(InMemoryEventSink sink, String id) {
        return sink.heartbeats(id).stream().filter(h -> h.status() != CollectorStatus.OK).toList();
    }
}
