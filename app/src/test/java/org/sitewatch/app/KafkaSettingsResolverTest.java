package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.KafkaClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** sitewatch.kafka.* as the launcher reads it before Spring starts: the same sources, the same precedence. */
class KafkaSettingsResolverTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheConfigFileWithTheCommandLineWinning() throws Exception {
        Path config = Files.writeString(dir.resolve("sitewatch.yml"), """
                sitewatch:
                  kafka:
                    bootstrap-servers: from-file:9092
                    properties:
                      security.protocol: SSL
                      client.dns.lookup: use_all_dns_ips
                """);

        KafkaClientSettings kafka = KafkaSettingsResolver.resolve(Map.of(
                "sitewatch.kafka.bootstrap-servers", "from-cli:9092",
                "sitewatch.kafka.properties.security.protocol", "SASL_SSL"), config.toString());

        assertThat(kafka.bootstrapServers()).isEqualTo("from-cli:9092");
        assertThat(kafka.clientConfig("test")).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("client.dns.lookup", "use_all_dns_ips");
    }

    @Test
    void shouldNameAMissingConfigFile() {
        assertThatThrownBy(() -> KafkaSettingsResolver.resolve(Map.of(), dir.resolve("nope.yml").toString()))
                .hasMessageContaining("--config " + dir.resolve("nope.yml") + ": no such readable file");
    }

    @Test
    void shouldBindSecretsAndServersFromEnvironmentVariables() throws Exception {
        Path password = Files.writeString(dir.resolve("keystore-password"), "s3cret\n");
        Map<String, Object> env = Map.of(
                "SITEWATCH_KAFKA_BOOTSTRAP_SERVERS", "k1:9093",
                "SITEWATCH_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "org.example.Login required password=\"p\";",
                "SITEWATCH_KAFKA_PROPERTYFILES_SSL_KEYSTORE_PASSWORD", password.toString());
        Binder binder = new Binder(ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)));

        KafkaClientSettings kafka = binder.bindOrCreate(KafkaClientSettings.PREFIX, KafkaClientSettings.class);

        assertThat(kafka.bootstrapServers()).isEqualTo("k1:9093");
        assertThat(kafka.clientConfig("test")).containsEntry("sasl.jaas.config", "org.example.Login required password=\"p\";")
                .containsEntry("ssl.keystore.password", "s3cret");
        assertThat(kafka.toString()).doesNotContain("password=\"p\"").doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseAKafkaSecretGivenOnTheCommandLine() {
        assertThatThrownBy(() -> KafkaSettingsResolver.resolve(Map.of(
                "sitewatch.kafka.properties.security.protocol", "SASL_SSL",
                "sitewatch.kafka.properties.sasl.jaas.config", "x required password=\"hunter2\";"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--sitewatch.kafka.properties.sasl.jaas.config: a secret is not taken from the command line")
                .hasMessageContaining("sitewatch.kafka.property-files.sasl.jaas.config=<file>")
                .hasMessageNotContaining("hunter2");
    }
}
