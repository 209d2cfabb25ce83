package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.broker.FreePorts;
import org.sitewatch.core.alerts.AlertRule;
import org.sitewatch.core.alerts.AlertSettings;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.streams.topology.TopologySettings;

/**
 * The alerts' default {@code runbook_url}, as the running embedded default configured it, points at
 * the runbooks the app serves itself: for every rule the URL answers HTML with a section whose anchor
 * is the URL's fragment.
 */
class RunbooksIT {

    @TempDir
    static Path dir;

    private static EmbeddedStack stack;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        // A fixed port, as users run it: the link is absolute only when the port is known before start-up.
        port = FreePorts.loopback();
        stack = new EmbeddedStack(new EmbeddedStack.Settings(dir.resolve("data"), null, 0, port, 0,
                Scenario.loadResource("/scenarios/default.yaml"), Duration.ofSeconds(5), FastStack.ANONYMOUS_VIEWING)).start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldPointEveryRulesRunbookUrlAtASectionTheAppServes() throws Exception {
        AlertSettings alerts = stack.bean(TopologySettings.class).alerts();
        HttpClient http = HttpClient.newHttpClient();
        for (AlertRule rule : AlertRule.values()) {
            URI link = URI.create(alerts.runbookUrl(rule));
            assertThat(link.toString()).startsWith("http://127.0.0.1:" + port + "/runbooks#");

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    new URI(link.getScheme(), link.getAuthority(), link.getPath(), null, null)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).as(link.toString()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            assertThat(page.body()).as(link.toString()).contains("id=\"" + link.getFragment() + "\"");
        }
    }
}
