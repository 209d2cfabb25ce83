package org.sitewatch.streams.query;

/** The views cannot be answered right now (starting, rebalancing, restoring, stopped); try again later. */
public class NotReadyException extends RuntimeException {

    private final transient Readiness readiness;

    public NotReadyException(Readiness readiness) {
        this(readiness, null);
    }

    public NotReadyException(Readiness readiness, Throwable cause) {
        super("views not ready: Kafka Streams is " + readiness.state() + (readiness.reason() == null ? "" : ": " + readiness.reason()),
                cause);
        this.readiness = readiness;
    }

    public Readiness readiness() {
        return readiness;
    }
}
