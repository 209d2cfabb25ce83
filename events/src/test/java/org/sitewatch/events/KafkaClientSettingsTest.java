package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {

    @TempDir
    Path dir;

    @Test
    void shouldStartEveryClientFromTheBootstrapServersAndTheProperties() {
        KafkaClientSettings settings = new KafkaClientSettings("k1:9092,k2:9092",
                Map.of("security.protocol", "SASL_SSL", "client.dns.lookup", "use_all_dns_ips"), Map.of());

        assertThat(settings.clientConfig("audit"))
                .containsEntry("bootstrap.servers", "k1:9092,k2:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("client.dns.lookup", "use_all_dns_ips")
                .doesNotContainKey("client.id");
    }

    @Test
    void shouldReadSecretValuesFromFilesDroppingOneTrailingNewline() throws Exception {
        Path jaas = Files.writeString(dir.resolve("jaas"), "org.apache.kafka.common.security.plain.PlainLoginModule "
                + "required username=\"u\" password=\"p\";\n");
        KafkaClientSettings settings = new KafkaClientSettings("k:9092", Map.of(),
                Map.of("sasl.jaas.config", jaas.toString()));

        assertThat(settings.clientConfig("x").get("sasl.jaas.config")).asString().endsWith("password=\"p\";");
    }

    @Test
    void shouldNameTheKeyAndPathOfAnUnreadableFileAtOnce() {
        Path missing = dir.resolve("no-such-file");
        assertThatThrownBy(() -> new KafkaClientSettings("k:9092", Map.of(), Map.of("ssl.keystore.password", missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sitewatch.kafka.property-files.ssl.keystore.password=" + missing)
                .hasMessageContaining("cannot read the file");
    }

    @Test
    void shouldRefuseBootstrapServersAmongTheProperties() {
        assertThatThrownBy(() -> new KafkaClientSettings(null, Map.of("bootstrap.servers", "k:9092"), Map.of()))
                .hasMessageContaining("sitewatch.kafka.bootstrap-servers")
                .hasMessageContaining("SITEWATCH_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldUseAClientIdAsAPrefixThatEachClientExtendsWithItsRole() {
        KafkaClientSettings settings = new KafkaClientSettings("k:9092", Map.of("client.id", "paris"), Map.of());

        String first = (String) settings.clientConfig("maintenance-writer").get("client.id");
        String second = (String) settings.clientConfig("maintenance-writer").get("client.id");

        assertThat(first).startsWith("paris-maintenance-writer-");
        assertThat(second).startsWith("paris-maintenance-writer-").isNotEqualTo(first);
    }

    @Test
    void shouldNeverShowASecretInToString() {
        KafkaClientSettings settings = new KafkaClientSettings("k:9092", Map.of("sasl.jaas.config", "password=\"hunter2\";",
                "ssl.key.password", "hunter3", "security.protocol", "SASL_SSL"), Map.of());

        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("hunter3")
                .contains("sasl.jaas.config=[hidden]", "security.protocol=SASL_SSL");
    }

    @Test
    void shouldSayWhatToSetWhenNoKafkaIsConfigured() {
        assertThatThrownBy(() -> KafkaClientSettings.of(" ").requireBootstrapServers("the collectors publish to Kafka"))
                .hasMessageContaining("the collectors publish to Kafka")
                .hasMessageContaining("--kafka-bootstrap-servers")
                .hasMessageContaining("SITEWATCH_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldHideEverySecretOfTheKafkaSettingsInToString() throws Exception {
        Path keystorePassword = Files.writeString(dir.resolve("keystore.password"), "file-secret-1\n");
        KafkaClientSettings settings = new KafkaClientSettings("k:9092", Map.of(
                "ssl.truststore.password", "trust-secret-2", "ssl.keystore.key", "-----BEGIN PRIVATE KEY----- abc",
                "sasl.oauthbearer.client.credentials.client.secret", "oauth-secret-3", "ssl.truststore.location", "/etc/t.p12"),
                Map.of("ssl.keystore.password", keystorePassword.toString()));

        assertThat(settings.toString()).doesNotContain("trust-secret-2", "BEGIN PRIVATE KEY", "oauth-secret-3", "file-secret-1")
                .contains("ssl.truststore.location=/etc/t.p12", "ssl.keystore.password=" + keystorePassword);
    }

    @Test
    void shouldRedactSecretValuesAndJaasPasswordsFromAnyText() throws Exception {
        Path jaas = Files.writeString(dir.resolve("jaas"), "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"sw\" password=\"from-file-pw\";\n");
        KafkaClientSettings settings = new KafkaClientSettings("k:9092", Map.of("ssl.key.password", "inline-pw"),
                Map.of("sasl.jaas.config", jaas.toString()));

        String redacted = settings.redact("bad value inline-pw; alone from-file-pw; other jaas password='elsewhere-pw'");

        assertThat(redacted).doesNotContain("inline-pw", "from-file-pw", "elsewhere-pw")
                .contains("password='[hidden]'", "bad value [hidden]");
    }

    @Test
    void shouldRefuseASecretGivenOnTheCommandLineNamingTheFileAndEnvironmentAlternatives() {
        List<String> keys = KafkaClientSettings.kafkaKeysOf(List.of("server.port",
                "sitewatch.kafka.properties.security.protocol", "sitewatch.kafka.properties[sasl.jaas.config]"));
        assertThat(keys).containsExactly("security.protocol", "sasl.jaas.config");

        assertThatThrownBy(() -> KafkaClientSettings.refuseSecretsOnCommandLine(keys, "--sitewatch.kafka.properties."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--sitewatch.kafka.properties.sasl.jaas.config: a secret is not taken from the command line")
                .hasMessageContaining("sitewatch.kafka.property-files.sasl.jaas.config=<file>")
                .hasMessageContaining("SITEWATCH_KAFKA_PROPERTYFILES_SASL_JAAS_CONFIG")
                .hasMessageContaining("SITEWATCH_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        KafkaClientSettings.refuseSecretsOnCommandLine(List.of("security.protocol", "ssl.truststore.location"), "--x ");
    }
}
