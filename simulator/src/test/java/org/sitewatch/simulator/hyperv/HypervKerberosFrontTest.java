package org.sitewatch.simulator.hyperv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;

/**
 * A listener with a service keytab: its 401 offers Negotiate and Kerberos beside Basic, Basic still
 * logs in, and a token that proves nothing is refused. (A real ticket needs a KDC: the Hyper-V
 * collector's {@code HypervKerberosTest} logs in through one against this front.) The scenario
 * keys are checked when the scenario is read.
 */
class HypervKerberosFrontTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Simulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static String scenario(String kerberosKeys) {
        return """
                name: hyperv-kerberos-front-test
                clusters:
                  - name: paris-hv
                    platform: hyperv
                    site: paris
                    username: monitor
                    password: s3cret
                """ + kerberosKeys + """
                    nodes:
                      - { name: hv-par-1 }
                """;
    }

    /**
     * A keytab (MIT format 0x0502) with one random AES-128 key for {@code HTTP/localhost@PARIS.EXAMPLE},
     * the listener's default principal: no KDC knows that key, so no ticket can be for it.
     */
    private Path keytab() throws Exception {
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(entry);
        out.writeShort(2); // components
        counted(out, "PARIS.EXAMPLE".getBytes(StandardCharsets.US_ASCII));
        counted(out, "HTTP".getBytes(StandardCharsets.US_ASCII));
        counted(out, "localhost".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(3); // KRB5_NT_SRV_HST
        out.writeInt((int) (System.currentTimeMillis() / 1000));
        out.writeByte(1); // key version
        out.writeShort(17); // aes128-cts-hmac-sha1-96
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        counted(out, key);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream keytab = new DataOutputStream(file);
        keytab.writeShort(0x0502);
        keytab.writeInt(entry.size());
        keytab.write(entry.toByteArray());
        Path path = dir.resolve("http.keytab");
        Files.write(path, file.toByteArray());
        return path;
    }

    private static void counted(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private HttpResponse<String> post(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl("paris-hv")))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/soap+xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("<s:Envelope/>"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldOfferKerberosBesideBasicAndRefuseATokenThatProvesNothing() throws Exception {
        simulator = Simulator.builder(Scenario.parse(scenario("    kerberos-keytab: " + keytab() + "\n")))
                .clock(new ManualClock(HypervFrontTest.T0)).tickInterval(null).build().start();

        HttpResponse<String> anonymous = post(null);
        HttpResponse<String> garbage = post("Kerberos " + Base64.getEncoder().encodeToString(new byte[] {0x60, 1, 2}));
        HttpResponse<String> notBase64 = post("Negotiate !!!");
        HttpResponse<String> basic = post("Basic " + Base64.getEncoder().encodeToString("monitor:s3cret"
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .containsExactly("Negotiate", "Kerberos", "Basic realm=\"WSMAN\"");
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(notBase64.statusCode()).isEqualTo(401);
        assertThat(basic.statusCode()).as("Basic passes; the envelope is then refused as unreadable").isEqualTo(400);
    }

    @Test
    void shouldOfferOnlyBasicWithoutAKeytab() throws Exception {
        simulator = Simulator.builder(Scenario.parse(scenario(""))).clock(new ManualClock(HypervFrontTest.T0))
                .tickInterval(null).build().start();

        HttpResponse<String> token = post("Kerberos " + Base64.getEncoder().encodeToString(new byte[] {0x60, 1, 2}));

        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(token.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"WSMAN\"");
    }

    @Test
    void shouldRefuseAMissingKeytabAndAMalformedPrincipal() throws Exception {
        assertThatThrownBy(() -> Scenario.parse(scenario("    kerberos-keytab: " + dir.resolve("none.keytab") + "\n")))
                .hasMessageContaining("kerberos-keytab").hasMessageContaining("is no file");
        assertThatThrownBy(() -> Scenario.parse(scenario("    kerberos-keytab: " + keytab()
                + "\n    kerberos-principal: HTTP/hv-par-1\n")))
                .hasMessageContaining("kerberos-principal").hasMessageContaining("HTTP/localhost@PARIS.EXAMPLE");
    }
}
