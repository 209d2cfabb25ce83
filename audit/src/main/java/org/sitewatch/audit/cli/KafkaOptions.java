package org.sitewatch.audit.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.audit.AuditDurations;
import org.sitewatch.audit.kafka.KafkaSettings;
import picocli.CommandLine.Option;

/** Where Kafka is, shared by the audit commands. */
public final class KafkaOptions {

    static final String ENV = "SITEWATCH_KAFKA_BOOTSTRAP_SERVERS";

    @Option(names = "--kafka-bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT]",
            defaultValue = "${env:" + ENV + ":-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env " + ENV + "; default ${DEFAULT-VALUE}, where 'sitewatch run' "
                    + "embeds its broker).")
    String bootstrapServers;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s",
            description = "How long Kafka may take to answer before it is reported unreachable (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "A Kafka client setting, e.g. security.protocol=SSL (repeatable).")
    Map<String, String> properties = new LinkedHashMap<>();

    KafkaSettings settings() {
        return new KafkaSettings(bootstrapServers, AuditDurations.parse(timeout, "--timeout"), properties);
    }
}
