package org.sitewatch.bench.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Waits until new topics have a leader for every partition before anything produces to them. An
 * idempotent producer whose very first batch to a partition fails (the topic still being set up)
 * while later ones succeed retries that batch for ever with OUT_OF_ORDER_SEQUENCE_NUMBER
 * (KAFKA-14359); it was seen here with ProducerPerformance started at once on a new topic.
 */
public final class TopicLeaders {

    private TopicLeaders() {
    }

    public static void await(Admin admin, Collection<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allLed(admin, topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " still have partitions without a leader after " + timeout);
            }
            Thread.sleep(100);
        }
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
