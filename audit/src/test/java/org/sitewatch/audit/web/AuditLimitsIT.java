package org.sitewatch.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.EventFilter;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.TimeRange;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.state.FiringAlertsSource;
import org.sitewatch.audit.state.HealthConfig;
import org.sitewatch.audit.support.LiveStreamsApp;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.testsupport.LocalHttp;
import org.sitewatch.testsupport.RunningApp;
import org.sitewatch.testsupport.TestEvents;
import org.sitewatch.testsupport.TestKafka;
import org.springframework.util.unit.DataSize;

/**
 * The audit REST API's limits inside the live streams app, on one real broker for the class holding
 * {@value #HEAVY} VM events of one site and a few of another: a range over the maximum is a 400 naming
 * the setting; two heavy replays at once leave the views answering; a client that closes its
 * connection while its replay is being read stops the read and frees its Kafka client's thread well
 * before the replay would have finished; the deadline and the spill cap (on services of their own
 * against the same broker) stop a replay with an error and leave nothing behind.
 */
class AuditLimitsIT {

    static final int HEAVY = 120_000;
    static final int PROBES = 30;
    static final String BULK = "bulk-dc";
    static final String PROBE = "probe-dc";
    /** The audit's admin client thread: one per request while it holds a Kafka connection. */
    static final String AUDIT_THREAD = "sitewatch-audit-admin";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path stateDir;

    @TempDir
    Path spillDir;

    private static TestKafka kafka;
    private static RunningApp app;
    private static LocalHttp http;
    private static AuditService audit;
    private static Instant start;
    private static String heavyQuery;

