package org.sitewatch.app;

import picocli.CommandLine.Option;

/** The Kafka connection option shared by the subcommands. */
final class KafkaOption {

    static final String ENV = "SITEWATCH_KAFKA_BOOTSTRAP_SERVERS";

    @Option(names = "--kafka-bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT]",
            defaultValue = "${env:" + ENV + "}",
            description = "Kafka bootstrap servers (env SITEWATCH_KAFKA_BOOTSTRAP_SERVERS). In 'run', leaving it empty starts an embedded broker.")
    String bootstrapServers;

    boolean isSet() {
        return bootstrapServers != null && !bootstrapServers.isBlank();
    }

    String required() {
        if (!isSet()) {
            throw new IllegalArgumentException("no Kafka to connect to: give --kafka-bootstrap-servers or set " + ENV
                    + " (or use 'sitewatch run', which embeds a broker)");
        }
        return bootstrapServers;
    }
}
