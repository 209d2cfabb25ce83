package org.sitewatch.simulator.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.simulator.proxmox.TestSites.T0;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;

/** Each api-fault kind, its self-clearing duration, api-ok, and that other sites are unaffected. */
class ApiFaultTest {

    private static final String TIMELINE = """
            timeline:
              - { at: 5s, site: alpha, action: api-fault, kind: http500, duration: 10s }
              - { at: 20s, site: alpha, action: api-fault, kind: malformed }
              - { at: 25s, site: alpha, action: api-ok }
              - { at: 30s, site: alpha, action: api-fault, kind: auth }
              - { at: 35s, site: alpha, action: api-ok }
              - { at: 40s, site: alpha, action: api-fault, kind: timeout, duration: 5s }
            """;

    private final ManualClock clock = new ManualClock(T0);
    private ProxmoxSimulator sim;
    private PveClient client;

    @BeforeEach
    void start() {
        sim = TestSites.start(TestSites.scenario(TIMELINE), clock);
        client = new PveClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int statusAt(long second) {
        clock.set(T0.plusSeconds(second));
        return client.get("alpha", "/version").status();
    }

    @Test
    void http500ClearsAfterItsDuration() {
        assertThat(statusAt(4)).isEqualTo(200);
        clock.set(T0.plusSeconds(6));
        PveClient.Reply r = client.get("alpha", "/cluster/status");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("data").isNull()).isTrue();
        assertThat(r.json().get("message").asText()).endsWith("\n");
        assertThat(client.get("beta", "/version").status()).as("other site unaffected").isEqualTo(200);
        assertThat(statusAt(14)).isEqualTo(500);
        assertThat(statusAt(15)).isEqualTo(200);
    }

    @Test
    void malformedBodyUntilApiOk() {
        clock.set(T0.plusSeconds(21));
        PveClient.Reply r = client.get("alpha", "/cluster/resources?type=vm");
        assertThat(r.status()).isEqualTo(200);
        assertThatThrownBy(() -> new ObjectMapper().readTree(r.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(statusAt(25)).isEqualTo(200);
    }

    @Test
    void authFaultRejectsTheRightToken() {
        clock.set(T0.plusSeconds(31));
        PveClient.Reply r = client.get("alpha", "/version");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("message").asText()).isEqualTo("authentication failure\n");
        assertThat(statusAt(36)).isEqualTo(200);
    }

    @Test
    void timeoutFaultNeverAnswersInTime() {
        clock.set(T0.plusSeconds(41));
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.send(client.request("alpha", "/version", sim.authorizationHeader("alpha"),
                Duration.ofMillis(400))))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(client.get("beta", "/version").status()).isEqualTo(200);
        assertThat(statusAt(45)).as("fault cleared after 5 s").isEqualTo(200);
    }
}
