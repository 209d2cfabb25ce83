package org.sitewatch.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sitewatch simulator}: the multi-vendor API simulator alone, for collectors run elsewhere. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = {"Serves the simulated clusters of a scenario (Proxmox VE, vSphere with VR/SRM, Hyper-V, "
                + "Azure Site Recovery), playing its timeline, until Ctrl-C.",
                "Every cluster is served under http://HOST:PORT/<cluster>; a cluster with a listener of its own "
                        + "(Azure) is served over HTTPS on PORT+1, PORT+2, ... in scenario order (ephemeral ports "
                        + "with --port 0), with a self-signed certificate for localhost, 127.0.0.1 and each "
                        + "--tls-host."})
final class SimulatorCommand implements Runnable {

    @Mixin
    ScenarioOption scenario;

    @Option(names = "--bind", defaultValue = "${env:SITEWATCH_SIMULATOR_BIND:-127.0.0.1}",
            description = "Address to listen on (env SITEWATCH_SIMULATOR_BIND, default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", defaultValue = "${env:SITEWATCH_SIMULATOR_PORT:-8006}",
            description = "Port (env SITEWATCH_SIMULATOR_PORT, default ${DEFAULT-VALUE}); the HTTPS listeners "
                    + "take the next ports.")
    int port;

    @Option(names = "--tls-host", paramLabel = "NAME", split = ",",
            defaultValue = "${env:SITEWATCH_SIMULATOR_TLS_HOSTS}",
            description = "A DNS name the HTTPS listeners' certificate also holds, e.g. the host name collectors "
                    + "in another container use; repeatable (env SITEWATCH_SIMULATOR_TLS_HOSTS, comma-separated).")
    List<String> tlsHosts;

    @Option(names = "--ca-out", paramLabel = "FILE", defaultValue = "${env:SITEWATCH_SIMULATOR_CA_OUT}",
            description = "Write the HTTPS listeners' certificate as PEM to FILE at start, for collectors to "
                    + "trust as their ca-file (env SITEWATCH_SIMULATOR_CA_OUT).")
    Path caOut;

    @Override
    public void run() {
        Scenario loaded = scenario.load();
        Simulator simulator = Simulator.builder(loaded).clock(Clock.systemUTC()).bindAddress(bind).port(port)
                .tlsHostNames(tlsHosts == null ? List.of() : tlsHosts.stream().filter(h -> !h.isBlank()).toList())
                .caCertificateOut(caOut).build().start();
        describe(simulator, caOut, System.out);
        ShutdownOrder.awaitShutdown(simulator);
    }

    /**
     * Where each cluster answers. Secrets are left out, except the Proxmox VE API tokens: the
     * scenario's demo values, printed for pasting into a collector's configuration.
     */
    static void describe(Simulator simulator, Path caOut, PrintStream out) {
        out.println("Sitewatch simulator listening on port " + simulator.port() + ": " + simulator.clusters().size()
                + " clusters in sites " + String.join(", ", simulator.scenario().sites()));
        for (SimulatedEndpoint e : simulator.endpoints()) {
            StringBuilder line = new StringBuilder("  ").append(e.id()).append("  ").append(e.platform())
                    .append("  site ").append(e.site())
                    // a front not served over HTTP (libvirt) is reached through its vendor's own client
                    .append(e.url() != null ? "  url " + e.url() : "  (not over HTTP: this process's libvirt test driver)");
            if (e.platform().equals("proxmox") && e.settings().containsKey("api-token")) {
                line.append("  api-token ").append(e.settings().get("api-token"));
            }
            out.println(line);
        }
        simulator.ownListenerCertificate().ifPresent(pem -> out.println("HTTPS listeners' certificate (a collector's "
                + "ca-file): " + (caOut != null ? caOut.toAbsolutePath() : pem)));
    }
}
