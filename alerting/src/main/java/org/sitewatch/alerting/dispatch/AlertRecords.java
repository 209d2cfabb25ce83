package org.sitewatch.alerting.dispatch;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.sitewatch.events.Alert;
import org.sitewatch.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads alert records with the topic's own value serde, record by record, so one unreadable value
 * is skipped with a log line instead of failing the whole poll (the consumer reads raw bytes).
 */
final class AlertRecords {

    /** A readable record: the fingerprint (the key, else the value's) and the alert, null for a tombstone. */
    record Decoded(String fingerprint, Alert alert, int partition, long offset) {
    }

    private static final Logger log = LoggerFactory.getLogger(AlertRecords.class);

    private AlertRecords() {
    }

    static Optional<Decoded> decode(ConsumerRecord<String, byte[]> record) {
        Alert alert;
        try {
            alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            log.warn("skipping unreadable record {}-{}@{} on the alerts topic: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
        String fingerprint = record.key() != null ? record.key() : alert == null ? null : alert.fingerprint();
        if (fingerprint == null) {
            log.warn("skipping a tombstone without key at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        return Optional.of(new Decoded(fingerprint, alert, record.partition(), record.offset()));
    }
}
