package org.sitewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The own HTTPS listeners of a simulator on a fixed port (the main port + 1, + 2, ... in scenario
 * order), and their certificate: extra DNS names in its SAN, written as PEM where asked, trusted by a
 * JDK client that verifies the host name.
 */
class OwnHttpsListenerPortsAndCertificateTest {

    private static final String TWO_VAULTS_AND_A_PROXMOX_CLUSTER = """
            name: own-listeners
            clusters:
              - name: rsv-first
                platform: azure
                site: azure-weu
                region: westeurope
                nodes: [ { name: hv-a, site: dc-a }, { name: westeurope } ]
              - name: pve-between
                site: dc-a
                token: "root@pam!sw=11111111-2222-4333-8444-555555555555"
                nodes: [ { name: pve-1 } ]
              - name: rsv-second
                platform: azure
                site: azure-neu
                region: northeurope
                nodes: [ { name: hv-b, site: dc-b }, { name: northeurope } ]
            """;
    private static final String PROXMOX_ONLY = """
            name: no-own-listener
            clusters:
              - name: pve-only
                token: "root@pam!sw=11111111-2222-4333-8444-555555555555"
                nodes: [ { name: pve-1 } ]
            """;

    private static Simulator.Builder builder(String scenario) {
        return Simulator.builder(Scenario.parse(scenario)).clock(new ManualClock(Instant.parse("2026-03-02T08:00:00Z")))
                .tickInterval(null);
    }

    @Test
    void aFixedMainPortGivesTheOwnListenersTheNextPortsInScenarioOrder() throws Exception {
        try (Simulator simulator = startOnFreePorts(3, port -> builder(TWO_VAULTS_AND_A_PROXMOX_CLUSTER).port(port))) {
            int main = simulator.port();
            assertThat(simulator.baseUrl("rsv-first")).isEqualTo("https://127.0.0.1:" + (main + 1));
            assertThat(simulator.baseUrl("rsv-second")).isEqualTo("https://127.0.0.1:" + (main + 2));
            assertThat(simulator.baseUrl("pve-between")).isEqualTo("http://127.0.0.1:" + main + "/pve-between/api2/json");
            HttpClient client = trustingClient(simulator.ownListenerCertificate().orElseThrow());
            for (String vault : List.of("rsv-first", "rsv-second")) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create(simulator.baseUrl(vault) + "/subscriptions")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("%s answers over TLS, refusing a call without a token", vault)
                        .isEqualTo(401);
            }
        }
    }

    @Test
    void aTakenListenerPortFailsNamingItAndReleasesTheMainPort() throws Exception {
        int main = freePorts(2);
        try (ServerSocket taken = new ServerSocket(main + 1, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> builder(TWO_VAULTS_AND_A_PROXMOX_CLUSTER).port(main).build().start())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("HTTPS listener of cluster rsv-first")
                    .hasMessageContaining("127.0.0.1:" + (main + 1) + " (the main port " + main + " + 1)");
        }
        try (ServerSocket again = new ServerSocket(main, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the failed start closed its main listener").isEqualTo(main);
        }
    }

    @Test
    void listenerPortsPastTheLastPortAreRefusedWithTheFix() {
        assumeTrue(isFree(65535), "port 65535 is in use here");
        assertThatThrownBy(() -> builder(TWO_VAULTS_AND_A_PROXMOX_CLUSTER).port(65535).build().start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rsv-first").hasMessageContaining("65535 + 1 is above 65535")
                .hasMessageContaining("lower --port");
    }

    @Test
    void theCertificateNamesTheExtraHostsAndIsWrittenWhereAsked(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("tls/shared/ca.pem");
        try (Simulator simulator = builder(TWO_VAULTS_AND_A_PROXMOX_CLUSTER)
                .tlsHostNames(List.of("simulator", "Sitewatch-Sim.example")).caCertificateOut(out).build().start()) {
            assertThat(out).isRegularFile().hasSameBinaryContentAs(simulator.ownListenerCertificate().orElseThrow());
            List<String> san = new ArrayList<>();
            for (List<?> name : certificate(out).getSubjectAlternativeNames()) {
                san.add(name.get(0) + ":" + name.get(1));   // 2 = dNSName, 7 = iPAddress
            }
            assertThat(san).containsExactlyInAnyOrder("2:localhost", "7:127.0.0.1", "2:simulator",
                    "2:sitewatch-sim.example");

            // the JDK client checks the host name against the SAN: localhost is in it
            String viaLocalhost = simulator.baseUrl("rsv-first").replace("127.0.0.1", "localhost") + "/subscriptions";
            HttpResponse<String> answer = trustingClient(out).send(HttpRequest.newBuilder(URI.create(viaLocalhost)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(401);
            // ...and a client trusting only the JVM's CAs refuses the listener
            assertThatThrownBy(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(viaLocalhost)).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void theCertificateIsWrittenEvenWithoutAClusterServingIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ca.pem");
        try (Simulator simulator = builder(PROXMOX_ONLY).caCertificateOut(out).build().start()) {
            assertThat(certificate(out).getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
            assertThat(simulator.ownListenerCertificate()).isPresent();
        }
        try (Simulator simulator = builder(PROXMOX_ONLY).build().start()) {
            assertThat(simulator.ownListenerCertificate()).as("none made when nobody needs it").isEmpty();
        }
    }

    @Test
    void anUnwritableCertificateFileFailsTheStartNamingIt(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path out = notADirectory.resolve("ca.pem");
        assertThatThrownBy(() -> builder(PROXMOX_ONLY).caCertificateOut(out).build().start())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write the simulator's CA certificate to " + out.toAbsolutePath());
    }

    @Test
    void aHostNameThatIsNotADnsNameIsRefusedNamingIt() {
        assertThatThrownBy(() -> builder(PROXMOX_ONLY).tlsHostNames(List.of("simulator", "bad_name!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad_name!'");
        assertThatThrownBy(() -> builder(PROXMOX_ONLY).tlsHostNames(List.of("-leading-hyphen")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'-leading-hyphen'");
    }

    @Test
    void oneCertificateIsSharedPerSetOfNames() {
        SelfSignedCertificate withSimulator = SelfSignedCertificate.shared(Set.of("simulator"));
        assertThat(SelfSignedCertificate.shared(Set.of("SIMULATOR", "localhost"))).isSameAs(withSimulator);
        assertThat(SelfSignedCertificate.shared(Set.of("localhost"))).isSameAs(SelfSignedCertificate.shared())
                .isNotSameAs(withSimulator);
        assertThat(SelfSignedCertificate.shared().pem()).isNotEqualTo(withSimulator.pem());
    }

    /**
     * Starts the simulator {@code attempts} times at most on a main port whose {@code count - 1}
     * successors were free a moment before; another process may take one in between, so a bind
     * failure tries another range.
     */
    private static Simulator startOnFreePorts(int count, IntFunction<Simulator.Builder> builderForPort) throws IOException {
        UncheckedIOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return builderForPort.apply(freePorts(count)).build().start();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof BindException)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** A port that was free on 127.0.0.1 together with its {@code count - 1} successors. */
    private static int freePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                first = probe.getLocalPort();
            }
            boolean allFree = first + count - 1 <= 65535;
            for (int i = 0; allFree && i < count; i++) {
                allFree = isFree(first + i);
            }
            if (allFree) {
                return first;
            }
        }
        throw new IOException("found no " + count + " free consecutive ports on 127.0.0.1");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static HttpClient trustingClient(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("simulator", certificate(pem));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
