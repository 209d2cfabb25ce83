package org.sitewatch.audit.replay;

/**
 * A record that is not a valid Sitewatch event (not a CloudEvent, unknown type, invalid data). It is
 * left out of the replay and reported; it does not stop the replay.
 *
 * @param reason the contract's reason code and message
 */
public record Undecodable(String topic, int partition, long offset, long timestamp, String reason) {

    public String coordinates() {
        return AuditRecord.coordinates(topic, partition, offset);
    }
}
