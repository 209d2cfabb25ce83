package org.sitewatch.alerting.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.sitewatch.alerting.delivery.AlertTarget;
import org.sitewatch.alerting.health.ComponentHealth;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.alerting.state.StateWrite;
import org.sitewatch.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code sitewatch.alerts} and keeps the delivery bookkeeping; one {@link DeliveryWorker} per
 * target delivers, each at its own pace. The dispatcher thread ({@link #run()}): poll, apply the
 * records to {@link ActiveAlerts}, write the delivery state of every alert whose bookkeeping changed
 * (by the records or by the workers' deliveries) to {@code sitewatch.alert-dispatch}, wait for the
 * broker to acknowledge it, then commit the read offsets. So the committed offset never waits for a
 * delivery (a dead target or a long maintenance window pins nothing), and what is still owed
 * survives a restart in the state topic, not in the uncommitted part of the alerts topic.
 *
 * <p>On each assignment the partitions' delivery state is read back from the state topic
 * ({@link StateRebuild}) before their records are read or anything of theirs is delivered;
 * records read again after a crash (between the state write and the commit) are recognised by
 * their offset and skipped. Alertmanager then gets its re-sends of every still-firing alert.
 *
 * <p>At-least-once: a delivery accepted just before a crash, whose bookkeeping was not yet written,
 * is sent again after the restart (receivers deduplicate by fingerprint + state + startsAt).
 *
 * <p>Limits: each instance only knows the alerts of its partitions ({@code GET /api/alerts} too); run
 * one instance per group, a second one only takes over partitions on failure or shares the work.
 */
public final class AlertDispatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration AFTER_ERROR = Duration.ofSeconds(1);
    private static final Duration REBUILD_POLL = Duration.ofMillis(100);
    /** Reading the state goes on this long per cycle; then the group is polled (heartbeats, other partitions). */
    private static final Duration REBUILD_SLICE = Duration.ofMillis(500);

    private final Consumer<String, byte[]> consumer;
    private final StateRebuild rebuild;
    private final DeliveryStateLog stateLog;
    private final ActiveAlerts alerts;
    private final MaintenanceWindows windows;
    private final List<DeliveryWorker> workers;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Duration pollTimeout;
    private final Duration stopTimeout;
    private final Set<String> targetNames;
    private final ComponentHealth health = new ComponentHealth("alert-dispatcher");
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    /** Assigned partitions whose rebuild has not been started yet (it reads Kafka, so not inside the callback). */
    private final Set<Integer> toRebuild = new LinkedHashSet<>();
    /** Records of this group's state read per partition during its rebuild. */
    private final Map<Integer, Integer> restoredRecords = new HashMap<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopping;

    AlertDispatcher(Consumer<String, byte[]> consumer, StateRebuild rebuild, DeliveryStateLog stateLog,
                    ActiveAlerts alerts, MaintenanceWindows windows, List<TargetDelivery> deliveries,
                    DeliveryMetrics metrics, Clock clock, Duration pollTimeout, Duration stopTimeout) {
        this.consumer = consumer;
        this.rebuild = rebuild;
        this.stateLog = stateLog;
        this.alerts = alerts;
        this.windows = windows;
        this.metrics = metrics;
        this.clock = clock;
        this.pollTimeout = pollTimeout;
        this.stopTimeout = stopTimeout;
        Set<String> names = new LinkedHashSet<>();
        List<DeliveryWorker> ws = new ArrayList<>();
        for (TargetDelivery d : deliveries) {
            if (!names.add(d.name())) {
                throw new IllegalArgumentException("two alert targets are named " + d.name());
            }
            ws.add(new DeliveryWorker(d, clock, pollTimeout));
        }
        this.targetNames = Set.copyOf(names);
        this.workers = List.copyOf(ws);
    }

    /** A dispatcher for these targets, with its own Kafka clients (not yet subscribed: {@link #run()} does). */
    public static AlertDispatcher create(DispatcherSettings settings, ActiveAlerts alerts, MaintenanceWindows windows,
                                         List<AlertTarget> targets, DeliveryMetrics metrics, Clock clock) {
        List<TargetDelivery> deliveries = targets.stream().map(t -> new TargetDelivery(alerts, t, settings.backoff(),
                settings.resolvedResendFor(), metrics)).toList();
        return new AlertDispatcher(settings.groupConsumer(), new StateRebuild(settings.stateReader(), REBUILD_POLL, REBUILD_SLICE),
                new DeliveryStateLog(settings.stateWriter(), settings.groupId()), alerts, windows, deliveries, metrics,
                clock, settings.pollTimeout(), settings.kafkaTimeout());
    }

    /** The dispatcher thread's health, then each delivery worker's. */
    public List<ComponentHealth> components() {
        List<ComponentHealth> out = new ArrayList<>();
        out.add(health);
        workers.forEach(w -> out.add(w.health()));
        return out;
    }

    public ComponentHealth health() {
        return health;
    }

    public List<ComponentHealth> deliveryHealth() {
        return workers.stream().map(DeliveryWorker::health).toList();
    }

    /** Whether the delivery state of some assigned partition is still being read back. */
    public boolean rebuilding() {
        return alerts.isRebuilding();
    }

    /**
     * Checks that the state topic can hold the state of every alerts partition (partition p of one
     * is partition p of the other); call before {@link #run()}, on the thread that starts it.
     */
    public void checkTopics() {
        int alertPartitions = partitions(Topics.ALERTS.name());
        int statePartitions = partitions(DeliveryStateLog.TOPIC);
        if (statePartitions < alertPartitions) {
            throw new IllegalStateException(DeliveryStateLog.TOPIC + " has " + statePartitions + " partitions but "
                    + Topics.ALERTS.name() + " has " + alertPartitions + ": the dispatcher keeps the state of alerts "
                    + "partition p in partition p, so add partitions to " + DeliveryStateLog.TOPIC + " (kafka-topics "
                    + "--alter --partitions " + alertPartitions + ")");
        }
    }

    private int partitions(String topic) {
        List<PartitionInfo> info = consumer.partitionsFor(topic);
        if (info == null || info.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist; create Sitewatch's topics first "
                    + "(sitewatch run and sitewatch streams do at start-up)");
        }
        return info.size();
    }

    @Override
    public void run() {
        health.started();
        try {
            workers.forEach(DeliveryWorker::start);
            consumer.subscribe(List.of(Topics.ALERTS.name()), new Rebalance());
            loop();
        } catch (RuntimeException | Error e) {
            health.died(clock.instant(), e);
            throw e;
        } finally {
            closeGracefully();
        }
    }

    private void loop() {
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
                    log.warn("commit failed after a rebalance; the new owner reads the uncommitted records again: {}",
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
        }
    }

    /** Asks the loop to end; it writes the delivery state, commits and closes its clients. */
    public void stop() {
        stopping = true;
        stopSignal.countDown();
        consumer.wakeup();
    }

    private void cycle() {
        rebuildStep();
        // While rebuilding, the group poll only keeps membership and reads partitions that are ready.
        var records = consumer.poll(rebuild.active() ? Duration.ZERO : pollTimeout);
        Instant now = clock.instant();
        int applied = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            var decoded = AlertRecords.decode(r);
            if (decoded.isEmpty()) {
                metrics.invalidRecord();
                continue;
            }
            var d = decoded.get();
            if (alerts.apply(d.fingerprint(), d.alert(), d.partition(), d.offset(), targetNames, now)
                    != ActiveAlerts.Change.ALREADY_APPLIED) {
                applied++;
            }
        }
        if (applied > 0) {
            workers.forEach(DeliveryWorker::wake);
        }
        alerts.expire(now);
        windows.prune(now);
        persistAndCommit(consumer.assignment());
    }

    /** Starts the rebuild of newly assigned partitions, reads one poll's worth, releases complete ones. */
    private void rebuildStep() {
        if (!toRebuild.isEmpty()) {
            rebuild.add(List.copyOf(toRebuild));
            toRebuild.clear();
        }
        if (!rebuild.active()) {
            return;
        }
        Set<Integer> done = rebuild.step(r -> stateLog.decode(r).ifPresent(s -> {
            alerts.restore(s.fingerprint(), s.record(), r.partition(), targetNames);
            restoredRecords.merge(r.partition(), 1, Integer::sum);
        }));
        if (!done.isEmpty()) {
            done.forEach(this::warnIfStateMissing);
            alerts.rebuilt(done);
            consumer.resume(done.stream().map(p -> new TopicPartition(Topics.ALERTS.name(), p)).toList());
            log.info("delivery state of sitewatch.alerts partitions {} rebuilt ({} alerts known); reading and delivering "
                    + "their alerts", done, alerts.size());
            workers.forEach(DeliveryWorker::wake);
        }
    }

    /**
     * A group that committed offsets but has no delivery state was run by a version without the state
     * topic: the alerts it handled before are unknown (no re-sends until they change). Said once, with the fix.
     */
    private void warnIfStateMissing(int partition) {
        Long committed = lastCommitted.get(new TopicPartition(Topics.ALERTS.name(), partition));
        if (restoredRecords.getOrDefault(partition, 0) == 0 && committed != null && committed > 0) {
            log.warn("no delivery state in {} for partition {} of {}, although the group committed offset {} there "
                    + "(first start after an upgrade?): alerts read before are not known, so Alertmanager gets them again "
                    + "only when they change. To re-deliver every alert once instead, stop the dispatcher and reset "
                    + "the group: kafka-consumer-groups --group <group-id> --topic {} --reset-offsets --to-earliest "
                    + "--execute", DeliveryStateLog.TOPIC, partition, Topics.ALERTS.name(), committed, Topics.ALERTS.name());
        }
        restoredRecords.remove(partition);
    }

    /**
     * Writes every changed delivery state and, once the broker acknowledged all of it, commits the
     * read position of {@code partitions} (those still being rebuilt have not moved).
     */
    private void persistAndCommit(Collection<TopicPartition> partitions) {
        List<StateWrite> writes = alerts.drainChanges();
        stateLog.send(writes);
        List<StateWrite> lost = stateLog.flush();
        if (!lost.isEmpty()) {
            alerts.unpersisted(lost);
            return; // not committed: after a crash now, these records are read and applied again
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Set<Integer> stillRebuilding = new HashSet<>(rebuild.partitions());
        stillRebuilding.addAll(toRebuild);
        for (TopicPartition tp : partitions) {
            if (stillRebuilding.contains(tp.partition())) {
                continue;
            }
            long position = consumer.position(tp);
            Long previous = lastCommitted.get(tp);
            if (previous == null || previous != position) {
                offsets.put(tp, new OffsetAndMetadata(position));
            }
        }
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
            offsets.forEach((tp, o) -> lastCommitted.put(tp, o.offset()));
        }
    }

    private void closeGracefully() {
        try {
            // The workers first, so what they delivered last is in the state written below.
            workers.forEach(DeliveryWorker::requestStop);
            long deadline = System.nanoTime() + stopTimeout.toNanos();
            workers.forEach(w -> w.awaitStop(deadline));
            persistAndCommit(consumer.assignment());
        } catch (RuntimeException e) {
            log.warn("could not write the delivery state or commit on shutdown; the records read since the last commit "
                    + "are read again after the restart: {}", e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(10));
            stateLog.close();
            rebuild.close();
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

    /** Rebuilds gained partitions before reading them; writes, commits and forgets lost ones. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            // Nothing of theirs is read or delivered before their delivery state is back.
            consumer.pause(partitions);
            List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
            alerts.rebuilding(numbers);
            toRebuild.addAll(numbers);
            consumer.committed(new HashSet<>(partitions)).forEach((tp, o) -> {
                if (o != null) {
                    lastCommitted.put(tp, o.offset());
                }
            });
            log.info("alert dispatcher owns {}; rebuilding their delivery state from {}", partitions,
                    DeliveryStateLog.TOPIC);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                persistAndCommit(partitions);
            } catch (RuntimeException e) {
                log.warn("could not write the state or commit revoked partitions {}; their new owner reads the "
                        + "uncommitted records again: {}", partitions, e.getMessage());
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
            rebuild.remove(numbers);
            numbers.forEach(toRebuild::remove);
            numbers.forEach(restoredRecords::remove);
            alerts.forget(numbers);
            partitions.forEach(lastCommitted::remove);
        }
    }
}
