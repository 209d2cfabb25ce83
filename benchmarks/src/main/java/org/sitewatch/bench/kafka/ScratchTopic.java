package org.sitewatch.bench.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.sitewatch.events.Topics;

/** A topic for Kafka's own tools, partitioned like the raw topics so both sides spread load alike. */
final class ScratchTopic {

    private ScratchTopic() {
    }

    /** Creates the topic and returns once every partition has its leader. */
    static String create(String bootstrapServers, String name) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, Topics.RAW_PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            TopicLeaders.await(admin, List.of(name), Duration.ofSeconds(30));
        }
        return name;
    }
}
