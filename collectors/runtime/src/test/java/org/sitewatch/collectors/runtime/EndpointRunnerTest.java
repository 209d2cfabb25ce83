package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.collectors.runtime.ScriptedSources.endpoint;
import static org.sitewatch.collectors.runtime.ScriptedSources.vms;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.runtime.ScriptedSources.ScriptedFactory;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventType;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;
import org.sitewatch.testsupport.MutableClock;

class EndpointRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-07T10:00:00Z"));
    private final InMemoryEventSink sink = new InMemoryEventSink();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RetryPolicy retry = new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(300));
    private final List<EndpointRunner> runners = new ArrayList<>();

    @AfterEach
    void stopRunners() {
        runners.forEach(EndpointRunner::stop);
    }

    private EndpointRunner start(EndpointConfig endpoint, ScriptedFactory factory) {
        EndpointRunner runner = new EndpointRunner(endpoint, factory, sink, meters, clock, retry);
        runners.add(runner);
        runner.start();
        return runner;
    }

    private double counter(String name, String collector, String tag, String value) {
        var c = meters.find(name).tag("collector", collector).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    private double gauge(String name, String collector) {
        return meters.get(name).tag("collector", collector).gauge().value();
    }

    @Test
    void shouldPublishChangesOnceAndAHeartbeatEveryPoll() {
        start(endpoint("a", "site-a"), new ScriptedFactory(c -> vms(c, "site-a", "100", "101")));

        await().atMost(WAIT).until(() -> sink.heartbeats("a").size() >= 4);

        assertThat(sink.data(VmState.class)).hasSize(2);
        CollectorHeartbeat hb = sink.lastHeartbeat("a");
        assertThat(hb.status()).isEqualTo(CollectorStatus.OK);
        assertThat(hb.errorKind()).isNull();
        assertThat(hb.lastSuccess()).isEqualTo(clock.instant());
        assertThat(hb.intervalSeconds()).isEqualTo(1);
        assertThat(hb.pollDurationMillis()).isNotNull();
        assertThat(hb.endpoint()).isEqualTo("https://a.example:8006/api2/json");
        SitewatchEvent event = sink.events().get(0);
        assertThat(event.source()).isEqualTo(URI.create("/sitewatch/collectors/proxmox/a"));
        assertThat(event.time()).isEqualTo(clock.instant());
    }

    @Test
    void shouldCarryTheEndpointsLocationInEveryHeartbeatFailedOnesToo() {
        SiteLocation sddc = new SiteLocation("aws", "eu-central-1");
        ScriptedFactory factory = new ScriptedFactory(c -> {
            throw CollectorException.retriable(CollectorErrorKind.CONNECT, "connection refused", null);
        });
        start(endpoint("a", "site-a").toBuilder().location(sddc).build(), factory);

        await().atMost(WAIT).until(() -> sink.lastHeartbeat("a") != null);
        assertThat(sink.lastHeartbeat("a").status()).isEqualTo(CollectorStatus.ERROR);
        assertThat(sink.lastHeartbeat("a").location()).isEqualTo(sddc);

        factory.behaviour.set(c -> vms(c, "site-a", "100"));
        await().atMost(WAIT).until(() -> sink.lastHeartbeat("a").status() == CollectorStatus.OK);
        assertThat(sink.lastHeartbeat("a").location()).isEqualTo(sddc);
        assertThat(sink.heartbeats("a")).allSatisfy(hb -> assertThat(hb.location()).isEqualTo(sddc));

        start(endpoint("b", "site-b"), new ScriptedFactory(c -> vms(c, "site-b", "200")));
        await().atMost(WAIT).until(() -> sink.lastHeartbeat("b") != null);
        assertThat(sink.lastHeartbeat("b").location()).isNull();
    }

    @Test
    void shouldKeepPollingAndReportRetriableFailuresThenRecover() {
        ScriptedFactory factory = new ScriptedFactory(c -> {
            throw CollectorException.retriable(CollectorErrorKind.HTTP_5XX, "GET /cluster/status answered HTTP 500", null);
        });
        start(endpoint("a", "site-a"), factory);

        await().atMost(WAIT).until(() -> counter(CollectorMetrics.ERRORS, "a", "kind", "HTTP_5XX") >= 3);
        CollectorHeartbeat failing = sink.lastHeartbeat("a");
        assertThat(failing.status()).isEqualTo(CollectorStatus.ERROR);
        assertThat(failing.errorKind()).isEqualTo(CollectorErrorKind.HTTP_5XX);
        assertThat(failing.error()).contains("HTTP 500");
        assertThat(failing.lastSuccess()).isNull();
        assertThat(gauge(CollectorMetrics.UP, "a")).isZero();
        assertThat(counter(CollectorMetrics.POLLS, "a", "outcome", "error")).isGreaterThanOrEqualTo(3);

        factory.behaviour.set(c -> vms(c, "site-a", "100"));

        await().atMost(WAIT).until(() -> sink.lastHeartbeat("a").status() == CollectorStatus.OK);
        assertThat(gauge(CollectorMetrics.UP, "a")).isEqualTo(1);
        assertThat(gauge(CollectorMetrics.LAST_SUCCESS, "a")).isEqualTo(clock.instant().getEpochSecond());
    }

    @Test
    void shouldReportAuthFailedAndRetrySlowlyUntilTheTokenIsFixed() {
        ScriptedFactory factory = new ScriptedFactory(c -> {
            throw CollectorException.permanent(CollectorErrorKind.AUTH, "GET /cluster/status was refused with HTTP 401",
                    "Check api-token.", null);
        });
        start(endpoint("a", "site-a"), factory);

        await().atMost(WAIT).until(() -> sink.heartbeats("a").size() >= 2);
        CollectorHeartbeat hb = sink.lastHeartbeat("a");
        assertThat(hb.status()).isEqualTo(CollectorStatus.AUTH_FAILED);
        assertThat(hb.errorKind()).isEqualTo(CollectorErrorKind.AUTH);
        assertThat(hb.error()).contains("HTTP 401").contains("Check api-token.");
        assertThat(hb.intervalSeconds()).isEqualTo(1);
        assertThat(counter(CollectorMetrics.POLLS, "a", "outcome", "auth_failed")).isGreaterThanOrEqualTo(2);
        // Slow retries: 300 ms apart rather than every 50 ms poll interval.
        assertThat(factory.last.get().polls.get()).isLessThan(10);

        factory.behaviour.set(c -> vms(c, "site-a", "100"));

        await().atMost(WAIT).until(() -> sink.lastHeartbeat("a").status() == CollectorStatus.OK);
    }

    @Test
    void shouldKeepOtherEndpointsPublishingWhileOneHangs() {
        CountDownLatch never = new CountDownLatch(1);
        start(endpoint("hung", "site-a"), new ScriptedFactory(c -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw CollectorException.retriable(CollectorErrorKind.TIMEOUT, "interrupted", null);
        }));
        start(endpoint("ok", "site-b"), new ScriptedFactory(c -> vms(c, "site-b", "200")));

        await().atMost(WAIT).until(() -> sink.heartbeats("ok").size() >= 10 && sink.heartbeats("hung").size() >= 2);

        assertThat(sink.heartbeats("hung")).allSatisfy(hb -> {
            assertThat(hb.status()).isEqualTo(CollectorStatus.ERROR);
            assertThat(hb.errorKind()).isEqualTo(CollectorErrorKind.TIMEOUT);
        });
        assertThat(sink.heartbeats("ok")).allSatisfy(hb -> assertThat(hb.status()).isEqualTo(CollectorStatus.OK));
    }

    @Test
    void shouldReportATimeoutWhileASourceIgnoresInterruption() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        start(endpoint("stubborn", "site-a"), new ScriptedFactory(c -> {
            boolean released = false;
            while (!released) {
                try {
                    released = release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // deliberately deaf to interruption
                }
            }
            return vms(c, "site-a", "1");
        }));

        await().atMost(WAIT).until(() -> sink.heartbeats("stubborn").stream()
                .anyMatch(hb -> hb.error() != null && hb.error().contains("previous poll is still running")));
        release.countDown();
        await().atMost(WAIT).until(() -> sink.lastHeartbeat("stubborn").status() == CollectorStatus.OK);
    }

    @Test
    void shouldCountAndSkipBadRecordsWithoutFailingThePoll() {
        start(endpoint("a", "site-a"), new ScriptedFactory(c -> Snapshot.builder(c.clock().instant())
                .state(vms(c, "site-a", "100").states().get(0))
                .skipped("guest entry #3: required field 'vmid' is missing").build()));

        await().atMost(WAIT).until(() -> sink.heartbeats("a").size() >= 3);

        assertThat(sink.lastHeartbeat("a").status()).isEqualTo(CollectorStatus.OK);
        assertThat(meters.get(CollectorMetrics.SKIPPED).tag("collector", "a").counter().count()).isGreaterThanOrEqualTo(3);
        assertThat(sink.data(VmState.class)).hasSize(1);
    }

    @Test
    void shouldNotPublishARecordThatBreaksTheContract() {
        start(endpoint("a", "site-a"), new ScriptedFactory(c -> Snapshot.builder(c.clock().instant())
                .state(new VmState("site-a", org.sitewatch.events.Platform.PROXMOX, "100", null, null, null, null,
                        null, null, null, false)).build()));

        await().atMost(WAIT).until(() -> sink.heartbeats("a").size() >= 2);

        assertThat(sink.data(VmState.class)).isEmpty();
        assertThat(meters.get(CollectorMetrics.SKIPPED).tag("collector", "a").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldReportABugInASourceAsAnInternalError() {
        start(endpoint("a", "site-a"), new ScriptedFactory(c -> {
            throw new IllegalStateException("bug");
        }));

        await().atMost(WAIT).until(() -> sink.lastHeartbeat("a") != null);

        assertThat(sink.lastHeartbeat("a").errorKind()).isEqualTo(CollectorErrorKind.INTERNAL);
        assertThat(sink.lastHeartbeat("a").status()).isEqualTo(CollectorStatus.ERROR);
    }

    @Test
    void shouldRetryCreatingTheSourceUntilItsConfigurationIsFixed() {
        ScriptedFactory factory = new ScriptedFactory(c -> vms(c, "site-a", "100"));
        factory.createFailure.set(CollectorException.permanent(CollectorErrorKind.CONFIG, "cannot use ca-file /x.pem",
                "Point ca-file at a readable PEM file.", null));
        start(endpoint("a", "site-a"), factory);

        await().atMost(WAIT).until(() -> sink.lastHeartbeat("a") != null);
        assertThat(sink.lastHeartbeat("a").errorKind()).isEqualTo(CollectorErrorKind.CONFIG);
        assertThat(sink.lastHeartbeat("a").status()).isEqualTo(CollectorStatus.ERROR);

        factory.createFailure.set(null);

        await().atMost(WAIT).until(() -> sink.lastHeartbeat("a").status() == CollectorStatus.OK);
    }

    @Test
    void shouldRepublishEverythingAfterASendFinallyFailed() {
        start(endpoint("a", "site-a"), new ScriptedFactory(c -> vms(c, "site-a", "100")));
        await().atMost(WAIT).until(() -> sink.data(VmState.class).size() == 1);

        sink.failSends(true);
        await().atMost(WAIT).until(() -> meters.get(CollectorMetrics.PUBLISH_FAILURES).tag("collector", "a")
                .tag("type", EventType.COLLECTOR_HEARTBEAT.typeName()).counter().count() >= 1);
        sink.failSends(false);

        await().atMost(WAIT).until(() -> sink.data(VmState.class).size() == 2);
    }

    @Test
    void shouldCloseTheSourceAndRemoveItsMetersOnStop() {
        ScriptedFactory factory = new ScriptedFactory(c -> vms(c, "site-a", "100"));
        EndpointRunner runner = start(endpoint("a", "site-a"), factory);
        await().atMost(WAIT).until(() -> sink.heartbeats("a").size() >= 1);

        runner.stop();

        assertThat(factory.last.get().closed).isTrue();
        assertThat(meters.find(CollectorMetrics.UP).tag("collector", "a").gauge()).isNull();
    }
}
