package org.sitewatch.app;

import java.time.Clock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.proxmox.ProxmoxSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sitewatch simulator}: the Proxmox VE API simulator alone, for collectors run elsewhere. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Serves simulated Proxmox VE clusters (one per site) playing a scenario, until Ctrl-C.")
final class SimulatorCommand implements Runnable {

    @Mixin
    ScenarioOption scenario;

    @Option(names = "--bind", defaultValue = "${env:SITEWATCH_SIMULATOR_BIND:-127.0.0.1}",
            description = "Address to listen on (env SITEWATCH_SIMULATOR_BIND, default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", defaultValue = "${env:SITEWATCH_SIMULATOR_PORT:-8006}",
            description = "Port (env SITEWATCH_SIMULATOR_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Override
    public void run() {
        Scenario loaded = scenario.load();
        ProxmoxSimulator simulator = ProxmoxSimulator.builder(loaded)
                .clock(Clock.systemUTC()).bindAddress(bind).port(port).build().start();
        System.out.println("Proxmox VE simulator listening on " + bind + ":" + simulator.port());
        for (String site : simulator.sites()) {
            System.out.println("  " + site + "  url " + simulator.baseUrl(site) + "  api-token " + simulator.apiToken(site));
        }
        ShutdownOrder.awaitShutdown(simulator);
    }
}
