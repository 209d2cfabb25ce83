package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.config.ReplicationDefaults;

/** Sitewatch's own topics: min.insync.replicas 2 where the cluster has 3 brokers or more, else 1. */
class KafkaTopicsTest {

    @ParameterizedTest(name = "{0} broker(s): replication factor {1}, min.insync.replicas {2}")
    @CsvSource({"1, 1, 1", "2, 2, 1", "3, 3, 2", "5, 3, 2"})
    void shouldGiveEveryTopicTheMinInsyncReplicasOfItsReplicationFactor(int brokers, int replicationFactor, String minInsync) {
        short factor = ReplicationDefaults.replicationFactor(brokers);

        List<TopicSpec<?, ?>> topics = KafkaTopics.withMinInsyncReplicas(Topics.ALL, factor);

        assertThat((int) factor).isEqualTo(replicationFactor);
        assertThat(topics).hasSameSizeAs(Topics.ALL).allSatisfy(t ->
                assertThat(t.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync));
        // The catalogue's own configs (compaction, retention) are kept.
        assertThat(topics.get(Topics.ALL.indexOf(Topics.SITE_HEALTH)).configs())
                .containsAllEntriesOf(Topics.SITE_HEALTH.configs());
    }

    @ParameterizedTest(name = "replication factor {0}")
    @CsvSource({"1", "3"})
    void shouldKeepATopicsOwnMinInsyncReplicas(short factor) {
        TopicSpec<String, String> own = new TopicSpec<>("own", Serdes.String(), Serdes.String(), 1,
                Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "3"));

        assertThat(KafkaTopics.withMinInsyncReplicas(List.of(own), factor).get(0).configs())
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "3");
    }
}
