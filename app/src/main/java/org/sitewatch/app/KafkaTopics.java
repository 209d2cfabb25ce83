package org.sitewatch.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.events.KafkaSecurityFailure;
import org.sitewatch.events.RawRetention;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.config.ReplicationDefaults;

/**
 * Creates every topic of the {@link Topics} catalogue before any collector or streams instance
 * starts. The replication factor is 3, or the number of brokers when the cluster has fewer (a single
 * embedded broker gets 1), and {@code min.insync.replicas} 2 from a replication factor of 3 on, else 1
 * ({@link ReplicationDefaults}): with 3 brokers, one can be lost without losing an acknowledged write
 * or stopping the writers. Topics that already exist keep their settings. Raw topics created here keep
 * events for {@code SITEWATCH_TOPICS_RAW_RETENTION} (e.g. {@code 730d}, {@code unlimited}; default 400
 * days); existing topics are changed with {@code sitewatch retention --set}. The admin client starts
 * from the shared {@code sitewatch.kafka.*}, so this is also the start-up check of a secured cluster: a refused login or an untrusted certificate stops
 * the start with a message saying which and what to set ({@link KafkaSecurityFailure}), without the
 * Kafka exception (whose chain could quote a setting; the message is redacted too).
 */
final class KafkaTopics {

    private KafkaTopics() {
    }

    /** The topics with the {@code min.insync.replicas} of {@code replicationFactor}, unless a topic sets its own. */
    static List<TopicSpec<?, ?>> withMinInsyncReplicas(List<? extends TopicSpec<?, ?>> topics, short replicationFactor) {
        String minInsync = Integer.toString(ReplicationDefaults.minInsyncReplicas(replicationFactor));
        List<TopicSpec<?, ?>> result = new ArrayList<>();
        for (TopicSpec<?, ?> t : topics) {
            result.add(withConfig(t, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync));
        }
        return result;
    }

    private static <K, V> TopicSpec<K, V> withConfig(TopicSpec<K, V> t, String key, String value) {
        if (t.configs().containsKey(key)) {
            return t;
        }
        Map<String, String> configs = new HashMap<>(t.configs());
        configs.put(key, value);
        return new TopicSpec<>(t.name(), t.keySerde(), t.valueSerde(), t.partitions(), configs);
    }

    static Set<String> provision(KafkaClientSettings kafka, Duration timeout) {
        String bootstrapServers = kafka.requireBootstrapServers("Sitewatch creates its topics at start-up");
        Map<String, Object> config = new HashMap<>(kafka.clientConfig("topic-provisioner"));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        try (Admin admin = Admin.create(config)) {
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            short replication = ReplicationDefaults.replicationFactor(Math.max(1, brokers));
            String retention = System.getenv("SITEWATCH_TOPICS_RAW_RETENTION");
            RawRetention raw = retention == null || retention.isBlank() ? RawRetention.DEFAULT : RawRetention.parse(retention);
            return new TopicProvisioner(admin, replication, timeout).ensure(withMinInsyncReplicas(raw.apply(Topics.ALL), replication));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no Kafka broker answered at " + bootstrapServers + " within "
                    + timeout.toSeconds() + " s: check --kafka-bootstrap-servers / " + KafkaClientSettings.BOOTSTRAP_SERVERS_ENV
                    + ", and if its listener needs TLS or SASL, " + KafkaClientSettings.PREFIX
                    + ".properties.security.protocol (now " + config.getOrDefault("security.protocol", "PLAINTEXT") + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while contacting Kafka", e);
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            // A refused login or an untrusted certificate fails at once: say which and what to set.
            Optional<String> security = KafkaSecurityFailure.explain(e, bootstrapServers);
            if (security.isPresent()) {
                throw new IllegalStateException(kafka.redact(security.get()));
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Kafka at " + bootstrapServers + " refused: "
                    + kafka.redact(e.getCause().getMessage()), e);
        }
    }
}
