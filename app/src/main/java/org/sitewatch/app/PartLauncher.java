package org.sitewatch.app;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.KafkaClientSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What the single-part subcommands ({@code collectors}, {@code streams}) share: a Kafka to connect
 * to, an optional config file, extra Spring properties, topic creation first (with the same
 * {@code sitewatch.kafka.*} settings the application's clients will use), then the Spring app with
 * the other part switched off, running until Ctrl-C.
 */
final class PartLauncher {

    @Mixin
    KafkaOption kafka;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML or properties file with sitewatch.* keys.")
    String config;

    @Mixin
    SpringArguments spring;

    /**
     * Creates the topics, starts the app of {@code command} with {@code properties} (the command's own; the user's
     * {@code --name=value} properties win over them, {@code --kafka-bootstrap-servers} over both)
     * and blocks until shutdown.
     */
    void runUntilShutdown(CommandSpec command, Map<String, String> properties) {
        Map<String, String> props = new LinkedHashMap<>(properties);
        if (config != null) {
            props.put("spring.config.additional-location", "file:" + config);
        }
        props.putAll(spring.properties(command.commandLine().getUnmatchedArguments()));
        if (kafka.isSet()) {
            props.put("sitewatch.kafka.bootstrap-servers", kafka.bootstrapServers);
        }
        KafkaClientSettings settings = KafkaSettingsResolver.resolve(props, config);
        settings.requireBootstrapServers("the collectors and the streams app need a Kafka (or use 'sitewatch run', "
                + "which embeds a broker)");
        KafkaTopics.provision(settings, Duration.ofSeconds(60));
        ShutdownOrder.awaitShutdown(SpringLauncher.start(props, List.of()));
    }
}
