package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.broker.EmbeddedKafkaBroker;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.config.StreamsConfigFactory;
import org.sitewatch.streams.config.StreamsLifecycle;
import org.sitewatch.streams.config.StreamsProperties;
import org.sitewatch.streams.query.RestorationTracker;
import org.sitewatch.streams.topology.SitewatchTopology;
import org.sitewatch.streams.topology.TopologySettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * On a real (single-node) broker, the topics Sitewatch creates at start-up and the internal topics
 * Kafka Streams creates for it carry the replication Sitewatch chose: replication factor min(3, brokers)
 * = 1 and {@code min.insync.replicas} set on the topic itself (1 here; 2 from 3 brokers, see the unit
 * tests). The broker's own default is 1 as well, so the test checks the value comes from the topic.
 */
class TopicReplicationIT {

    private static final String APPLICATION_ID = "topic-replication-it";

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).port(0).start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        KafkaTopics.provision(KafkaClientSettings.of(broker.bootstrapServers()), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldCreateSitewatchsTopicsWithTheirMinInsyncReplicas() throws Exception {
        for (String topic : List.of(Topics.VM.name(), Topics.ALERTS.name(), Topics.DLQ.name())) {
            assertReplication(topic);
        }
    }

    @Test
    void shouldCreateTheStreamsInternalTopicsWithTheirMinInsyncReplicas() throws Exception {
        StreamsProperties streams = new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.streams.application-id", APPLICATION_ID,
                "sitewatch.streams.state-dir", dir.resolve("state").toString())))
                .bindOrCreate("sitewatch.streams", StreamsProperties.class);
        Properties props = StreamsConfigFactory.streamsProperties(streams, KafkaClientSettings.of(broker.bootstrapServers()));
        // What production runs: the lifecycle counts the brokers at start and sizes the internal topics.
        StreamsLifecycle lifecycle = new StreamsLifecycle(SitewatchTopology.topology(props, TopologySettings.defaults()),
                props, streams, new RestorationTracker(), null);
        try {
            lifecycle.start();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(internalTopics())
                    .anyMatch(t -> t.endsWith("-changelog")).anyMatch(t -> t.endsWith("-repartition")));
            for (String topic : internalTopics()) {
                assertReplication(topic);
            }
        } finally {
            lifecycle.stop();
        }
    }

    private static List<String> internalTopics() throws Exception {
        return admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(APPLICATION_ID + "-")).sorted().toList();
    }

    private static void assertReplication(String topic) throws Exception {
        TopicDescription described = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        assertThat(described.partitions()).as(topic).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        ConfigEntry minInsync = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        assertThat(minInsync.value()).as(topic).isEqualTo("1");
        assertThat(minInsync.source()).as(topic + " sets min.insync.replicas itself")
                .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }
}
