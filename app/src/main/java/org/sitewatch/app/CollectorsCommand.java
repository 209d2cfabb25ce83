package org.sitewatch.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sitewatch collectors}: the collector app alone, publishing to an existing Kafka. */
@Command(name = "collectors", mixinStandardHelpOptions = true,
        description = {"Runs the collectors configured under sitewatch.collectors.endpoints and publishes to Kafka.",
                "Endpoints come from a config file (--config) or environment variables such as",
                "SITEWATCH_COLLECTORS_ENDPOINTS_0_URL. See README 'Point Sitewatch at a real Proxmox'."})
final class CollectorsCommand implements Runnable {

    @Mixin
    KafkaOption kafka;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML or properties file with sitewatch.* keys.")
    String config;

    @Option(names = "--port", defaultValue = "${env:SERVER_PORT:-8081}",
            description = "HTTP port for /actuator (env SERVER_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Parameters(paramLabel = "--spring.property=value", arity = "0..*", description = "Extra Spring properties.")
    List<String> extra = new ArrayList<>();

    @Override
    public void run() {
        String bootstrap = kafka.required();
        KafkaTopics.provision(bootstrap, Duration.ofSeconds(60));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sitewatch.kafka.bootstrap-servers", bootstrap);
        props.put("sitewatch.streams.enabled", "false");
        props.put("server.port", Integer.toString(port));
        if (config != null) {
            props.put("spring.config.additional-location", "file:" + config);
        }
        ConfigurableApplicationContext context = SpringLauncher.start(props, extra);
        ShutdownOrder.awaitShutdown(context);
    }
}
