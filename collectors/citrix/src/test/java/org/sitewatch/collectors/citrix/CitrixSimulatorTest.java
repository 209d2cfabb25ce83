package org.sitewatch.collectors.citrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.spi.settings.PropertyTree;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The real collector, made by its factory from the endpoint the simulator describes, against the
 * simulator's Citrix DaaS front on 127.0.0.1 and a manual scenario clock: the estate proposed for
 * the embedded default (a lost hosting server takes a delivery group under its threshold, a stopped
 * machine does not), 230 machines over three pages with integers as strings, one query at a time,
 * 429 waited out or failing the poll, and each failure classified (auth, time-out, malformed, 5xx).
 */
class CitrixSimulatorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final String ESTATE = """
            clusters:
              - name: ctx-ams
                platform: citrix
                site: amsterdam-dc9
                customer-id: sitewatchams
                domain: AMS
                registered-threshold: 80
                delivery-groups: "AMS Office Desktops=ams-vdi-01,ams-vdi-02,ams-vdi-03,ams-vdi-04,ams-vdi-05; AMS Call Center=ams-cc-01,ams-cc-02,ams-cc-03"
                nodes:
                  - { name: ams-hv-1 }
                  - { name: ams-hv-2 }
                  - { name: ams-hv-3 }
                vms:
                  - { vmid: 900, name: ams-vdi-01, node: ams-hv-1 }
                  - { vmid: 901, name: ams-vdi-02, node: ams-hv-1 }
                  - { vmid: 902, name: ams-vdi-03, node: ams-hv-2 }
                  - { vmid: 903, name: ams-vdi-04, node: ams-hv-2 }
                  - { vmid: 904, name: ams-vdi-05, node: ams-hv-3 }
                  - { vmid: 905, name: ams-cc-01, node: ams-hv-3 }
                  - { vmid: 906, name: ams-cc-02, node: ams-hv-3 }
                  - { vmid: 907, name: ams-cc-03, node: ams-hv-1 }
              - name: ctx-slow
                platform: citrix
                site: s2
                customer-id: slowcustomer
                query-delay: 400ms
                retry-after: 1s
                nodes:
                  - { name: h1 }
                vms:
                  - { vmid: 100, name: vdi-1, node: h1 }
            timeline:
              - { at: 45s, cluster: ctx-ams, action: node-offline, node: ams-hv-3 }
              - { at: 125s, cluster: ctx-ams, action: node-online, node: ams-hv-3 }
              - { at: 165s, cluster: ctx-ams, action: vm-stop, vmid: 901 }
              - { at: 225s, cluster: ctx-ams, action: vm-start, vmid: 901 }
              - { at: 300s, cluster: ctx-ams, action: api-fault, kind: auth, path: /monitorodata, duration: 10s }
              - { at: 310s, cluster: ctx-ams, action: api-fault, kind: http500, path: /monitorodata, duration: 10s }
              - { at: 320s, cluster: ctx-ams, action: api-fault, kind: malformed, path: /monitorodata, duration: 10s }
              - { at: 330s, cluster: ctx-ams, action: api-fault, kind: timeout, path: /monitorodata, duration: 10s }
              - { at: 340s, cluster: ctx-ams, action: api-fault, kind: http429, path: /monitorodata, duration: 10s }
              - { at: 350s, cluster: ctx-ams, action: api-fault, kind: http404, path: /monitorodata, duration: 10s }
              - { at: 360s, cluster: ctx-ams, action: api-fault, kind: auth, path: /cctrustoauth2, duration: 10s }
            """;

    private final ManualClock clock = new ManualClock(T0);
    private Simulator simulator;
    private final List<AutoCloseable> collectors = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : collectors) {
            c.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aLostHostingServerTakesItsDeliveryGroupUnderTheThresholdAndAStoppedMachineDoesNot() throws Exception {
        start(ESTATE);
        PollingSource ams = collector("ctx-ams", Map.of());
        clock.set(T0.plusSeconds(10));
        Snapshot start = ams.poll();
        assertThat(start.skipped()).isEmpty();
        assertThat(vms(start)).hasSize(8).allSatisfy(vm -> {
            assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
            assertThat(vm.platform()).isEqualTo(Platform.CITRIX);
            assertThat(vm.site()).isEqualTo("amsterdam-dc9");
            assertThat(vm.vendorState()).startsWith("power On, Registered, sessions ");
        });
        assertThat(vm(start, "AMS\\ams-cc-01").host()).isEqualTo("ams-hv-3");
        assertThat(vm(start, "AMS\\ams-cc-01").cluster()).isEqualTo("AMS Call Center");
        assertThat(cluster(start, "AMS Call Center")).satisfies(c -> {
            assertThat(c.hostsTotal()).isEqualTo(3);
            assertThat(c.hostsHealthy()).isEqualTo(3);
            assertThat(c.failoverCapacity()).isEqualTo(1);
        });
        assertThat(cluster(start, "AMS Office Desktops").failoverCapacity()).isEqualTo(2);

        clock.set(T0.plusSeconds(60));
        Snapshot hostLost = ams.poll();
        VmState lost = vm(hostLost, "AMS\\ams-cc-01");
        assertThat(lost.power()).isEqualTo(PowerState.UNKNOWN);
        assertThat(lost.vendorState()).isEqualTo("power Unknown, Unregistered: ContactLost (207), fault Unregistered (4), "
                + "sessions 0");
        HaCluster callCenter = cluster(hostLost, "AMS Call Center");
        assertThat(callCenter.failoverCapacity()).isZero();
        assertThat(callCenter.vendorState()).isEqualTo("registered 1 of 3 (33%), threshold 80%");
        assertThat(cluster(hostLost, "AMS Office Desktops").vendorState()).isEqualTo("registered 4 of 5 (80%), threshold 80%");
        assertThat(cluster(hostLost, "AMS Office Desktops").failoverCapacity()).isEqualTo(1);

        clock.set(T0.plusSeconds(170));
        Snapshot oneStopped = ams.poll();
        VmState stopped = vm(oneStopped, "AMS\\ams-vdi-02");
        assertThat(stopped.power()).isEqualTo(PowerState.STOPPED);
        assertThat(stopped.vendorState()).isEqualTo("power Off, Unregistered: PowerOff (200), sessions 0");
        assertThat(clusters(oneStopped)).allSatisfy(c -> assertThat(c.failoverCapacity()).isPositive());
        assertThat(cluster(oneStopped, "AMS Office Desktops").hostsTotal()).isEqualTo(4);
    }

    @Test
    void readsEveryPageOf230MachinesWithIntegersAsStrings() throws Exception {
        StringBuilder vms = new StringBuilder();
        for (int i = 0; i < 230; i++) {
            vms.append("      - { vmid: ").append(1000 + i).append(", name: vdi-").append(i).append(", node: h")
                    .append(i % 2).append(" }\n");
        }
        start("""
                clusters:
                  - name: big
                    platform: citrix
                    site: s1
                    customer-id: bigcustomer
                    numbers-as-strings: true
                    delivery-groups: "Pool=vdi-0,vdi-1,vdi-2"
                    nodes:
                      - { name: h0 }
                      - { name: h1 }
                    vms:
                """ + vms + """
                timeline:
                  - { at: 5s, cluster: big, action: node-offline, node: h1 }
                """);
        PollingSource big = collector("big", Map.of());
        Snapshot s = big.poll();
        assertThat(s.skipped()).isEmpty();
        assertThat(vms(s)).hasSize(230).allSatisfy(vm -> assertThat(vm.power()).isEqualTo(PowerState.RUNNING));
        assertThat(clusters(s)).singleElement().satisfies(c -> assertThat(c.hostsHealthy()).isEqualTo(3));

        clock.set(T0.plusSeconds(10));
        Snapshot half = big.poll();
        assertThat(vms(half)).filteredOn(vm -> vm.power() == PowerState.UNKNOWN).hasSize(115);
        assertThat(cluster(half, "Pool").hostsHealthy()).isEqualTo(2);
    }

    @Test
    void groupByEndpointMakesTheWholeCustomerOneCluster() throws Exception {
        start(ESTATE);
        PollingSource ams = collector("ctx-ams", Map.of("group-by", "endpoint", "registered-threshold", "60"));
        clock.set(T0.plusSeconds(60));
        assertThat(clusters(ams.poll())).singleElement().satisfies(c -> {
            assertThat(c.clusterId()).isEqualTo("ctx-ams");
            assertThat(c.vendorState()).isEqualTo("registered 5 of 8 (62%), threshold 60%");
            assertThat(c.failoverCapacity()).isEqualTo(1);
        });
    }

    @Test
    void twoPollsAtOnceQueryOneAfterTheOtherSoTheServiceNeverAnswers429() throws Exception {
        start(ESTATE);
        // Retry-After 1 s is over this bound, so a 429 would fail a poll.
        PollingSource slow = collector("ctx-slow", Map.of("max-throttle-wait", "0s"));
        List<CompletableFuture<Snapshot>> polls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            polls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return slow.poll();
                } catch (CollectorException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<Snapshot> p : polls) {
            assertThat(vms(p.get())).hasSize(1);
        }
    }

    @Test
    void aQueryMeetingAnotherClientsQueryWaitsOutThe429WithinTheBoundElseFailsThrottled() throws Exception {
        start(ESTATE);
        PollingSource patient = collector("ctx-slow", Map.of());
        PollingSource impatient = collector("ctx-slow", Map.of("max-throttle-wait", "500ms"));
        patient.poll(); // tokens ready, so the next polls start with their query
        impatient.poll();

        CompletableFuture<Integer> other = otherClientQuery("ctx-slow");
        Thread.sleep(150);
        long started = System.nanoTime();
        assertThat(vms(patient.poll())).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(other.get()).isEqualTo(200);

        CompletableFuture<Integer> another = otherClientQuery("ctx-slow");
        Thread.sleep(150);
        assertThatThrownBy(impatient::poll).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(MonitorClient.throttled(e)).isTrue();
            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1));
        });
        assertThat(another.get()).isEqualTo(200);
    }

    @Test
    void eachFailureIsClassified() throws Exception {
        start(ESTATE);
        PollingSource ams = collector("ctx-ams", Map.of());
        ams.poll();
        assertThat(failureAt(ams, 305)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.permanent()).isTrue();
            assertThat(e.remedy()).contains("client-id, client-secret and customer-id");
        });
        assertThat(failureAt(ams, 315)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.HTTP_5XX);
            assertThat(e.permanent()).isFalse();
        });
        assertThat(failureAt(ams, 325).kind()).isEqualTo(CollectorErrorKind.MALFORMED);
        assertThat(failureAt(ams, 335).kind()).isEqualTo(CollectorErrorKind.TIMEOUT);
        assertThat(failureAt(ams, 345)).satisfies(e -> {
            assertThat(MonitorClient.throttled(e)).isTrue();
            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2));
        });
        assertThat(failureAt(ams, 355)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.HTTP_4XX);
            assertThat(e.remedy()).contains("the collector adds /monitorodata");
        });
        clock.set(T0.plusSeconds(380));
        assertThat(vms(ams.poll())).hasSize(8);
    }

    @Test
    void wrongClientCredentialsAreRefusedAtTheTokenEndpoint() throws Exception {
        start(ESTATE);
        PollingSource wrong = collector("ctx-ams", Map.of("client-secret", "not-the-secret"));
        assertThatThrownBy(wrong::poll).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.getMessage()).contains("Citrix Cloud token").contains("HTTP 401: invalid_client")
                    .doesNotContain("not-the-secret");
        });
        PollingSource right = collector("ctx-ams", Map.of());
        assertThat(failureAt(right, 365).getMessage()).contains("token");
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheQueryAskedAgain() throws Exception {
        start(ESTATE);
        SimulatedEndpoint e = endpoint("ctx-ams");
        CitrixSettings settings = endpointConfig(e, Map.of()).settings(CitrixSettings.class);
        CloudTokens tokens = new CloudTokens(settings.tokenUrl(), settings.clientId(), settings.clientSecret(), null,
                Duration.ofSeconds(3), Clock.systemUTC(), "citrix");
        AtomicInteger clientsBuilt = new AtomicInteger();
        CloudTransport transport = new CloudTransport(tokens, token -> CloudTransport.withHeaders(
                org.sitewatch.collectors.spi.http.JsonHttpClient.builder(settings.dataRoot()),
                clientsBuilt.incrementAndGet() == 1 ? "revoked-" + token : token, settings.customerId()).build());
        assertThat(transport.get("Machines").get("value")).hasSize(8);
        assertThat(clientsBuilt).hasValue(2);
    }

    @Test
    void aTokenIsRenewedBeforeItEnds() throws Exception {
        start(ESTATE);
        CitrixSettings settings = endpointConfig(endpoint("ctx-ams"), Map.of()).settings(CitrixSettings.class);
        ManualClock tokenClock = new ManualClock(T0);
        CloudTokens tokens = new CloudTokens(settings.tokenUrl(), settings.clientId(), settings.clientSecret(), null,
                Duration.ofSeconds(3), tokenClock, "citrix");
        String first = tokens.current();
        tokenClock.set(T0.plus(Duration.ofMinutes(54)));
        assertThat(tokens.current()).as("an hour's token is kept until five minutes before its end").isEqualTo(first);
        tokenClock.set(T0.plus(Duration.ofMinutes(55)));
        assertThat(tokens.current()).isNotEqualTo(first);
        assertThat(CloudTokens.lifetime(null)).isEqualTo(Duration.ofHours(1));
    }

    private CollectorException failureAt(PollingSource source, long second) {
        clock.set(T0.plusSeconds(second));
        try {
            source.poll();
        } catch (CollectorException e) {
            return e;
        }
        throw new AssertionError("the poll at " + second + " s did not fail");
    }

    /** A query of another client of the same customer, with its own token: the service's one-query rule applies to both. */
    private CompletableFuture<Integer> otherClientQuery(String cluster) throws Exception {
        SimulatedEndpoint e = endpoint(cluster);
        CitrixSettings settings = endpointConfig(e, Map.of()).settings(CitrixSettings.class);
        String token = new CloudTokens(settings.tokenUrl(), settings.clientId(), settings.clientSecret(), null,
                Duration.ofSeconds(3), Clock.systemUTC(), "citrix").current();
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.dataRoot() + "/Machines"))
                .header("Authorization", "CWSAuth bearer=" + token).header("Citrix-CustomerId", settings.customerId())
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    private void start(String scenario) {
        simulator = Simulator.builder(Scenario.parse(scenario)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofMillis(1500)).build().start();
    }

    private SimulatedEndpoint endpoint(String cluster) {
        return simulator.endpoints().stream().filter(e -> e.id().equals(cluster)).findFirst().orElseThrow();
    }

    private EndpointConfig endpointConfig(SimulatedEndpoint e, Map<String, String> more) {
        Map<String, String> properties = new LinkedHashMap<>(e.vendorProperties());
        properties.putAll(more);
        return EndpointConfig.builder(e.id(), e.site(), Platform.CITRIX).settings(PropertyTree.of(properties))
                .timeout(Duration.ofMillis(800)).pollDeadline(Duration.ofSeconds(10)).build();
    }

    private PollingSource collector(String cluster, Map<String, String> more) throws CollectorException {
        PollingSource source = (PollingSource) new CitrixCollectorFactory().create(endpointConfig(endpoint(cluster), more),
                new CollectorContext(clock));
        collectors.add(source);
        return source;
    }

    private static List<VmState> vms(Snapshot s) {
        return s.states().stream().filter(VmState.class::isInstance).map(VmState.class::cast).toList();
    }

    private static VmState vm(Snapshot s, String name) {
        return vms(s).stream().filter(v -> name.equals(v.name())).findFirst().orElseThrow();
    }

    private static List<HaCluster> clusters(Snapshot s) {
        return s.states().stream().filter(HaCluster.class::isInstance).map(HaCluster.class::cast).toList();
    }

    private static HaCluster cluster(Snapshot s, String name) {
        return clusters(s).stream().filter(c -> name.equals(c.name())).findFirst().orElseThrow();
    }
}
