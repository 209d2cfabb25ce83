package org.sitewatch.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.events.KafkaSecurityFailure;
import org.sitewatch.events.RawRetention;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.Topics;

/**
 * Creates every topic of the {@link Topics} catalogue before any collector or streams instance
 * starts. The replication factor is 3, or the number of brokers when the cluster has fewer (a single
 * embedded broker gets 1). Raw topics created here keep events for {@code SITEWATCH_TOPICS_RAW_RETENTION}
 * (e.g. {@code 730d}, {@code unlimited}; default 400 days); existing topics are changed with
 * {@code sitewatch retention --set}. The admin client starts from the shared {@code sitewatch.kafka.*}, so
 * this is also the start-up check of a secured cluster: a refused login or an untrusted certificate stops
 * the start with a message saying which and what to set ({@link KafkaSecurityFailure}), without the
 * Kafka exception (whose chain could quote a setting; the message is redacted too).
 */
final class KafkaTopics {

    private KafkaTopics() {
    }

    static Set<String> provision(KafkaClientSettings kafka, Duration timeout) {
        String bootstrapServers = kafka.requireBootstrapServers("Sitewatch creates its topics at start-up");
        Map<String, Object> config = new HashMap<>(kafka.clientConfig("topic-provisioner"));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        try (Admin admin = Admin.create(config)) {
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            short replication = (short) Math.max(1, Math.min(3, brokers));
            String retention = System.getenv("SITEWATCH_TOPICS_RAW_RETENTION");
            RawRetention raw = retention == null || retention.isBlank() ? RawRetention.DEFAULT : RawRetention.parse(retention);
            return new TopicProvisioner(admin, replication, timeout).ensure(raw.apply(Topics.ALL));
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
