package org.sitewatch.events;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that does not satisfy the event contract. The {@link Reason} is a bounded code that the
 * streams app writes to the dead-letter topic's headers next to the message.
 */
public class InvalidEventException extends SerializationException {

    /** Why a record was rejected. */
    public enum Reason {
        NOT_A_CLOUDEVENT, UNKNOWN_TYPE, NO_DATA, MALFORMED_DATA, INVALID_DATA, SUBJECT_MISMATCH
    }

    private final Reason reason;

    public InvalidEventException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidEventException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
