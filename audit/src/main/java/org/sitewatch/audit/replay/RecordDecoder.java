package org.sitewatch.audit.replay;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.sitewatch.events.CloudEventSerde;
import org.sitewatch.events.InvalidEventException;
import org.sitewatch.events.SitewatchEvent;

/**
 * Decodes raw records with the contract's own serde (binary-mode CloudEvents, needing the headers)
 * and keeps count of those that are not valid events, with the first few for the report.
 */
public final class RecordDecoder {

    /** How many undecodable records are kept for the report; the rest are only counted. */
    public static final int SAMPLES = 20;

    private final Deserializer<SitewatchEvent> deserializer = new CloudEventSerde().deserializer();
    private final UndecodableLog log;
    private Undecodable lastFailure;

    public RecordDecoder(UndecodableLog log) {
        this.log = log;
    }

    /** The event, or null when the record is not one (then it is logged). */
    public SitewatchEvent decode(ConsumerRecord<byte[], byte[]> r) {
        try {
            return deserializer.deserialize(r.topic(), r.headers(), r.value());
        } catch (InvalidEventException e) {
            lastFailure = new Undecodable(r.topic(), r.partition(), r.offset(), r.timestamp(), e.reason() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            lastFailure = new Undecodable(r.topic(), r.partition(), r.offset(), r.timestamp(), "UNREADABLE: " + e.getMessage());
        }
        log.add(lastFailure);
        return null;
    }

    /** The failure of the last record that did not decode. */
    Undecodable lastFailure() {
        return lastFailure;
    }
}
