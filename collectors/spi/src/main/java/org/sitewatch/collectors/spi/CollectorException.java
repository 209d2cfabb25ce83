package org.sitewatch.collectors.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorStatus;

/**
 * A classified failure to read an endpoint. The classification decides what the runtime does:
 * a <em>retriable</em> failure (I/O, time-out, 5xx, malformed answer) is retried with a bounded
 * back-off; a <em>permanent</em> one (credentials rejected, bad configuration) will not heal by
 * itself, so the runtime reports it, logs the {@link #remedy()} once, and retries only slowly.
 *
 * <p>The message and the remedy go to logs and heartbeats, and may quote a vendor's answer or a URL:
 * both are passed through {@link Redactor} here, so no credential they carry is kept (the cause is
 * left as it is; the runtime never logs it above DEBUG, and then redacted too).
 */
public class CollectorException extends Exception {

    private final CollectorErrorKind kind;
    private final boolean permanent;
    private final String remedy;
    private final Duration retryAfter;

    public CollectorException(CollectorErrorKind kind, boolean permanent, String message, String remedy, Throwable cause) {
        this(kind, permanent, message, remedy, null, cause);
    }

    protected CollectorException(CollectorErrorKind kind, boolean permanent, String message, String remedy,
                                 Duration retryAfter, Throwable cause) {
        super(Redactor.redact(Objects.requireNonNull(message, "message")), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.permanent = permanent;
        this.remedy = Redactor.redact(remedy);
        this.retryAfter = retryAfter;
    }

    /**
     * The vendor is throttling (HTTP 429): retriable, and not before {@code retryAfter} (null when
     * the vendor did not say; the usual back-off applies then).
     */
    public static CollectorException throttled(String message, Duration retryAfter) {
        return new CollectorException(CollectorErrorKind.HTTP_4XX, false, message,
                "The endpoint limits request rates: raise poll-interval if this repeats", retryAfter, null);
    }

    /** A failure that may go away by itself: back off and try again. */
    public static CollectorException retriable(CollectorErrorKind kind, String message, Throwable cause) {
        return new CollectorException(kind, false, message, null, cause);
    }

    /** A failure that needs an operator; {@code remedy} says what to do. */
    public static CollectorException permanent(CollectorErrorKind kind, String message, String remedy, Throwable cause) {
        return new CollectorException(kind, true, message, remedy, cause);
    }

    public CollectorErrorKind kind() {
        return kind;
    }

    public boolean permanent() {
        return permanent;
    }

    /** What an operator should do about it; null for retriable failures. */
    public String remedy() {
        return remedy;
    }

    /** How long the vendor asked us to wait before the next request, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The heartbeat status: credentials problems are AUTH_FAILED, everything else ERROR. */
    public CollectorStatus status() {
        return kind == CollectorErrorKind.AUTH ? CollectorStatus.AUTH_FAILED : CollectorStatus.ERROR;
    }

    /** The message followed by the remedy, for heartbeats and logs. */
    public String describe() {
        return remedy == null ? getMessage() : getMessage() + ". " + remedy;
    }
}
