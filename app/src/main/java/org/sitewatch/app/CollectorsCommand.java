package org.sitewatch.app;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sitewatch collectors}: the collector app alone, publishing to an existing Kafka. */
@Command(name = "collectors", mixinStandardHelpOptions = true,
        description = {"Runs the collectors configured under sitewatch.collectors.endpoints and publishes to Kafka.",
                "Endpoints come from a config file (--config) or environment variables such as",
                "SITEWATCH_COLLECTORS_ENDPOINTS_0_URL. See README 'Point Sitewatch at a real Proxmox'."})
final class CollectorsCommand implements Runnable {

    @Mixin
    PartLauncher launcher;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:SERVER_PORT:-8081}",
            description = "HTTP port for /actuator (env SERVER_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Override
    public void run() {
        launcher.runUntilShutdown(spec, Map.of(
                "sitewatch.streams.enabled", "false",
                "sitewatch.alerting.enabled", "false",
                "server.port", Integer.toString(port)));
    }
}
