package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.simulator.ManualClock;

/** HTTPS with a PKCS12 keystore made by the JDK's keytool for 127.0.0.1. */
class TlsTest {

    @Test
    void servesHttpsWithTheGivenKeystore(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("sim.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sim", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);

        try (ProxmoxSimulator sim = ProxmoxSimulator.builder(TestSites.scenario(""))
                .clock(new ManualClock(TestSites.T0)).tls(keystore, "changeit").build().start()) {
            assertThat(sim.baseUrl("alpha")).startsWith("https://127.0.0.1:");
            PveClient client = new PveClient(sim, HttpClient.newBuilder().sslContext(ssl)
                    .connectTimeout(Duration.ofSeconds(2)).build());
            assertThat(client.data("alpha", "/version").get("version").asText()).isEqualTo("8.2.4");
        }
    }
}
