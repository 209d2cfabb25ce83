package org.sitewatch.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open range of event time, {@code [from, to)}: an event at exactly {@code to} belongs to the
 * next range, so consecutive daily replays neither miss nor repeat an event.
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        requireForward(from, to, "--from", "--to");
    }

    /** Parses both ends against one {@code now}; {@code to} defaults to now. */
    public static TimeRange parse(String from, String to, Instant now) {
        return parse(from, to, now, "--from", "--to");
    }

    /** Like {@link #parse(String, String, Instant)}, naming the ends as the caller calls them (query parameters). */
    public static TimeRange parse(String from, String to, Instant now, String fromName, String toName) {
        Instant f = TimeExpressions.parse(from, now, fromName);
        Instant t = to == null || to.isBlank() ? now : TimeExpressions.parse(to, now, toName);
        requireForward(f, t, fromName, toName);
        return new TimeRange(f, t);
    }

    /** The length of the range. */
    public Duration length() {
        return Duration.between(from, to);
    }

    private static void requireForward(Instant from, Instant to, String fromName, String toName) {
        if (!from.isBefore(to)) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST,
                    "bad range: " + fromName + " " + from + " is not before " + toName + " " + to);
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
