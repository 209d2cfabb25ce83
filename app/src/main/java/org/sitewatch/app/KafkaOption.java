package org.sitewatch.app;

import org.sitewatch.events.KafkaClientSettings;
import picocli.CommandLine.Option;

/**
 * The Kafka connection option shared by the subcommands. Every other Kafka client setting is a
 * {@code sitewatch.kafka.properties.*} Spring property (see {@link KafkaClientSettings}); secrets come
 * from files or the environment, never from the command line ({@link KafkaSettingsResolver}).
 */
final class KafkaOption {

    static final String ENV = KafkaClientSettings.BOOTSTRAP_SERVERS_ENV;

    @Option(names = "--kafka-bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT]",
            defaultValue = "${env:" + ENV + "}",
            description = {"Kafka bootstrap servers (env SITEWATCH_KAFKA_BOOTSTRAP_SERVERS). In 'run', leaving it empty starts an embedded broker.",
                    "Other Kafka client settings: --sitewatch.kafka.properties.<key>=<value> (env SITEWATCH_KAFKA_PROPERTIES_<KEY>),",
                    "secrets from files: --sitewatch.kafka.property-files.<key>=<path> (env SITEWATCH_KAFKA_PROPERTYFILES_<KEY>);",
                    "a secret given as a plain command-line value is refused."})
    String bootstrapServers;

    boolean isSet() {
        return bootstrapServers != null && !bootstrapServers.isBlank();
    }
}
