package org.sitewatch.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the single-part subcommands ({@code collectors}, {@code streams}) share: a Kafka to connect
 * to, an optional config file, extra Spring properties, topic creation first, then the Spring app
 * with the other part switched off, running until Ctrl-C.
 */
final class PartLauncher {

    @Mixin
    KafkaOption kafka;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML or properties file with sitewatch.* keys.")
    String config;

    @Parameters(paramLabel = "--spring.property=value", arity = "0..*", description = "Extra Spring properties.")
    List<String> extra = new ArrayList<>();

    /** Creates the topics, starts the app with {@code properties} and blocks until shutdown. */
    void runUntilShutdown(Map<String, String> properties) {
        String bootstrap = kafka.required();
        KafkaTopics.provision(bootstrap, Duration.ofSeconds(60));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sitewatch.kafka.bootstrap-servers", bootstrap);
        props.putAll(properties);
        if (config != null) {
            props.put("spring.config.additional-location", "file:" + config);
        }
        ShutdownOrder.awaitShutdown(SpringLauncher.start(props, extra));
    }
}
