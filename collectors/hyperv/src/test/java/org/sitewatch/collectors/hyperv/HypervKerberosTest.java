package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.hyperv.wsman.TestKdc;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.VmState;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The real collector, made by its factory, logging in over Kerberos to the simulator's WinRM
 * listeners (which accept tickets for {@code HTTP/localhost} with the service keytab) through a real
 * KDC ({@link TestKdc}): with the password and the default service principal from the url's host,
 * with a keytab and the service principal given, and failing as the operator needs to see it: a
 * wrong password (AUTH, so CollectorAuthFailed fires), a KDC that does not answer (CONNECT,
 * retriable), a service principal the KDC does not know (AUTH, naming setspn).
 */
class HypervKerberosTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static TestKdc kdc;

    private final ManualClock clock = new ManualClock(T0);
    private Simulator simulator;
    private HypervCollector collector;

    @BeforeAll
    static void startKdc() {
        kdc = TestKdc.get();
    }

    @AfterEach
    void stop() {
        if (collector != null) {
            collector.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private SimulatedEndpoint startSimulator() throws Exception {
        return startSimulator("kerberos-keytab: " + kdc.serviceKeytab());
    }

    private SimulatedEndpoint startSimulator(String kerberosKeys) throws Exception {
        simulator = Simulator.builder(Scenario.parse("""
                name: hyperv-kerberos-test
                clusters:
                  - name: lyon-hv
                    platform: hyperv
                    cluster: HVC-LYON
                    site: lyon
                    domain: sitewatch.test
                    %s
                    nodes:
                      - { name: hv-lyo-1 }
                      - { name: hv-lyo-2 }
                    vms:
                      - { vmid: 100, name: lyo-web, node: hv-lyo-1, ha: true }
                      - { vmid: 101, name: lyo-db, node: hv-lyo-2, ha: true }
                """.formatted(kerberosKeys))).clock(clock).tickInterval(null)
                .faultHold(Duration.ofMillis(500)).build().start();
        return simulator.endpoints().get(0);
    }

    /** The simulator's block with a Kerberos login instead of its Basic one. */
    private static Map<String, Object> kerberos(SimulatedEndpoint simulated, Map<String, Object> login) {
        Map<String, Object> block = HypervSimulatorTest.block(simulated);
        block.remove("basic-login");
        Map<String, Object> withConf = new LinkedHashMap<>(login);
        withConf.put("krb5-conf", kdc.krb5Conf().toString());
        block.put("login", withConf);
        return block;
    }

    /** The listeners by DNS name, so the default service principal is HTTP/localhost. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> byName(Map<String, Object> block) {
        block.put("url", ((String) block.get("url")).replace("127.0.0.1", "localhost"));
        ((Map<String, Object>) block.get("node-urls")).replaceAll((node, url) -> ((String) url)
                .replace("127.0.0.1", "localhost"));
        return block;
    }

    private Snapshot poll(SimulatedEndpoint simulated, Map<String, Object> block) throws CollectorException {
        collector = (HypervCollector) new HypervCollectorFactory().create(HypervSimulatorTest.endpoint(simulated, block),
                new CollectorContext(clock));
        clock.set(T0.plusSeconds(30));
        simulator.tick();
        return collector.poll();
    }

    private static Map<String, Object> login(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", TestKdc.REALM.toLowerCase(java.util.Locale.ROOT));
        m.put("username", TestKdc.USER);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void pollsTheClusterWithThePasswordAndTheServicePrincipalOfTheUrlsHost() throws Exception {
        SimulatedEndpoint simulated = startSimulator();

        Snapshot s = poll(simulated, byName(kerberos(simulated, login("password", TestKdc.PASSWORD))));

        assertThat(s.unreadable()).isEmpty();
        assertThat(s.states().stream().filter(VmState.class::isInstance).map(VmState.class::cast).map(VmState::name))
                .containsExactlyInAnyOrder("lyo-web", "lyo-db");
    }

    @Test
    void pollsTheClusterWithAKeytabAndTheServicePrincipalGiven() throws Exception {
        SimulatedEndpoint simulated = startSimulator();

        Snapshot s = poll(simulated, kerberos(simulated, login("username", TestKdc.USER + "@" + TestKdc.REALM,
                "keytab-file", kdc.userKeytab().toString(), "service-principal", "HTTP/localhost")));

        assertThat(s.unreadable()).isEmpty();
        assertThat(s.states().stream().filter(VmState.class::isInstance)).hasSize(2);
    }

    @Test
    void aWrongPasswordFailsThePollAsAuth() throws Exception {
        SimulatedEndpoint simulated = startSimulator();
        Map<String, Object> block = byName(kerberos(simulated, login("password", "not-the-password")));

        assertThatThrownBy(() -> poll(simulated, block)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("wrong password").doesNotContain("not-the-password");
        });
    }

    @Test
    void aListenerThatCannotReadTheTicketFailsThePollAsAuthAfterASecondLogin() throws Exception {
        SimulatedEndpoint simulated = startSimulator("kerberos-keytab: " + kdc.otherServiceKeytab()
                + "\n    kerberos-principal: " + TestKdc.OTHER_SERVICE);
        Map<String, Object> block = byName(kerberos(simulated, login("password", TestKdc.PASSWORD)));

        assertThatThrownBy(() -> poll(simulated, block)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("refused the Kerberos ticket of " + TestKdc.USER + "@" + TestKdc.REALM
                    + " for HTTP/localhost, also after a new login");
        });
    }

    @Test
    void aListenerWithoutKerberosFailsThePollAsAuthNamingWhatItOffers() throws Exception {
        SimulatedEndpoint simulated = startSimulator("");
        Map<String, Object> block = byName(kerberos(simulated, login("password", TestKdc.PASSWORD)));

        assertThatThrownBy(() -> poll(simulated, block)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.getMessage()).contains("(it offers: Basic realm=\"WSMAN\")");
            assertThat(e.remedy()).contains("@{Kerberos=\"true\"}");
        });
    }

    @Test
    void aKdcThatDoesNotAnswerFailsThePollAsARetriableConnectError() throws Exception {
        SimulatedEndpoint simulated = startSimulator();
        Map<String, Object> block = byName(kerberos(simulated, login("domain", TestKdc.DOWN_REALM,
                "password", TestKdc.PASSWORD)));

        assertThatThrownBy(() -> poll(simulated, block)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONNECT);
            assertThat(e.permanent()).isFalse();
            assertThat(e.getMessage()).contains("no KDC of realm " + TestKdc.DOWN_REALM);
        });
    }

    @Test
    void aServicePrincipalTheKdcDoesNotKnowFailsThePollAsAuthNamingSetspn() throws Exception {
        SimulatedEndpoint simulated = startSimulator();
        // the listeners by address: the default service principal would be HTTP/127.0.0.1, which nobody registered
        Map<String, Object> block = kerberos(simulated, login("password", TestKdc.PASSWORD));

        assertThatThrownBy(() -> poll(simulated, block)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.getMessage()).contains("knows no service principal HTTP/127.0.0.1");
            assertThat(e.remedy()).contains("setspn -S HTTP/127.0.0.1").contains(".login.service-principal");
        });
    }
}
