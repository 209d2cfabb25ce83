package org.sitewatch.alerting.dispatch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.sitewatch.alerting.state.DeliveryRecord;
import org.sitewatch.alerting.state.StateWrite;
import org.sitewatch.events.Json;
import org.sitewatch.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the dispatcher's delivery state to {@link Topics#ALERT_DISPATCH} (idempotent producer,
 * acks=all) and reads it back. Key {@code <group>/<fingerprint>}, so dispatchers of several groups
 * on one cluster keep apart; each alert's state goes to the partition number of its
 * {@code sitewatch.alerts} partition, so a partition's rebuild reads one partition. Dispatcher thread only.
 */
final class DeliveryStateLog implements AutoCloseable {

    static final String TOPIC = Topics.ALERT_DISPATCH.name();

    /** A readable state record of this group: the fingerprint and the state, null for a tombstone. */
    record Read(String fingerprint, DeliveryRecord record) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeliveryStateLog.class);

    private final Producer<String, byte[]> producer;
    private final String keyPrefix;
    private final List<StateWrite> inFlight = new ArrayList<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    DeliveryStateLog(Producer<String, byte[]> producer, String groupId) {
        this.producer = producer;
        this.keyPrefix = groupId + "/";
    }

    /** Sends the changes; {@link #flush} says whether they all arrived. */
    void send(List<StateWrite> writes) {
        for (StateWrite w : writes) {
            byte[] value = w.record() == null ? null : Json.bytes(w.record());
            inFlight.add(w);
            try {
                producer.send(new ProducerRecord<>(TOPIC, w.partition(), keyPrefix + w.fingerprint(), value), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            } catch (KafkaException e) {
                // e.g. the buffer stayed full for max.block.ms: reported (and handed back) by flush()
                failure.compareAndSet(null, e);
            }
        }
    }

    /**
     * Waits until everything sent is acknowledged. Returns the writes that may have been lost (all
     * sent since the last flush) if the broker refused one, else an empty list.
     */
    List<StateWrite> flush() {
        if (inFlight.isEmpty()) {
            return List.of();
        }
        try {
            producer.flush();
        } catch (KafkaException e) {
            failure.compareAndSet(null, e);
        }
        List<StateWrite> sent = List.copyOf(inFlight);
        inFlight.clear();
        Exception e = failure.getAndSet(null);
        if (e == null) {
            return List.of();
        }
        log.warn("could not write the delivery state of {} alerts to {}; the offsets of sitewatch.alerts are not "
                + "committed until it is written: {}", sent.size(), TOPIC, e.getMessage());
        return sent;
    }

    /** This group's state in a record of the topic; empty for another group's record or an unreadable one. */
    Optional<Read> decode(ConsumerRecord<String, byte[]> r) {
        String key = r.key();
        if (key == null || !key.startsWith(keyPrefix) || key.indexOf('/', keyPrefix.length()) >= 0) {
            return Optional.empty();
        }
        String fingerprint = key.substring(keyPrefix.length());
        if (r.value() == null) {
            return Optional.of(new Read(fingerprint, null));
        }
        try {
            return Optional.of(new Read(fingerprint, Json.read(r.value(), DeliveryRecord.class)));
        } catch (IOException | RuntimeException e) {
            log.warn("skipping unreadable delivery state {}-{}@{} of {}: {}", r.topic(), r.partition(), r.offset(),
                    fingerprint, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
