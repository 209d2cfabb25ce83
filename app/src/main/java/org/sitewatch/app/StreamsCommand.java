package org.sitewatch.app;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sitewatch streams}: the Kafka Streams app with its REST views, on an existing Kafka. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Runs the streams app: folds events into site health, serves /api/sites and /actuator/prometheus.")
final class StreamsCommand implements Runnable {

    @Mixin
    PartLauncher launcher;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:SERVER_PORT:-8080}",
            description = "HTTP port (env SERVER_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "${env:SITEWATCH_BIND:-127.0.0.1}",
            description = "Address to listen on (env SITEWATCH_BIND, default ${DEFAULT-VALUE}: this machine only; "
                    + "0.0.0.0 for every interface, e.g. in a container).")
    String bind;

    @Option(names = "--state-dir", defaultValue = "${env:SITEWATCH_STREAMS_STATE_DIR:-sitewatch-data/streams}",
            description = "Local state directory of the stores (env SITEWATCH_STREAMS_STATE_DIR, default ${DEFAULT-VALUE}).")
    String stateDir;

    @Option(names = "--instance-id", defaultValue = "${env:SITEWATCH_STREAMS_INSTANCE_ID}",
            description = "This instance's static group membership id (env SITEWATCH_STREAMS_INSTANCE_ID); default: "
                    + "the one kept in the state directory, made at the first start. Unique per running instance.")
    String instanceId;

    @Override
    public void run() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("sitewatch.collectors.enabled", "false");
        properties.put("sitewatch.streams.state-dir", stateDir);
        if (instanceId != null && !instanceId.isBlank()) {
            properties.put("sitewatch.streams.instance-id", instanceId);
        }
        properties.put("server.port", Integer.toString(port));
        properties.put("server.address", bind);
        launcher.runUntilShutdown(spec, properties);
    }
}
