package org.sitewatch.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sitewatch run}: the embedded default. A real Kafka broker, the simulator playing a fourteen-site
 * scenario (Proxmox VE, vSphere, VMware Cloud on AWS, Hyper-V, Azure Site Recovery, libvirt with DRBD, KubeVirt,
 * oVirt / RHV, Oracle VM, Citrix DaaS),
 * the collectors and the streams app, all in this process.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs everything in one process: embedded Kafka (KRaft), the simulator",
                "(fourteen sites; the libvirt one needs libvirt0), the collectors and the streams app.", "Ctrl-C stops it; the next start reuses --data-dir."})
final class RunCommand implements Runnable {

    @Mixin
    KafkaOption kafka;

    @Mixin
    ScenarioOption scenario;

    @Option(names = "--data-dir", defaultValue = "${env:SITEWATCH_DATA_DIR:-sitewatch-data}",
            description = "Where the broker and the streams state keep their data (env SITEWATCH_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "${env:SERVER_PORT:-8080}",
            description = "HTTP port of the views and metrics (env SERVER_PORT, default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--kafka-port", defaultValue = "${env:SITEWATCH_KAFKA_PORT:-9092}",
            description = "Port of the embedded broker on 127.0.0.1 (env SITEWATCH_KAFKA_PORT, default ${DEFAULT-VALUE}; 0 = any free port).")
    int kafkaPort;

    @Option(names = "--simulator-port", defaultValue = "${env:SITEWATCH_SIMULATOR_PORT:-8006}",
            description = "Port of the Proxmox simulator on 127.0.0.1 (env SITEWATCH_SIMULATOR_PORT, default ${DEFAULT-VALUE}).")
    int simulatorPort;

    @Option(names = "--bind", defaultValue = "${env:SITEWATCH_BIND:-127.0.0.1}",
            description = "Address the views and API listen on (env SITEWATCH_BIND, default ${DEFAULT-VALUE}: this machine only; "
                    + "0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--poll-interval", defaultValue = "${env:SITEWATCH_POLL_INTERVAL:-5s}",
            description = "How often collectors poll the simulated sites (env SITEWATCH_POLL_INTERVAL, default ${DEFAULT-VALUE}).")
    String pollInterval;

    @Mixin
    SpringArguments spring;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        long started = System.nanoTime();
        PrintStream out = System.out;
        out.println("sitewatch: starting the embedded default in " + dataDir.toAbsolutePath() + " ...");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.address", bind);
        properties.putAll(spring.properties(spec.commandLine().getUnmatchedArguments())); // --server.address=... wins
        EmbeddedStack stack = new EmbeddedStack(new EmbeddedStack.Settings(dataDir, kafka.bootstrapServers, kafkaPort,
                httpPort, simulatorPort, scenario.load(), DurationParser.parse(pollInterval, "--poll-interval"),
                properties));
        stack.start();
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        new Banner(out).print(stack, startup);
        if (stack.adminToken() != null) {
            stack.adminToken().print(out, "http://127.0.0.1:" + stack.httpPort());
        }
        stack.printHealthChanges(out);
        stack.awaitShutdown();
        out.println("sitewatch: stopped.");
    }
}
