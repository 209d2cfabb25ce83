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

/** {@code sitewatch streams}: the Kafka Streams app with its REST views, on an existing Kafka. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Runs the streams app: folds events into site health, serves /api/sites and /actuator/prometheus.")
final class StreamsCommand implements Runnable {

    @Mixin
    KafkaOption kafka;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML or properties file with sitewatch.* keys.")
    String config;

    @Option(names = "--port", defaultValue = "${env:SERVER_PORT:-8080}",
            description = "HTTP port (env SERVER_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--state-dir", defaultValue = "${env:SITEWATCH_STREAMS_STATE_DIR:-sitewatch-data/streams}",
            description = "Local state directory of the stores (env SITEWATCH_STREAMS_STATE_DIR, default ${DEFAULT-VALUE}).")
    String stateDir;

    @Parameters(paramLabel = "--spring.property=value", arity = "0..*", description = "Extra Spring properties.")
    List<String> extra = new ArrayList<>();

    @Override
    public void run() {
        String bootstrap = kafka.required();
        KafkaTopics.provision(bootstrap, Duration.ofSeconds(60));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sitewatch.kafka.bootstrap-servers", bootstrap);
        props.put("sitewatch.collectors.enabled", "false");
        props.put("sitewatch.streams.state-dir", stateDir);
        props.put("server.port", Integer.toString(port));
        if (config != null) {
            props.put("spring.config.additional-location", "file:" + config);
        }
        ConfigurableApplicationContext context = SpringLauncher.start(props, extra);
        ShutdownOrder.awaitShutdown(context);
    }
}
