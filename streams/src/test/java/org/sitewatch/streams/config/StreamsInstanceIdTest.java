package org.sitewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.KafkaClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StreamsInstanceIdTest {

    private static final String MAIN_GROUP_INSTANCE_ID = StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);

    @TempDir
    Path dir;

    @Test
    void shouldKeepOneIdPerStateDirectoryAcrossStarts() {
        String first = StreamsInstanceId.resolve(null, dir.resolve("a").toString());
        String again = StreamsInstanceId.resolve(null, dir.resolve("a").toString());
        String other = StreamsInstanceId.resolve(null, dir.resolve("b").toString());

        assertThat(first).startsWith("sitewatch-").isEqualTo(again).isNotEqualTo(other);
        assertThat(dir.resolve("a").resolve(StreamsInstanceId.FILE_NAME)).hasContent(first);
    }

    @Test
    void shouldPreferTheConfiguredIdAndHaveNoneWithoutStateDirectory() {
        assertThat(StreamsInstanceId.resolve("streams-0", dir.toString())).isEqualTo("streams-0");
        assertThat(dir.resolve(StreamsInstanceId.FILE_NAME)).doesNotExist();
        assertThat(StreamsInstanceId.resolve(null, null)).isNull();
    }

    @Test
    void shouldRefuseAnIdKafkaWouldRefuseNamingWhereItCameFrom() throws Exception {
        assertThatThrownBy(() -> bind(Map.of("sitewatch.streams.instance-id", "pod 1")))
                .rootCause().hasMessageContaining("sitewatch.streams.instance-id='pod 1'");
        Files.writeString(dir.resolve(StreamsInstanceId.FILE_NAME), "bad/id\n");
        assertThatThrownBy(() -> StreamsInstanceId.resolve(null, dir.toString()))
                .hasMessageContaining(dir.resolve(StreamsInstanceId.FILE_NAME).toString());
    }

    @Test
    void shouldGiveTheStreamThreadsTheIdUnlessSetRawAndTheSessionTimeout() {
        Properties props = StreamsConfigFactory.streamsProperties(bind(Map.of("sitewatch.streams.session-timeout", "2m")),
                KafkaClientSettings.of("k:9092"));
        assertThat(props).containsEntry(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 120_000);
        assertThat(StreamsConfigFactory.withInstanceId(props, "sw-1")).containsEntry(MAIN_GROUP_INSTANCE_ID, "sw-1");

        Properties raw = StreamsConfigFactory.streamsProperties(bind(Map.of("sitewatch.streams.properties.group.instance.id", "mine")),
                KafkaClientSettings.of("k:9092"));
        assertThat(StreamsConfigFactory.withInstanceId(raw, "sw-1")).doesNotContainKey(MAIN_GROUP_INSTANCE_ID);
        assertThat(bind(Map.of()).sessionTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(bind(Map.of()).staticMembership()).isTrue();
    }

    private static StreamsProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("sitewatch.streams", StreamsProperties.class);
    }
}
