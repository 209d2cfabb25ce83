package org.sitewatch.audit.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.audit.AuditDurations;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.events.KafkaClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Option;

/**
 * Where Kafka is and how to reach it, shared by the audit commands: the same {@code sitewatch.kafka.*}
 * settings as every other Sitewatch client, read from environment variables (e.g.
 * {@code SITEWATCH_KAFKA_PROPERTIES_SECURITY_PROTOCOL}, {@code SITEWATCH_KAFKA_PROPERTYFILES_SASL_JAAS_CONFIG})
 * and JVM system properties, then the options of the command line on top.
 */
public final class KafkaOptions {

    static final String ENV = KafkaClientSettings.BOOTSTRAP_SERVERS_ENV;

    @Option(names = "--kafka-bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT]",
            defaultValue = "${env:" + ENV + ":-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env " + ENV + "; default ${DEFAULT-VALUE}, where 'sitewatch run' "
                    + "embeds its broker).")
    String bootstrapServers;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s",
            description = "How long Kafka may take to answer before it is reported unreachable (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "A Kafka client setting, e.g. security.protocol=SSL (repeatable; also "
                    + "SITEWATCH_KAFKA_PROPERTIES_<KEY> as an environment variable). Secrets (passwords, "
                    + "sasl.jaas.config) are refused here: SITEWATCH_KAFKA_PROPERTYFILES_<KEY>=<file> or the environment.")
    Map<String, String> properties = new LinkedHashMap<>();

    KafkaSettings settings() {
        KafkaClientSettings.refuseSecretsOnCommandLine(properties.keySet(), "--kafka-property ");
        KafkaClientSettings shared = Binder.get(new StandardEnvironment())
                .bindOrCreate(KafkaClientSettings.PREFIX, KafkaClientSettings.class);
        return new KafkaSettings(shared.withBootstrapServers(bootstrapServers).withProperties(properties),
                AuditDurations.parse(timeout, "--timeout"));
    }
}
