package org.sitewatch.streams.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Counts the brokers of the cluster the Streams properties point at (bootstrap servers and security
 * settings, {@code admin.*} overrides), to size the internal topics' replication at start.
 */
final class BrokerCount {

    private BrokerCount() {
    }

    static int of(Properties streamsProperties, Duration timeout) {
        Map<String, Object> config = adminConfig(streamsProperties);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("cannot count the Kafka brokers at "
                    + streamsProperties.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG) + " within " + timeout.toSeconds()
                    + " s to size the internal topics' replication (3, or the broker count when fewer); "
                    + "check that Kafka is up, or set sitewatch.streams.replication-factor", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the Kafka brokers", e);
        }
    }

    static Map<String, Object> adminConfig(Properties streamsProperties) {
        Map<String, Object> config = new HashMap<>();
        streamsProperties.forEach((key, value) -> {
            String name = key.toString();
            if (AdminClientConfig.configNames().contains(name)) {
                config.put(name, value);
            }
        });
        streamsProperties.forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith(StreamsConfig.ADMIN_CLIENT_PREFIX)) {
                config.put(name.substring(StreamsConfig.ADMIN_CLIENT_PREFIX.length()), value);
            }
        });
        Object appId = streamsProperties.get(StreamsConfig.APPLICATION_ID_CONFIG);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, (appId == null ? "sitewatch-streams" : appId) + "-broker-count");
        return config;
    }
}
