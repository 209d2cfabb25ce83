package org.sitewatch.events;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalogue's topics that do not exist yet, with their partitions and configs, and
 * checks that existing ones have at least the partitions the catalogue asks for. Safe to run from
 * several processes at once: a topic created meanwhile by another one is accepted.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final short replicationFactor;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, short replicationFactor, Duration timeout) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    /** Ensures every topic exists; returns the names it created. */
    public Set<String> ensure(Collection<TopicSpec<?, ?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), Optional.of(t.partitions()), Optional.of(replicationFactor))
                            .configs(t.configs()))
                    .toList();
            Set<String> created = create(missing);
            // Only topics that existed before: just-created ones have the planned partitions, and
            // describing them at once can fail while their metadata is still propagating.
            checkPartitions(topics.stream().filter(t -> existing.contains(t.name())).toList());
            return created;
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout.toSeconds()
                    + " s while creating Sitewatch's topics; check the bootstrap servers and that the brokers are up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused to list or create Sitewatch's topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private Set<String> create(List<NewTopic> missing) throws InterruptedException, ExecutionException, TimeoutException {
        if (missing.isEmpty()) {
            return Set.of();
        }
        var results = admin.createTopics(missing).values();
        for (Map.Entry<String, ? extends org.apache.kafka.common.KafkaFuture<Void>> r : results.entrySet()) {
            try {
                r.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("created topic {}", r.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                log.info("topic {} was created meanwhile by another process", r.getKey());
            }
        }
        return missing.stream().map(NewTopic::name).collect(Collectors.toUnmodifiableSet());
    }

    private void checkPartitions(Collection<TopicSpec<?, ?>> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics.stream().map(TopicSpec::name).toList())
                .allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (TopicSpec<?, ?> t : topics) {
            int actual = described.get(t.name()).partitions().size();
            if (actual < t.partitions()) {
                log.warn("topic {} has {} partitions, fewer than the {} Sitewatch plans for; it works, but scales out less",
                        t.name(), actual, t.partitions());
            }
        }
    }
}
