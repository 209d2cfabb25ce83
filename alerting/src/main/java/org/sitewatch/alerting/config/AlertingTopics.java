package org.sitewatch.alerting.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.TopicSpec;

/**
 * Creates the alerting module's own topics if missing (replication factor min(3, brokers)), so the
 * module also runs without the launcher, which creates them with the rest of {@code Topics.ALL}.
 */
public final class AlertingTopics {

    private AlertingTopics() {
    }

    public static void ensure(KafkaClientSettings kafka, Duration timeout, List<TopicSpec<?, ?>> topics, String role) {
        String names = topics.stream().map(TopicSpec::name).toList().toString();
        try (Admin admin = Admin.create(kafka.clientConfig(role))) {
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            new TopicProvisioner(admin, (short) Math.max(1, Math.min(3, brokers)), timeout).ensure(topics);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka to create " + names + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + names, e);
        }
    }
}
