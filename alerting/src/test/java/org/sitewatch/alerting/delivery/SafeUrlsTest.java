package org.sitewatch.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.config.AlertingProperties;

/** Delivery errors, targets and alerting configuration never show a credential a URL carries. */
class SafeUrlsTest {

    private static final String SECRET = "Wh00k-t0ken-9f2c";

    @Test
    void shouldMaskUserInfoQueryAndFragmentButKeepTheReceiverAddress() {
        assertThat(SafeUrls.show(URI.create("https://am:" + SECRET + "@am.example:9093/prefix")))
                .isEqualTo("https://******@am.example:9093/prefix");
        assertThat(SafeUrls.show(URI.create("https://hooks.example/in/abc?token=" + SECRET + "#" + SECRET)))
                .isEqualTo("https://hooks.example/in/abc?******#******");
        assertThat(SafeUrls.show(URI.create("http://am:9093"))).isEqualTo("http://am:9093");
        assertThat(SafeUrls.show(URI.create("mailto:" + SECRET + "@x.example?subject=" + SECRET))).doesNotContain(SECRET);
        assertThat(SafeUrls.show(null)).isNull();
    }

    @Test
    void shouldKeepTheTokenOutOfTheErrorOfARejectedDelivery() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            // A receiver that echoes the request line, as some proxies do in their error pages.
            byte[] body = ("bad request " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        receiver.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?token=" + SECRET);
            HttpPoster poster = new HttpPoster(Duration.ofSeconds(5));

            assertThatThrownBy(() -> poster.post(url, "{}".getBytes(StandardCharsets.UTF_8), Map.of()))
                    .isInstanceOf(DeliveryException.class)
                    .hasMessageStartingWith("HTTP 500 from http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?******")
                    .message().doesNotContain(SECRET);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void shouldKeepUserInfoOutOfTheErrorOfAnUnreachableReceiver() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        URI url = URI.create("http://am:" + SECRET + "@127.0.0.1:" + closedPort + "/api/v2/alerts");

        assertThatThrownBy(() -> new HttpPoster(Duration.ofSeconds(2)).post(url, new byte[0], Map.of()))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("cannot POST to http://******@127.0.0.1:" + closedPort)
                .message().doesNotContain(SECRET);
    }

    @Test
    void shouldShowTargetsAndConfigurationWithoutSecrets() {
        URI hook = URI.create("https://hooks.example/in?sig=" + SECRET);
        AlertingProperties.Webhook webhook = new AlertingProperties.Webhook("ops", hook, SECRET + "-hmac-key", null);
        AlertingProperties.Alertmanager alertmanager = new AlertingProperties.Alertmanager(
                List.of(URI.create("http://am:" + SECRET + "@am.example:9093")), Duration.ofMinutes(1),
                Duration.ofMinutes(15), Duration.ofSeconds(10));
        AlertingProperties properties = new AlertingProperties(true, "g", null, alertmanager, List.of(webhook),
                new AlertingProperties.Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(30)), Duration.ofHours(1),
                List.of(), Duration.ofMillis(500), Duration.ofSeconds(30),
                Map.of("sasl.jaas.config", "ScramLoginModule required username=\"a\" password=\"" + SECRET + "\";"));

        assertThat(new WebhookSender("ops", hook, SECRET + "-hmac-key", new HttpPoster(Duration.ofSeconds(1))).toString())
                .isEqualTo("webhook ops -> https://hooks.example/in?******");
        assertThat(properties.toString()).doesNotContain(SECRET).contains("kafka=[sasl.jaas.config]")
                .contains("https://hooks.example/in?******").contains("http://******@am.example:9093");
    }
}
