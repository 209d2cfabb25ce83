package org.sitewatch.alerting.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.sitewatch.alerting.delivery.AlertTarget;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code sitewatch.alerts} and delivers every state change to every target, at least once.
 * One thread ({@link #run()}): poll, apply records to {@link ActiveAlerts}, run a
 * {@link DeliveryRound}, commit. The committed offset of a partition never passes a record whose
 * delivery is still owed (a failing target, or a firing alert held by a maintenance window), so a
 * crash or restart re-reads it; records after it that were delivered are then delivered again
 * (receivers deduplicate by fingerprint + state). When a target is exhausted its retries continue
 * but the partitions are paused: no new records are read until it recovers, and nothing is skipped.
 *
 * <p>On each assignment the partitions' active set is rebuilt from the compacted topic up to the
 * committed offset ({@link ActiveSetLoader}), so re-sends cover alerts that fired before a restart.
 *
 * <p>Limits: each instance only knows the alerts of its partitions ({@code GET /api/alerts} too); run
 * one instance per group, a second one only takes over partitions on failure or shares the work.
 */
public final class AlertDispatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration AFTER_ERROR = Duration.ofSeconds(1);

    private final Consumer<String, byte[]> consumer;
    private final ActiveSetLoader loader;
    private final ActiveAlerts alerts;
    private final MaintenanceWindows windows;
    private final DeliveryRound round;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Duration pollTimeout;
    private final Set<String> targetNames;
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopping;
    private boolean paused;

    AlertDispatcher(Consumer<String, byte[]> consumer, ActiveSetLoader loader, ActiveAlerts alerts,
                    MaintenanceWindows windows, DeliveryRound round, DeliveryMetrics metrics, Clock clock,
                    Duration pollTimeout) {
        this.consumer = consumer;
        this.loader = loader;
        this.alerts = alerts;
        this.windows = windows;
        this.round = round;
        this.metrics = metrics;
        this.clock = clock;
        this.pollTimeout = pollTimeout;
        this.targetNames = round.targetNames();
    }

    /** A dispatcher for these targets, with its own Kafka consumer (not yet subscribed: {@link #run()} does). */
    public static AlertDispatcher create(DispatcherSettings settings, ActiveAlerts alerts, MaintenanceWindows windows,
                                         List<AlertTarget> targets, DeliveryMetrics metrics, Clock clock) {
        DeliveryRound round = new DeliveryRound(alerts, targets, settings.backoff(), settings.resolvedResendFor(), metrics);
        ActiveSetLoader loader = new ActiveSetLoader(settings::loaderConsumer, settings.kafkaTimeout());
        return new AlertDispatcher(settings.groupConsumer(), loader, alerts, windows, round, metrics, clock,
                settings.pollTimeout());
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(Topics.ALERTS.name()), new Rebalance());
        try {
            while (!stopping) {
                try {
                    cycle();
                } catch (WakeupException e) {
                    throw e;
                } catch (InterruptException e) {
                    stopping = true;
                } catch (CommitFailedException e) {
                    // A rebalance took the partitions: the new owner re-reads from the last commit (at-least-once).
                    log.warn("commit failed after a rebalance; the records are delivered again by their new owner: {}",
                            e.getMessage());
                } catch (KafkaException | IllegalStateException e) {
                    log.error("alert dispatcher cycle failed; retrying in {}", AFTER_ERROR, e);
                    awaitStop(AFTER_ERROR);
                }
            }
        } catch (WakeupException e) {
            if (!stopping) {
                throw e;
            }
        } finally {
            closeGracefully();
        }
    }

    /** Asks the loop to end; it commits what was delivered and closes the consumer. */
    public void stop() {
        stopping = true;
        stopSignal.countDown();
        consumer.wakeup();
    }

    private void cycle() {
        var records = consumer.poll(pollTimeout);
        Instant now = clock.instant();
        for (ConsumerRecord<String, byte[]> r : records) {
            AlertRecords.decode(r).ifPresentOrElse(
                    d -> alerts.apply(d.fingerprint(), d.alert(), d.partition(), d.offset(), targetNames, now),
                    metrics::invalidRecord);
        }
        boolean exhausted = round.run(now);
        commit(consumer.assignment());
        pauseWhile(exhausted);
        alerts.expire(now);
        windows.prune(now);
    }

    private void commit(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long position = consumer.position(tp, Duration.ofSeconds(30));
            long safe = alerts.heldOffset(tp.partition()).stream().map(held -> Math.min(held, position)).findFirst()
                    .orElse(position);
            Long previous = lastCommitted.get(tp);
            if (previous == null || previous != safe) {
                offsets.put(tp, new OffsetAndMetadata(safe));
            }
        }
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
            offsets.forEach((tp, o) -> lastCommitted.put(tp, o.offset()));
        }
    }

    private void pauseWhile(boolean exhausted) {
        if (exhausted && !paused) {
            consumer.pause(consumer.assignment());
            paused = true;
            metrics.paused(true);
        } else if (!exhausted && paused) {
            consumer.resume(consumer.paused());
            paused = false;
            metrics.paused(false);
            log.info("every alert target accepts deliveries again; reading of new alerts resumed");
        }
    }

    private void closeGracefully() {
        try {
            round.run(clock.instant());
            commit(consumer.assignment());
        } catch (RuntimeException e) {
            log.warn("could not commit on shutdown; undelivered and uncommitted alerts are delivered after the restart: {}",
                    e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    private void awaitStop(Duration d) {
        try {
            stopSignal.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Rebuilds state for gained partitions, commits and forgets lost ones, keeps the pause across rebalances. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> upTo = new HashMap<>();
            consumer.committed(new HashSet<>(partitions)).forEach((tp, o) -> {
                if (o != null) {
                    upTo.put(tp, o.offset());
                    lastCommitted.put(tp, o.offset());
                }
            });
            try {
                int n = loader.load(upTo, r -> AlertRecords.decode(r)
                        .ifPresent(d -> alerts.restore(d.fingerprint(), d.alert(), d.partition())));
                log.info("alert dispatcher owns {}; rebuilt {} alerts from {} records before the committed offsets",
                        partitions, alerts.size(), n);
            } catch (RuntimeException e) {
                log.error("could not rebuild the active alerts of {}; new state changes are still delivered, "
                        + "older alerts are re-sent once they change again", partitions, e);
            }
            if (paused) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commit(partitions);
            } catch (RuntimeException e) {
                log.warn("could not commit revoked partitions {}; their new owner delivers again: {}", partitions,
                        e.getMessage());
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            alerts.forget(partitions.stream().map(TopicPartition::partition).toList());
            partitions.forEach(lastCommitted::remove);
        }
    }
}
