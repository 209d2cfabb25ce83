package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/** What {@code sitewatch simulator} prints: every cluster's URL, the Proxmox demo tokens, no other secret. */
class SimulatorCommandTest {

    @Test
    void shouldPrintEveryClustersUrlAndTheCertificateButNoSecretBesidesTheProxmoxTokens(@TempDir Path dir) {
        Path caOut = dir.resolve("tls/ca.pem");
        try (Simulator simulator = Simulator.builder(Scenario.loadResource(ScenarioOption.DEFAULT)).tickInterval(null)
                .tlsHostNames(List.of("simulator")).caCertificateOut(caOut).build().start()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SimulatorCommand.describe(simulator, caOut, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String printed = bytes.toString(StandardCharsets.UTF_8);

            assertThat(printed).contains(String.join(", ", simulator.scenario().sites()));
            for (SimulatedEndpoint e : simulator.endpoints()) {
                assertThat(printed).contains("  " + e.id() + "  " + e.platform() + "  site " + e.site()
                        + (e.url() != null ? "  url " + e.url() : "  (not over HTTP"));
                if (e.platform().equals("proxmox")) {
                    assertThat(printed).contains("api-token " + e.settings().get("api-token"));
                } else {
                    e.settings().forEach((key, value) -> {
                        if (key.contains("secret") || key.contains("password")) {
                            assertThat(printed).as(e.id() + " " + key).doesNotContain(value);
                        }
                    });
                }
            }
            assertThat(printed).contains("certificate (a collector's ca-file): " + caOut.toAbsolutePath());
        }
    }
}