    @BeforeAll
    static void start() throws Exception {
        kafka = TestKafka.start(dataDir);
        start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        publishHeavyHistory();
        app = LiveStreamsApp.start(kafka.bootstrapServers(), stateDir, Map.of("sitewatch.audit.decoder-threads", "1"));
        http = app.http();
        audit = app.context().getBean(AuditService.class);
        heavyQuery = "/api/audit/events?from=" + start + "&to=" + start.plus(Duration.ofMinutes(30)) + "&site=" + PROBE;
        // The app may still be folding the history (it skips it as out of order): the views must answer meanwhile too.
        await("views answering").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.ok("/api/sites") != null);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /**
     * {@value #HEAVY} events of BULK 10 ms apart from {@code start}, and {@value #PROBES} of PROBE among
     * them, newest first: each VM's first record is its newest, so the live app ignores the rest as out
     * of order (cheap), while a replay must read, decode and sort every one.
     */
    private static void publishHeavyHistory() {
        // One event through the test broker's own producer first: the partitions have their leaders then.
        kafka.publish(TestEvents.at(start.plus(Duration.ofHours(1)), TestEvents.vm(BULK, "warm-up", PowerState.RUNNING)));
        try (KafkaProducer<String, SitewatchEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                new StringSerializer(), Topics.VM.valueSerde().serializer())) {
            for (int i = HEAVY - 1; i >= 0; i--) {
                Instant t = start.plusMillis(10L * i);
                send(producer, TestEvents.at(t, TestEvents.vm(BULK, Integer.toString(i % 2000),
                        i % 2 == 0 ? PowerState.RUNNING : PowerState.STOPPED)));
                if (i % (HEAVY / PROBES) == 0) {
                    send(producer, TestEvents.at(t, TestEvents.vm(PROBE, "1", PowerState.RUNNING)));
                }
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, SitewatchEvent> producer, SitewatchEvent e) {
        producer.send(new ProducerRecord<>(e.type().topic().name(), null, e.time().toEpochMilli(), e.key(), e));
    }

    @Test
    void shouldRefuseARangeOverTheMaximumNamingTheSetting() {
        HttpResponse<String> answer = http.get("/api/audit/events?from=-8d&site=" + PROBE);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("longer than the 7d this API reads at once (sitewatch.audit.max-range)");
    }

    @Test
    void shouldKeepTheViewsAnsweringWhileTwoHeavyReplaysRun() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest heavy = HttpRequest.newBuilder(http.base().resolve(heavyQuery)).timeout(Duration.ofSeconds(60)).build();
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(heavy, HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = client.sendAsync(heavy, HttpResponse.BodyHandlers.ofString());
        List<Long> viewMillis = new ArrayList<>();
        int mostAtOnce = 0;
        while (!(first.isDone() && second.isDone())) {
            mostAtOnce = Math.max(mostAtOnce, audit.running());
            long asked = System.nanoTime();
            assertThat(http.get("/api/sites").statusCode()).isEqualTo(200);
            viewMillis.add((System.nanoTime() - asked) / 1_000_000);
            Thread.sleep(100);
        }
        for (HttpResponse<String> answer : List.of(first.get(), second.get())) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue(AuditController.RECORDS_HEADER)).hasValue(Integer.toString(PROBES));
        }
        assertThat(mostAtOnce).as("both replays ran at once").isEqualTo(2);
        assertThat(viewMillis).as("the views answered all along, in ms").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(ms -> assertThat(ms).isLessThan(2000));
    }

    @Test
    void shouldStopReadingAndFreeTheThreadsWhenTheClientGoesAway() throws Exception {
        long fullStart = System.nanoTime();
        assertThat(http.get(heavyQuery).statusCode()).isEqualTo(200);
        Duration full = Duration.ofNanos(System.nanoTime() - fullStart);
        await().atMost(Duration.ofSeconds(5)).until(() -> auditThreads() == 0 && audit.running() == 0);
        Set<String> threadsBefore = threadNames();

        long asked;
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + heavyQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            asked = System.nanoTime();
            await("the replay is reading").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> auditThreads() == 1);
            Thread.sleep(full.toMillis() / 5);
        }
        long closed = System.nanoTime();
        await("the replay stopped").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> auditThreads() == 0 && audit.running() == 0);
        Duration stopped = Duration.ofNanos(System.nanoTime() - closed);
        Duration lived = Duration.ofNanos(System.nanoTime() - asked);

        assertThat(stopped).as("stopped after the client left").isLessThan(Duration.ofMillis(1500));
        assertThat(lived).as("well before a full replay (%s) would have ended", full)
                .isLessThan(full.multipliedBy(3).dividedBy(4));
        await("no thread left of the request").atMost(Duration.ofSeconds(3)).pollInSameThread()
                .untilAsserted(() -> assertThat(threadNames()).isSubsetOf(threadsBefore));
    }

    @Test
    void shouldStopAReplayAtItsDeadlineWithAnErrorNamingTheSetting() {
        try (AuditService bounded = service(Duration.ofMillis(300), DataSize.ofGigabytes(1))) {
            long asked = System.nanoTime();
            assertThatThrownBy(() -> bounded.prepare(heavyRequest(EventFilter.none()), () -> false))
                    .isInstanceOfSatisfying(AuditException.class, e -> assertThat(e.kind()).isEqualTo(AuditException.Kind.INCOMPLETE))
                    .hasMessageContaining("did not finish within 300ms (sitewatch.audit.request-deadline)");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(3));
            assertThat(bounded.running()).isZero();
            assertThat(bounded.spillInUse()).isZero();
        }
        assertThat(spillFiles()).isEmpty();
    }

    @Test
    void shouldFailAReplayThatWouldSpillOverTheCapAndRemoveItsFiles() {
        try (AuditService capped = service(Duration.ofMinutes(1), DataSize.ofMegabytes(1))) {
            assertThatThrownBy(() -> capped.prepare(heavyRequest(EventFilter.none()), () -> false))
                    .isInstanceOfSatisfying(AuditException.class, e -> assertThat(e.kind()).isEqualTo(AuditException.Kind.SPILL_LIMIT))
                    .hasMessageContaining("sitewatch.audit.max-spill-size");
            assertThat(capped.spillInUse()).isZero();
            assertThat(capped.running()).isZero();
        }
        assertThat(spillFiles()).as("its sorted runs are deleted").isEmpty();
    }

    private AuditService service(Duration deadline, DataSize maxSpill) {
        AuditProperties properties = new AuditProperties(true, Duration.ofSeconds(15), 2, Duration.ofHours(1), 1000,
                Duration.ofDays(7), deadline, 1, maxSpill, spillDir);
        return new AuditService(KafkaSettings.of(kafka.bootstrapServers()), properties,
                new HealthConfig(HealthRules.defaultRules(), AggregateLimits.DEFAULTS), FiringAlertsSource.NOT_AVAILABLE);
    }

    private static ReplayRequest heavyRequest(EventFilter filter) {
        return new ReplayRequest(new TimeRange(start, start.plus(Duration.ofMinutes(30))), filter, Duration.ofMinutes(1), false);
    }

    private List<Path> spillFiles() {
        try (Stream<Path> files = Files.list(spillDir)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The live threads, but the web server's request threads: those are a pool the server keeps and
     * grows for new connections (the raw socket here is one), not threads of the audit request.
     */
    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                // pooled threads outlive a request by design: Tomcat's request threads and Spring's task executor
                .filter(name -> !name.contains("-exec-") && !name.matches("task-\\d+"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long auditThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains(AUDIT_THREAD)).count();
    }
}
