package org.sitewatch.bench.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits, without writing, until every partition of new topics has a leader that answers ListOffsets,
 * so producers do not start on topics still being set up: an idempotent producer whose very first
 * batch to a partition fails while later ones succeed retries it for ever with
 * OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-14359). Not a guarantee: a partition was seen refusing a
 * produce request a moment after this wait, which is why {@link ScratchTopic} also probes with a write.
 */
public final class TopicLeaders {

    private TopicLeaders() {
    }

    public static void await(Admin admin, Collection<String> topics, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allLed(admin, topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " still have partitions without a leader after " + timeout);
            }
            Thread.sleep(100);
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().forEach(t -> t.partitions()
                .forEach(p -> latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
        // The admin client retries NOT_LEADER_OR_FOLLOWER itself until the leader answers.
        admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean allLed(Admin admin, Collection<String> topics) throws InterruptedException {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            return described.values().stream().allMatch(t -> !t.partitions().isEmpty()
                    && t.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        } catch (ExecutionException | TimeoutException e) {
            // Not known yet, metadata still propagating: ask again.
            return false;
        }
    }
}
