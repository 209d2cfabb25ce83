package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Platform;

/** Heartbeat texts, failure-log causes and the plain-HTTP warning never carry a credential's value. */
class SecretRedactionTest {

    private static final String SECRET = "Qv7-heartbeat-s3cret";

    record Login(String username, Secret password) {
    }

    record HttpVendorSettings(URI url, Login login, Secret apiToken) {
    }

    private static EndpointConfig endpoint(String url, String token) {
        EndpointConfig.Builder b = EndpointConfig.builder("pve-lab", "lab", Platform.PROXMOX).setting("url", url);
        if (token != null) {
            b.setting("api-token", token);
        }
        return b.build();
    }

    @Test
    void shouldRedactTheErrorTextOfAFailedHeartbeatEvenWhenTheSourceBuiltItItself() {
        CollectorException ownText = new CollectorException(CollectorErrorKind.HTTP_5XX, false, "x", null, null) {
            @Override
            public String describe() {
                return "GET https://pve1:8006/api2/json/nodes?ticket=" + SECRET + " answered HTTP 500. Authorization: "
                        + "PVEAPIToken=root@pam!sw=" + SECRET;
            }
        };

        CollectorHeartbeat hb = new Heartbeats(endpoint("https://pve1:8006/api2/json", null))
                .failed(ownText, Duration.ofMillis(20), Duration.ofSeconds(5));

        assertThat(hb.error()).doesNotContain(SECRET).contains("GET https://pve1:8006/api2/json/nodes?ticket=******");
    }

    @Test
    void shouldRedactMessagesAndPartialReadReasonsWhereTheyAreMade() {
        CollectorException e = CollectorException.retriable(CollectorErrorKind.CONNECT,
                "GET https://monitor:" + SECRET + "@vc1.example/sdk failed", null);
        PartialRead partial = new PartialRead(EventType.VM_STATE, Scope.endpoint("inventory"),
                "GET /vms?$skiptoken=abc&sig=" + SECRET + " answered HTTP 403");

        CollectorHeartbeat hb = new Heartbeats(endpoint("https://vc1.example", null))
                .ok(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(5), Duration.ofSeconds(5), List.of(partial));

        assertThat(e.getMessage()).isEqualTo("GET https://******@vc1.example/sdk failed");
        assertThat(e.describe()).doesNotContain(SECRET);
        assertThat(hb.unreadable().get(0).reason()).doesNotContain(SECRET).contains("sig=******");
    }

    @Test
    void shouldDescribeCausesWithoutTheirCredentials() {
        Throwable cause = new IOException("connect to https://u:" + SECRET + "@h.example/x failed",
                new IllegalStateException("Bearer " + SECRET));

        String shown = FailureLog.causes(cause);

        assertThat(shown).doesNotContain(SECRET)
                .isEqualTo("java.io.IOException: connect to https://******@h.example/x failed <- "
                        + "java.lang.IllegalStateException: Bearer ******");
    }

    @Test
    void shouldWarnOfATokenSentOverPlainHttpNamingTheKeysButNotTheValue() {
        EndpointConfig plain = endpoint("http://pve1.example:8006/api2/json", SECRET);

        String warning = warning(plain, HttpVendorSettings.class).orElseThrow();

        assertThat(warning).startsWith("collector pve-lab: endpoints[pve-lab].proxmox.url is plain http://")
                .contains("endpoints[pve-lab].proxmox.api-token").doesNotContain(SECRET);
    }

    @Test
    void shouldWarnOfANestedPasswordAndOfUserInfoInAPlainUrl() {
        EndpointConfig nested = EndpointConfig.builder("vc", "lab", Platform.VSPHERE).setting("url", "http://vc.example")
                .setting("login", java.util.Map.of("username", "monitor", "password", SECRET)).build();
        EndpointConfig userInfo = endpoint("http://monitor:" + SECRET + "@pve1.example/api2/json", null);

        assertThat(warning(nested, HttpVendorSettings.class)).hasValueSatisfying(w ->
                assertThat(w).contains("endpoints[vc].vsphere.login.password").doesNotContain(SECRET));
        assertThat(warning(userInfo, HttpVendorSettings.class)).hasValueSatisfying(w ->
                assertThat(w).contains("endpoints[pve-lab].proxmox.url (user info)").doesNotContain(SECRET));
    }

    @Test
    void shouldOnlyInformWhenEveryPlainUrlNamesALoopbackAddress() {
        for (String host : java.util.List.of("127.0.0.1", "127.1.2.3", "localhost", "[::1]")) {
            PlainHttpCredentials.Finding finding = PlainHttpCredentials.find(
                    endpoint("http://" + host + ":8006/api2/json", SECRET), HttpVendorSettings.class).orElseThrow();
            assertThat(finding.loopbackOnly()).as(host).isTrue();
            assertThat(finding.text()).as(host).contains("to a loopback address").doesNotContain(SECRET);
        }
        for (String host : java.util.List.of("10.0.0.1", "128.0.0.1", "localhost.example", "pve1.example")) {
            assertThat(PlainHttpCredentials.find(endpoint("http://" + host + ":8006/api2/json", SECRET),
                    HttpVendorSettings.class).orElseThrow().loopbackOnly()).as(host).isFalse();
        }
    }

    @Test
    void shouldNotWarnOverHttpsOrWithoutACredential() {
        assertThat(warning(endpoint("https://pve1.example/api2/json", SECRET), HttpVendorSettings.class))
                .isEmpty();
        assertThat(warning(endpoint("http://pve1.example/api2/json", null), HttpVendorSettings.class))
                .isEmpty();
        assertThat(warning(endpoint("http://pve1.example/api2/json", SECRET), Unbindable.class))
                .as("a block that does not bind is refused at start-up instead").isEmpty();
    }

    /** The text of the plain-HTTP finding, as the runtime logs it. */
    private static java.util.Optional<String> warning(EndpointConfig endpoint, Class<? extends Record> settingsType) {
        return PlainHttpCredentials.find(endpoint, settingsType).map(PlainHttpCredentials.Finding::text);
    }

    record Unbindable(@org.sitewatch.collectors.spi.settings.Required String missing) {
    }
}
