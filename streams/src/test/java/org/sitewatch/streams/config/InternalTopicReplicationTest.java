package org.sitewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.KafkaClientSettings;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The replication of the Streams app's internal topics (changelogs, repartition topics): min(3, brokers)
 * with {@code min.insync.replicas} 2 from 3 brokers on, the user's choice winning, exactly-once pinned.
 */
class InternalTopicReplicationTest {

    private static final String MIN_INSYNC = "topic.min.insync.replicas";

    @ParameterizedTest(name = "{0} broker(s): replication factor {1}, min.insync.replicas {2}")
    @CsvSource({"1, 1, 1", "2, 2, 1", "3, 3, 2", "5, 3, 2"})
    void shouldSizeTheInternalTopicsForTheCluster(int brokers, int replicationFactor, int minInsync) {
        Properties props = StreamsConfigFactory.withReplicationDefaults(properties(Map.of()), brokers);

        assertThat(props).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor)
                .containsEntry(MIN_INSYNC, minInsync)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldCountTheBrokersOnlyWhenNobodyChoseTheReplicationFactor() {
        assertThat(StreamsConfigFactory.needsBrokerCount(properties(Map.of()))).isTrue();
        assertThat(StreamsConfigFactory.needsBrokerCount(properties(Map.of("sitewatch.streams.replication-factor", "2")))).isFalse();
        assertThat(StreamsConfigFactory.needsBrokerCount(
                properties(Map.of("sitewatch.streams.properties.replication.factor", "2")))).isFalse();
    }

    @Test
    void shouldKeepTheUsersReplicationFactorAndFollowItWithMinInsyncReplicas() {
        Properties two = StreamsConfigFactory.withReplicationDefaults(
                properties(Map.of("sitewatch.streams.replication-factor", "2")), 5);
        assertThat(two).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 2).containsEntry(MIN_INSYNC, 1);

        // A raw replication.factor wins over sitewatch.streams.replication-factor, and min.insync.replicas follows it.
        Properties raw = StreamsConfigFactory.withReplicationDefaults(properties(Map.of(
                "sitewatch.streams.replication-factor", "3",
                "sitewatch.streams.properties.replication.factor", "1")), 3);
        assertThat(raw).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1").containsEntry(MIN_INSYNC, 1);

        Properties four = StreamsConfigFactory.withReplicationDefaults(
                properties(Map.of("sitewatch.streams.replication-factor", "4")), 5);
        assertThat(four).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 4).containsEntry(MIN_INSYNC, 2);
    }

    @Test
    void shouldKeepTheUsersMinInsyncReplicas() {
        Properties props = StreamsConfigFactory.withReplicationDefaults(
                properties(Map.of("sitewatch.streams.properties.topic.min.insync.replicas", "3")), 5);

        assertThat(props).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3).containsEntry(MIN_INSYNC, "3");
    }

    @Test
    void shouldLeaveBothToTheBrokerWhenTheUserAsksForTheBrokersDefault() {
        Properties props = StreamsConfigFactory.withReplicationDefaults(
                properties(Map.of("sitewatch.streams.replication-factor", "-1")), 3);

        assertThat(props).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1).doesNotContainKey(MIN_INSYNC);
    }

    @Test
    void shouldKeepExactlyOncePinnedAfterEveryOverride() {
        Properties props = StreamsConfigFactory.withReplicationDefaults(properties(Map.of(
                "sitewatch.streams.properties.processing.guarantee", "exactly_once_v2",
                "sitewatch.streams.properties.replication.factor", "1",
                "sitewatch.streams.properties.num.stream.threads", "2")), 1);
        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2");

        assertThatThrownBy(() -> properties(Map.of("sitewatch.streams.properties.processing.guarantee", "at_least_once")))
                .hasMessageContaining("sitewatch.streams.properties.processing.guarantee=at_least_once");
        assertThatThrownBy(() -> properties(Map.of("sitewatch.streams.properties.processing.guarantee", "exactly_once")))
                .hasMessageContaining("exactly_once_v2 only");
    }

    @Test
    void shouldRefuseAReplicationFactorThatIsNeitherPositiveNorTheBrokersDefault() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("sitewatch.streams.replication-factor", "0")));

        assertThatThrownBy(() -> binder.bind("sitewatch.streams", StreamsProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("sitewatch.streams.replication-factor=0");
    }

    @Test
    void shouldApplyTheSameRuleToEveryReplicationFactor() {
        assertThat(ReplicationDefaults.minInsyncReplicas(1)).isEqualTo(1);
        assertThat(ReplicationDefaults.minInsyncReplicas(2)).isEqualTo(1);
        assertThat(ReplicationDefaults.minInsyncReplicas(3)).isEqualTo(2);
        assertThat(ReplicationDefaults.minInsyncReplicas(5)).isEqualTo(2);
        assertThatThrownBy(() -> ReplicationDefaults.replicationFactor(0)).hasMessageContaining("at least 1 but was 0");
    }

    private static Properties properties(Map<String, String> settings) {
        Map<String, String> source = new HashMap<>(settings);
        Binder binder = new Binder(new MapConfigurationPropertySource(source));
        return StreamsConfigFactory.streamsProperties(binder.bindOrCreate("sitewatch.streams", StreamsProperties.class),
                KafkaClientSettings.of("k:9092"));
    }
}
