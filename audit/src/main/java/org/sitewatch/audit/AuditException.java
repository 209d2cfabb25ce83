package org.sitewatch.audit;

/**
 * A failure the user can act on, with its kind. The kind decides the command line's exit code and
 * the REST status, so both front ends report the same failure the same way. The message is written
 * for the user: what is wrong and what to do next.
 */
public class AuditException extends RuntimeException {

    /** What went wrong, with its exit code (CLI) and HTTP status (REST). */
    public enum Kind {
        /** Unparsable or inconsistent input: a bad range, an unknown event type or platform. */
        BAD_REQUEST(2, 400),
        /** A site filter names a site no event and no collector has ever mentioned. */
        UNKNOWN_SITE(2, 404),
        /** The range starts before the oldest event Kafka still keeps. */
        BEFORE_RETENTION(2, 410),
        /** Kafka cannot be reached, or it is not Sitewatch's Kafka (topics missing). */
        KAFKA_UNAVAILABLE(3, 503),
        /**
         * A request ran past its deadline, or a read was cut short before its end (the alerts topic):
         * the answer would be incomplete, so there is none.
         */
        INCOMPLETE(3, 503),
        /** Sorting the replay needs more temporary disk than the audit may use. */
        SPILL_LIMIT(2, 507),
        /** The client went away; nobody reads the answer. */
        CANCELLED(1, 503),
        /** A file could not be read or written. */
        IO(1, 500);

        private final int exitCode;
        private final int httpStatus;

        Kind(int exitCode, int httpStatus) {
            this.exitCode = exitCode;
            this.httpStatus = httpStatus;
        }

        public int exitCode() {
            return exitCode;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    public AuditException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AuditException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
